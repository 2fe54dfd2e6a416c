package org.vidcase.lead.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.vidcase.audit.service.AuditSubject;
import org.vidcase.lead.domain.IdentificationKind;

/** An identification record; it holds no name or identity. */
public record IdentificationView(UUID id, UUID caseId, IdentificationKind kind, String reference, LocalDate identifiedOn,
                                 String country, String unit, List<UUID> leadIds, List<UUID> seriesIds,
                                 String recordedBy, Instant recordedAt, boolean withdrawn, String withdrawnBy,
                                 Instant withdrawnAt, String withdrawReason) implements AuditSubject {
    @Override
    public String auditObjectId() {
        return id.toString();
    }

    @Override
    public UUID auditCaseId() {
        return caseId;
    }
}
