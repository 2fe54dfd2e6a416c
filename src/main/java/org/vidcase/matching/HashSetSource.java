package org.vidcase.matching;

/**
 * Where a reference hash set comes from; precedence rules can rank national above international.
 * HUB is the subscription to the international exchange hub (org.vidcase.exchange), kept current
 * entry by entry rather than imported from a file.
 */
public enum HashSetSource {
    ICSE, PROJECT_VIC, CAID, NSRL, NATIONAL, CUSTOM, HUB
}
