package org.vidcase.hub.api;

import java.time.Instant;
import java.util.UUID;
import org.vidcase.audit.service.AuditSubject;

/**
 * The hub's answer to a package: what it did with it, or, for a package it had accepted before
 * ({@code replay}), what it did then; a replay changes nothing.
 *
 * @param newEntries        hashes the hub did not hold
 * @param mergedEntries     submissions merged into entries it held
 * @param feedback          feedback items counted
 * @param feedbackUnknown   feedback on hashes the hub does not hold (ignored)
 * @param revoked           submissions withdrawn by the package's revocations
 * @param alreadyWithdrawn  revocations of entries this country had no live submission of
 */
public record PackageReceipt(UUID packageId, String country, String keyId, String channel, Instant receivedAt,
                             boolean replay, int newEntries, int mergedEntries, int feedback, int feedbackUnknown,
                             int revoked, int alreadyWithdrawn, int identificationCounts)
        implements AuditSubject {

    public PackageReceipt asReplay() {
        return new PackageReceipt(packageId, country, keyId, channel, receivedAt, true, newEntries, mergedEntries,
                feedback, feedbackUnknown, revoked, alreadyWithdrawn, identificationCounts);
    }

    @Override
    public String auditObjectId() {
        return packageId == null ? null : packageId.toString();
    }

    @Override
    public UUID auditCaseId() {
        return null;
    }
}
