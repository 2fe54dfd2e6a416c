package org.vidcase.hashset.service;

import java.util.UUID;

/**
 * Fired by the rematch job once the items of the open cases were matched against a set whose
 * entries started to count (imported into an active set, or activated), so that features holding
 * hashes of their own (a video's frames) match them against the set too.
 *
 * @param setId   the set
 * @param indexId its entries' id range ({@code org.vidcase.matching.EntryIds})
 * @param actor   who made the set count
 */
public record HashSetStartedMatching(UUID setId, int indexId, String actor) {
}
