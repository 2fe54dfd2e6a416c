package org.vidcase.index;

/**
 * Input of a segment build: entries of a batch, or the live entries of an existing segment being
 * merged, read in place (a merge of ten million entries should not first copy them).
 *
 * @param hashBase  index in {@code hashes} of the first word of position 0
 * @param positions the positions to take, ascending; null for {@code 0..count-1}
 */
record PdqSource(long[] hashes, int hashBase, long[] entryIds, int[] setIds, int[] positions, int count) {

    static PdqSource of(PdqEntries entries) {
        return new PdqSource(entries.hashes, 0, entries.entryIds, entries.setIds, null, entries.size);
    }

    static PdqSource live(SegmentState<PdqSegment> state) {
        PdqSegment segment = state.segment();
        int[] live = state.livePositions();
        return new PdqSource(segment.hashes, PdqSegment.HASH_BASE, segment.entryIds, segment.setIds, live,
                state.liveCount());
    }

    int position(int i) {
        return positions == null ? i : positions[i];
    }

    /** Positions addressable in this source (the size of its position map). */
    int span() {
        return entryIds.length;
    }
}
