package org.vidcase.exchange.api;

import java.time.Instant;
import java.util.UUID;
import org.vidcase.audit.service.AuditSubject;

/**
 * The node's subscription to the hub: the HUB hash set it feeds, where the pulls stand, and what
 * it holds (live entries, of which trusted and in conflict).
 */
public record SubscriptionView(UUID hashSetId, String hubUrl, boolean active, String cursor, Instant pulledAt,
                               String lastError, long entries, long trusted, long conflicts, long revision,
                               UUID lastJobId)
        implements AuditSubject {

    @Override
    public String auditObjectId() {
        return hashSetId.toString();
    }

    @Override
    public UUID auditCaseId() {
        return null;
    }
}
