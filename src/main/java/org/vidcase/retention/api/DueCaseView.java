package org.vidcase.retention.api;

import java.time.Instant;
import java.util.UUID;

/** A closed case past its retention, not on hold, that a supervisor may approve for disposal. */
public record DueCaseView(UUID caseId, String reference, String title, String unit, Instant closedAt,
                          String closedBy, Instant retainUntil) {
}
