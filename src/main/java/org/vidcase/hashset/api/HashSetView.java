package org.vidcase.hashset.api;

import java.time.Instant;
import java.util.UUID;
import org.vidcase.audit.service.AuditSubject;
import org.vidcase.hashset.domain.HashSetKind;
import org.vidcase.hashset.domain.HashSetSource;
import org.vidcase.hashset.domain.ReferenceHashSet;

public record HashSetView(UUID id, String name, HashSetSource source, String version, HashSetKind kind,
                          String categoryScheme, String description, boolean active, long entryCount,
                          Instant importedAt, String createdBy, Instant createdAt, String updatedBy,
                          Instant updatedAt) implements AuditSubject {

    public static HashSetView of(ReferenceHashSet s) {
        return new HashSetView(s.id, s.name, s.source, s.setVersion, s.kind, s.categoryScheme, s.description, s.active,
                s.entryCount, s.importedAt, s.createdBy, s.createdAt, s.updatedBy, s.updatedAt);
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
