package org.vidcase.index;

/** A segment together with the positions removed from it as of one snapshot. */
record SegmentState<S extends Segment>(S segment, Tombstones removed) {

    int liveCount() {
        return segment.size() - removed.count();
    }

    /** Positions not removed, ascending; {@code null} when nothing is removed (all are live). */
    int[] livePositions() {
        if (removed.count() == 0) {
            return null;
        }
        int[] live = new int[liveCount()];
        int n = 0;
        for (int position = 0; position < segment.size(); position++) {
            if (!removed.contains(position)) {
                live[n++] = position;
            }
        }
        return live;
    }
}
