package org.vidcase.matching;

import org.vidcase.matching.HashSetKind;
import org.vidcase.matching.HashSetSource;

/**
 * A stored match with what the precedence rules weigh: the set's kind and source and the entry's
 * category and flags. {@code category} is null when the entry has none or its set uses another
 * category scheme than this server.
 */
public record RecordedMatch(long entryId, String setLabel, MatchType type, int distance, HashSetKind kind, HashSetSource source,
                            String category, String series, Boolean victimIdentified, Boolean offenderIdentified,
                            Boolean distributed) {
}
