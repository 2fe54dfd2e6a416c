package org.vidcase.index;

/**
 * Maps a table's keys to their bucket: the range of the table's entry list holding the entries
 * with that key (CSR offsets).
 */
sealed interface BucketDirectory permits PackedBucketDirectory, ArrayBucketDirectory {

    /**
     * From {@code offsets} (bucket k spans {@code [offsets[k], offsets[k+1])}); packed when every
     * line's counts fit in bytes, which holds for all but heavily skewed data.
     */
    static BucketDirectory of(int[] offsets) {
        BucketDirectory packed = PackedBucketDirectory.tryPack(offsets);
        return packed != null ? packed : new ArrayBucketDirectory(offsets);
    }

    /** For each {@code keys[i]}, {@code i} in {@code [from, to)}, stores its bucket bounds at index i. */
    void bounds(int[] keys, int from, int to, int[] starts, int[] ends);

    long memoryBytes();
}
