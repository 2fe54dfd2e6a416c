package org.vidcase.index;

import java.util.List;

/**
 * Everything a query reads, frozen: the segments (the large base first, then newer deltas), their
 * removals and the deactivated sets. Writers publish a new snapshot instead of mutating this one,
 * so a query that started on it sees one consistent state however long it runs.
 */
record Snapshot<S extends Segment>(List<SegmentState<S>> segments, SetIdSet inactiveSets) {

    static <S extends Segment> Snapshot<S> empty() {
        return new Snapshot<>(List.of(), SetIdSet.EMPTY);
    }

    /** Whether the entry at {@code position} of {@code state} may be returned by a query. */
    boolean isVisible(SegmentState<S> state, int position) {
        return !state.removed().contains(position)
                && !inactiveSets.contains(state.segment().setIds[position]);
    }

    long liveEntries() {
        long live = 0;
        for (SegmentState<S> state : segments) {
            live += state.liveCount();
        }
        return live;
    }

    IndexStats stats() {
        long entries = 0;
        long removed = 0;
        long bytes = 0;
        for (SegmentState<S> state : segments) {
            entries += state.segment().size();
            removed += state.removed().count();
            bytes += state.segment().memoryBytes() + state.removed().memoryBytes();
        }
        return new IndexStats(segments.size(), entries, removed, inactiveSets.size(), bytes);
    }
}
