package org.vidcase.series.api;

import java.time.Instant;
import java.util.UUID;

/**
 * A cross-case hit as the hitting case sees it: which of its own pictures is related to a series
 * held elsewhere, and whom to contact. Nothing of the other case.
 */
public record SeriesHitView(UUID id, UUID mediaItemId, String owningUnit, String contact, String foundBy,
                            Instant foundAt) {
}
