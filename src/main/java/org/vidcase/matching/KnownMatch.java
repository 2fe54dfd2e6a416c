package org.vidcase.matching;

/**
 * An item's match with one reference entry.
 *
 * @param entryId    the reference entry (its set is {@link EntryIds#setOf})
 * @param setIndexId the set's compact index id
 * @param type       the hash that matched
 * @param distance   0 for exact matches; PDQ Hamming distance otherwise
 * @param dihedral   for PDQ, the rotation or reflection of the item that came nearest, else null
 */
public record KnownMatch(long entryId, int setIndexId, MatchType type, int distance, String dihedral) {
}
