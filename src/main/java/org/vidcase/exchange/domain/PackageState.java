package org.vidcase.exchange.domain;

/**
 * COMPOSED by a liaison officer; APPROVED (and signed) or REFUSED by a supervisor who did not
 * compose it; SENT once the hub accepted it. An approved package may also leave as a file.
 */
public enum PackageState {
    COMPOSED, APPROVED, REFUSED, SENT
}
