package org.vidcase.audit.api;

import java.time.Instant;
import java.util.UUID;
import org.vidcase.audit.domain.AuditEvent;
import org.vidcase.audit.domain.AuditOutcome;

/** An audit event as auditors read it, with its place in the chain. */
public record AuditEventView(long seq, UUID id, Instant occurredAt, String actor, String action, String objectType,
                             String objectId, UUID caseId, AuditOutcome outcome, String justification,
                             String requestId, String detail, String sessionId, String authentication,
                             String prevHash, String hash) {

    static AuditEventView of(AuditEvent e) {
        return new AuditEventView(e.seq, e.id, e.occurredAt, e.actor, e.action, e.objectType, e.objectId, e.caseId,
                e.outcome, e.justification, e.requestId, e.detail, e.sessionId, e.authentication, e.prevHash, e.hash);
    }
}
