package org.vidcase.search.infra;

import java.util.UUID;

/** A media item near a probe hash: its case, the Hamming distance, and what it is. */
public record SimilarHit(UUID mediaItemId, UUID caseId, int distance, String mediaType) {
}
