package org.vidcase.index;

import java.util.Arrays;

/** Immutable set of hash-set ids; small (the deactivated sets), so a sorted array is enough. */
final class SetIdSet {

    static final SetIdSet EMPTY = new SetIdSet(new int[0]);

    private final int[] sorted;

    private SetIdSet(int[] sorted) {
        this.sorted = sorted;
    }

    boolean contains(int setId) {
        return sorted.length != 0 && Arrays.binarySearch(sorted, setId) >= 0;
    }

    boolean isEmpty() {
        return sorted.length == 0;
    }

    int size() {
        return sorted.length;
    }

    SetIdSet with(int setId) {
        int at = Arrays.binarySearch(sorted, setId);
        if (at >= 0) {
            return this;
        }
        int insert = -at - 1;
        int[] next = new int[sorted.length + 1];
        System.arraycopy(sorted, 0, next, 0, insert);
        next[insert] = setId;
        System.arraycopy(sorted, insert, next, insert + 1, sorted.length - insert);
        return new SetIdSet(next);
    }

    SetIdSet without(int setId) {
        int at = Arrays.binarySearch(sorted, setId);
        if (at < 0) {
            return this;
        }
        int[] next = new int[sorted.length - 1];
        System.arraycopy(sorted, 0, next, 0, at);
        System.arraycopy(sorted, at + 1, next, at, next.length - at);
        return new SetIdSet(next);
    }
}
