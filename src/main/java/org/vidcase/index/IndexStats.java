package org.vidcase.index;

/**
 * Size of an index at one moment.
 *
 * @param segments        the base plus the not yet merged delta segments
 * @param storedEntries   entries held, including removed ones not yet dropped by a merge
 * @param removedEntries  entries removed but still held until their segment is merged
 * @param inactiveSets    deactivated set ids
 * @param memoryBytes     heap bytes of the index arrays (measured from their lengths)
 */
public record IndexStats(int segments, long storedEntries, long removedEntries, int inactiveSets,
                         long memoryBytes) {

    public long liveEntries() {
        return storedEntries - removedEntries;
    }
}
