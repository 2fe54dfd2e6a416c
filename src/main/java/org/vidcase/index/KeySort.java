package org.vidcase.index;

import java.util.Arrays;

/**
 * Stable counting sort of indices by integer key, producing CSR bucket offsets. A one-pass counting
 * sort over 2^24 buckets would miss the cache on every entry; instead entries are first partitioned
 * by the key's high bits (a few hundred output streams) and each partition is then sorted by the
 * low {@value #LOW_BITS} bits with a count array that stays in L2.
 */
final class KeySort {

    private static final int LOW_BITS = 16;

    private KeySort() {
    }

    /**
     * Returns the indices {@code 0..keys.length-1} ordered by {@code keys[i]} (stable), and fills
     * {@code offsets} (length 2^width + 1) so that key k's indices are at
     * {@code [offsets[k], offsets[k+1])}. Reuses {@code keys} as the result array.
     */
    static int[] sortIndices(int[] keys, int width, int[] offsets) {
        int n = keys.length;
        int lowBits = Math.min(width, LOW_BITS);
        int lowMask = (1 << lowBits) - 1;
        int partitions = 1 << (width - lowBits);

        int[] partitionStarts = new int[partitions + 1];
        for (int key : keys) {
            partitionStarts[(key >>> lowBits) + 1]++;
        }
        for (int p = 1; p <= partitions; p++) {
            partitionStarts[p] += partitionStarts[p - 1];
        }
        int[] cursors = Arrays.copyOf(partitionStarts, partitions);
        int[] indices = new int[n];
        char[] lowKeys = new char[n];
        for (int i = 0; i < n; i++) {
            int key = keys[i];
            int at = cursors[key >>> lowBits]++;
            indices[at] = i;
            lowKeys[at] = (char) (key & lowMask);
        }

        int[] sorted = keys;
        int[] starts = new int[lowMask + 2];
        for (int p = 0; p < partitions; p++) {
            int from = partitionStarts[p];
            int to = partitionStarts[p + 1];
            Arrays.fill(starts, 0);
            for (int j = from; j < to; j++) {
                starts[lowKeys[j] + 1]++;
            }
            int base = p << lowBits;
            offsets[base] = from;
            for (int k = 1; k < starts.length; k++) {
                starts[k] += starts[k - 1];
                offsets[base + k] = from + starts[k];
            }
            for (int j = from; j < to; j++) {
                sorted[from + starts[lowKeys[j]]++] = indices[j];
            }
        }
        offsets[offsets.length - 1] = n;
        return sorted;
    }
}
