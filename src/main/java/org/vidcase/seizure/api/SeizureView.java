package org.vidcase.seizure.api;

import java.time.Instant;
import java.util.UUID;
import org.vidcase.audit.service.AuditSubject;
import org.vidcase.seizure.domain.Seizure;

public record SeizureView(UUID id, UUID caseId, String reference, String deviceDescription, Instant seizedAt,
                          String seizedBy, String forensicTool, String createdBy, Instant createdAt) implements AuditSubject {

    public static SeizureView of(Seizure s) {
        return new SeizureView(s.id, s.caseId, s.reference, s.deviceDescription, s.seizedAt, s.seizedBy, s.forensicTool,
                s.createdBy, s.createdAt);
    }

    @Override
    public String auditObjectId() {
        return id.toString();
    }

    @Override
    public UUID auditCaseId() {
        return caseId;
    }
}
