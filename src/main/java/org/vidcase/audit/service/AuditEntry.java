package org.vidcase.audit.service;

import java.util.UUID;
import org.vidcase.audit.domain.AuditOutcome;

/** What an audited action reports before it is chained and stored. */
public record AuditEntry(String actor, String action, String objectType, String objectId, UUID caseId,
                         AuditOutcome outcome, String justification, String requestId, String detail) {

    public static AuditEntry of(String actor, AuditAction action, String objectId, UUID caseId, AuditOutcome outcome,
                                String justification, String requestId, String detail) {
        return new AuditEntry(actor, action.code(), action.objectType(), objectId, caseId, outcome, justification,
                requestId, detail);
    }
}
