package org.vidcase.search.infra;

import java.util.UUID;

/**
 * A media item near a probe hash: its case, the Hamming distance, what it is, and which of its
 * stored rotations or reflections matched (null: the item as it is).
 */
public record SimilarHit(UUID mediaItemId, UUID caseId, int distance, String mediaType, String storedTurn) {
}
