package org.vidcase.index;

import java.util.Arrays;

/**
 * Per-thread working arrays of a radius query, reused so a query allocates nothing in the common
 * case. Grows to the largest query seen.
 */
final class PdqSearchScratch {

    int[] queryKeys = new int[0];
    int[] tableKeyEnds = new int[0];
    int[] tableCandidateEnds = new int[0];
    int[] keys = new int[0];
    int[] starts = new int[0];
    int[] ends = new int[0];
    int[] candidates = new int[0];
    int[] hitPositions = new int[16];
    int[] hitDistances = new int[16];
    int hits;
    /** Keeps the prefetching loads of {@link PdqSegment} observable, so they are not optimized away. */
    long prefetchSink;

    void prepare(int tables, int keyCount) {
        if (queryKeys.length < tables) {
            queryKeys = new int[tables];
            tableKeyEnds = new int[tables];
            tableCandidateEnds = new int[tables];
        }
        if (keys.length < keyCount) {
            int capacity = grow(keys.length, keyCount);
            keys = new int[capacity];
            starts = new int[capacity];
            ends = new int[capacity];
        }
        hits = 0;
    }

    int[] candidates(int count) {
        if (candidates.length < count) {
            candidates = new int[grow(candidates.length, count)];
        }
        return candidates;
    }

    void addHit(int position, int distance) {
        if (hits == hitPositions.length) {
            hitPositions = Arrays.copyOf(hitPositions, hits * 2);
            hitDistances = Arrays.copyOf(hitDistances, hits * 2);
        }
        hitPositions[hits] = position;
        hitDistances[hits] = distance;
        hits++;
    }

    private static int grow(int current, int needed) {
        return (int) Math.min(Integer.MAX_VALUE - 8L, Math.max(needed, current + (current >> 1L)));
    }
}
