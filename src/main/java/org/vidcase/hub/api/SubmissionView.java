package org.vidcase.hub.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** One country's submission of an entry, as the hub holds it (revoked ones included). */
public record SubmissionView(String country, String category, boolean baseline, String series, Boolean victimIdentified,
                             Boolean offenderIdentified, Boolean distributed, LocalDate submitted, UUID packageId,
                             Instant receivedAt, Instant revokedAt, String revokeReason) {
}
