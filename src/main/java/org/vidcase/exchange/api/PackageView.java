package org.vidcase.exchange.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.vidcase.audit.service.AuditSubject;
import org.vidcase.exchange.domain.PackageKind;
import org.vidcase.exchange.domain.PackageState;

/**
 * A package of the node and its course. The payload itself, exactly as it leaves, is at
 * {@code GET /api/exchange/packages/{id}/payload}.
 *
 * @param leftOut   what the selection found but the package does not carry, and why (counts)
 * @param hubAnswer the hub's answer to the last sending
 */
public record PackageView(UUID id, PackageKind kind, PackageState state, String country, int entryCount,
                          int feedbackCount, int revocationCount, Map<String, Long> leftOut, String payloadSha256,
                          String composedBy, Instant composedAt, String decidedBy, Instant decidedAt,
                          String refusalReason, String keyId, String sentBy, Instant sentAt, JsonNode hubAnswer,
                          List<DisclosureView> disclosures)
        implements AuditSubject {

    @Override
    public String auditObjectId() {
        return id.toString();
    }

    @Override
    public UUID auditCaseId() {
        return null;
    }
}
