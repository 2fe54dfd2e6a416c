package org.vidcase.index;

/**
 * Input of a digest segment build: a batch, or the live entries of a segment being merged.
 *
 * @param positions the positions to take, ascending; null for {@code 0..count-1}
 */
record DigestSource(DigestReader reader, long[] entryIds, int[] setIds, int[] positions, int count) {

    /** Reads the digest words of one position of a source. */
    interface DigestReader {
        void read(int position, long[] out);
    }

    static DigestSource of(DigestEntries entries) {
        int width = entries.wordsPerDigest;
        long[] words = entries.words;
        return new DigestSource((position, out) -> System.arraycopy(words, position * width, out, 0, width),
                entries.entryIds, entries.setIds, null, entries.size);
    }

    static DigestSource live(SegmentState<DigestSegment> state) {
        DigestSegment segment = state.segment();
        return new DigestSource(segment::copyDigest, segment.entryIds, segment.setIds, state.livePositions(),
                state.liveCount());
    }

    int position(int i) {
        return positions == null ? i : positions[i];
    }

    int span() {
        return entryIds.length;
    }
}
