package org.vidcase.matching;

import java.util.UUID;

/** A media item to match, with its hashes. */
public record NewItem(UUID mediaId, MatchQuery query) {
}
