package org.vidcase.audit.domain;

/** How an audited action ended. */
public enum AuditOutcome {
    /** Done as asked. */
    SUCCESS,
    /** The object exists but the caller is not entitled to it (answered 404 or 403). */
    DENIED,
    /** The object does not exist. */
    NOT_FOUND,
    /** Refused by a business rule or invalid input; nothing changed. */
    REFUSED,
    /** An unexpected error; nothing changed. */
    FAILED
}
