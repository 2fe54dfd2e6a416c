package org.vidcase.hub.api;

import java.time.Instant;
import java.util.List;
import org.vidcase.audit.service.AuditSubject;

/** A registered node with its keys. */
public record NodeView(String clientId, String country, String description, boolean active, List<KeyView> keys,
                       String createdBy, Instant createdAt, String updatedBy, Instant updatedAt)
        implements AuditSubject {

    @Override
    public String auditObjectId() {
        return clientId;
    }

    @Override
    public java.util.UUID auditCaseId() {
        return null;
    }
}
