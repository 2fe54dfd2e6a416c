package org.vidcase.cases.domain;

/** A member's role within one case team. */
public enum CaseRole {
    /** Runs the case: manages the team and may close it. */
    LEAD,
    /** Works on the case's material. */
    MEMBER,
    /** Reads the case; changes nothing. */
    OBSERVER
}
