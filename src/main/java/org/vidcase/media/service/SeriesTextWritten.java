package org.vidcase.media.service;

import java.util.Set;
import java.util.UUID;

/**
 * Fired after a commit that wrote the series text of items by SQL (an import batch, a hash-set
 * rematch page), outside any transaction, so that features above media (series) turn the new text
 * into memberships before the work that wrote it reports itself done. A periodic sweep catches
 * whatever a crash between the commit and this event left behind.
 */
public record SeriesTextWritten(Set<UUID> caseIds) {
}
