package org.vidcase.exchange.domain;

/** What a package does: submit entries (with feedback and counts), or withdraw what was sent before. */
public enum PackageKind {
    SUBMISSION, REVOCATION
}
