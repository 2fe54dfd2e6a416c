package org.vidcase.index;

import java.util.Arrays;
import java.util.function.IntConsumer;

/**
 * Immutable set of removed positions of one segment. Updates copy only the chunks they touch, so
 * removing a handful of entries from a ten-million-entry segment costs kilobytes, not the whole
 * bitmap, while readers keep using the previous instance untouched.
 */
final class Tombstones {

    static final Tombstones NONE = new Tombstones(new long[0][], 0);

    private static final int CHUNK_SHIFT = 16;
    private static final int WORDS_PER_CHUNK = (1 << CHUNK_SHIFT) / Long.SIZE;

    /** A null chunk has no removed position. */
    private final long[][] chunks;
    private final int count;

    private Tombstones(long[][] chunks, int count) {
        this.chunks = chunks;
        this.count = count;
    }

    boolean contains(int position) {
        int chunk = position >>> CHUNK_SHIFT;
        if (chunk >= chunks.length) {
            return false;
        }
        long[] words = chunks[chunk];
        return words != null && (words[(position >>> 6) & (WORDS_PER_CHUNK - 1)] & (1L << position)) != 0;
    }

    int count() {
        return count;
    }

    /** This set plus {@code positions[0..n)}; returns {@code this} when none of them is new. */
    Tombstones with(int[] positions, int n) {
        long[][] copy = null;
        boolean[] copied = null;
        int added = 0;
        for (int i = 0; i < n; i++) {
            int position = positions[i];
            if (contains(position) || (copy != null && isSet(copy, position))) {
                continue;
            }
            if (copy == null) {
                int highestChunk = 0;
                for (int j = 0; j < n; j++) {
                    highestChunk = Math.max(highestChunk, positions[j] >>> CHUNK_SHIFT);
                }
                copy = Arrays.copyOf(chunks, Math.max(chunks.length, highestChunk + 1));
                copied = new boolean[copy.length];
            }
            int chunk = position >>> CHUNK_SHIFT;
            if (!copied[chunk]) {
                copy[chunk] = copy[chunk] == null ? new long[WORDS_PER_CHUNK] : copy[chunk].clone();
                copied[chunk] = true;
            }
            copy[chunk][(position >>> 6) & (WORDS_PER_CHUNK - 1)] |= 1L << position;
            added++;
        }
        return added == 0 ? this : new Tombstones(copy, count + added);
    }

    /** Calls {@code action} for every position in this set that is not in {@code older}. */
    void forEachAddedSince(Tombstones older, IntConsumer action) {
        for (int chunk = 0; chunk < chunks.length; chunk++) {
            long[] now = chunks[chunk];
            long[] then = chunk < older.chunks.length ? older.chunks[chunk] : null;
            if (now == null || now == then) {
                continue;
            }
            for (int w = 0; w < WORDS_PER_CHUNK; w++) {
                long added = now[w] & ~(then == null ? 0 : then[w]);
                while (added != 0) {
                    action.accept((chunk << CHUNK_SHIFT) + (w << 6) + Long.numberOfTrailingZeros(added));
                    added &= added - 1;
                }
            }
        }
    }

    long memoryBytes() {
        long bytes = 8L * chunks.length;
        for (long[] words : chunks) {
            bytes += words == null ? 0 : 8L * words.length;
        }
        return bytes;
    }

    private static boolean isSet(long[][] chunks, int position) {
        long[] words = chunks[position >>> CHUNK_SHIFT];
        return words != null && (words[(position >>> 6) & (WORDS_PER_CHUNK - 1)] & (1L << position)) != 0;
    }
}
