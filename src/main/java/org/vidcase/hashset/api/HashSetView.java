package org.vidcase.hashset.api;

import java.time.Instant;
import java.util.UUID;
import org.vidcase.audit.service.AuditSubject;
import org.vidcase.hashset.domain.ImportState;
import org.vidcase.hashset.domain.ReferenceHashSet;
import org.vidcase.matching.HashSetKind;
import org.vidcase.matching.HashSetSource;

public record HashSetView(UUID id, String name, HashSetSource source, String version, HashSetKind kind,
                          String categoryScheme, String defaultCategory, String description, boolean active,
                          long entryCount, ImportState importState, Instant importedAt, String importFileSha256,
                          UUID lastJobId, String createdBy, Instant createdAt, String updatedBy, Instant updatedAt) implements AuditSubject {

    public static HashSetView of(ReferenceHashSet s) {
        return new HashSetView(s.id, s.name, s.source, s.setVersion, s.kind, s.categoryScheme, s.defaultCategory, s.description,
                s.active, s.entryCount, s.importState, s.importedAt, s.importFileSha256, s.lastJobId, s.createdBy, s.createdAt, s.updatedBy, s.updatedAt);
    }

    @Override
    public String auditObjectId() {
        return id.toString();
    }

    @Override
    public UUID auditCaseId() {
        return null;
    }
}
