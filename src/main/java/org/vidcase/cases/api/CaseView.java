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
                       CaseRole myRole) implements AuditSubject {

    public static CaseView of(VidCase c, CaseRole myRole) {
        return new CaseView(c.id, c.reference, c.title, c.description, c.status, c.createdBy, c.createdAt,
                c.closedBy, c.closedAt, c.closingReason, myRole);
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
