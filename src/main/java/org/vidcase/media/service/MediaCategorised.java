package org.vidcase.media.service;

import java.util.List;
import java.util.UUID;

/**
 * Fired, inside the categorising transaction, when an officer categorised items of a case, so that
 * features above media (series) act on the new category, flags and series text at once.
 */
public record MediaCategorised(UUID caseId, List<UUID> mediaItemIds) {
}
