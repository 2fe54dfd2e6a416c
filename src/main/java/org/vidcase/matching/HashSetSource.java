package org.vidcase.matching;

/** Where a reference hash set comes from; precedence rules can rank national above international. */
public enum HashSetSource {
    ICSE, PROJECT_VIC, CAID, NSRL, NATIONAL, CUSTOM
}
