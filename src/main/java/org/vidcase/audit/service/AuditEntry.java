package org.vidcase.audit.service;

import java.util.UUID;
import org.vidcase.audit.domain.AuditOutcome;

/**
 * What an audited action reports before it is chained and stored. {@code sessionId} and
 * {@code authentication} name the login the request came from; the trail fills them in from the
 * current request when the entry does not carry them.
 */
public record AuditEntry(String actor, String action, String objectType, String objectId, UUID caseId,
                         AuditOutcome outcome, String justification, String requestId, String detail,
                         String sessionId, String authentication) {

    public AuditEntry(String actor, String action, String objectType, String objectId, UUID caseId,
                      AuditOutcome outcome, String justification, String requestId, String detail) {
        this(actor, action, objectType, objectId, caseId, outcome, justification, requestId, detail, null, null);
    }

    public static AuditEntry of(String actor, AuditAction action, String objectId, UUID caseId, AuditOutcome outcome,
                                String justification, String requestId, String detail) {
        return new AuditEntry(actor, action.code(), action.objectType(), objectId, caseId, outcome, justification,
                requestId, detail);
    }

    public AuditEntry withLogin(String sessionId, String authentication) {
        return new AuditEntry(actor, action, objectType, objectId, caseId, outcome, justification, requestId, detail,
                sessionId, authentication);
    }
}
