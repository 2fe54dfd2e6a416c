package org.vidcase.matching.api;

import java.time.Instant;
import java.util.UUID;
import org.vidcase.matching.HashSetKind;
import org.vidcase.matching.HashSetSource;
import org.vidcase.matching.MatchType;

/**
 * One match of a media item with a reference entry.
 *
 * @param decisive  whether this match gave the item its status and category
 * @param setActive       matches with inactive sets (or entries the hub withdrew) are kept but no longer count
 * @param international   for matches with the exchange hub's subscription (source HUB): what the hub says, else null
 * @param queryPercent    VPDQ: the share of the item's frames that matched the entry's
 * @param comparedPercent VPDQ: the share of the entry's frames that matched the item's
 * @param frameSeconds    FRAME_PDQ: when in the video the frame near the known picture is
 */
public record MatchView(UUID hashSetId, String hashSet, String hashSetVersion, HashSetSource source, HashSetKind kind,
                        boolean setActive, long entryId, MatchType hashType, int distance, String dihedral,
                        String category, String series, Boolean victimIdentified, Boolean offenderIdentified,
                        Boolean distributed, boolean decisive, Instant matchedAt, InternationalView international,
                        Float queryPercent, Float comparedPercent, Float frameSeconds) {
}
