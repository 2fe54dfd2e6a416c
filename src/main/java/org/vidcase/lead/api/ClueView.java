package org.vidcase.lead.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.vidcase.lead.domain.ClueType;
import org.vidcase.lead.domain.Confidence;

/**
 * A clue with its evidence. {@code relatedElsewhere} is filled only in the answer to adding or
 * editing a clue: for each clue of another case found equal, whom to contact, never more.
 */
public record ClueView(UUID id, ClueType type, String value, Double latitude, Double longitude, Confidence confidence,
                       List<UUID> mediaItemIds, List<UUID> seriesIds, String addedBy, Instant addedAt,
                       String updatedBy, Instant updatedAt, boolean withdrawn, String withdrawnBy, Instant withdrawnAt,
                       String withdrawReason, long version, List<String> relatedElsewhere) {
}
