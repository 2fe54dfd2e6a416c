package org.vidcase.cases.api;

import java.time.Instant;
import java.util.UUID;
import org.vidcase.audit.service.AuditSubject;
import org.vidcase.cases.domain.CaseRole;
import org.vidcase.cases.domain.CaseStatus;
import org.vidcase.cases.domain.VidCase;

/** A case as its team sees it, with the caller's own role in it (null for a supervisor outside the team). */
public record CaseView(UUID id, String reference, String title, String description, CaseStatus status,
                       String createdBy, Instant createdAt, String closedBy, Instant closedAt, String closingReason,
                       CaseRole myRole, Instant retainUntil, LegalHoldView legalHold) implements AuditSubject {

    /** A legal hold on the case: it is not disposed of while the hold stands. */
    public record LegalHoldView(String reason, String setBy, Instant setAt) {
    }

    public static CaseView of(VidCase c, CaseRole myRole) {
        return new CaseView(c.id, c.reference, c.title, c.description, c.status, c.createdBy, c.createdAt,
                c.closedBy, c.closedAt, c.closingReason, myRole, c.retainUntil,
                c.legalHold ? new LegalHoldView(c.legalHoldReason, c.legalHoldBy, c.legalHoldAt) : null);
    }

    @Override
    public String auditObjectId() {
        return id.toString();
    }

    @Override
    public UUID auditCaseId() {
        return id;
    }
}
