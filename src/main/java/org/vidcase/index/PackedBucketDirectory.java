package org.vidcase.index;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * CSR offsets at about one byte per bucket, one cache line per lookup. Each 64-byte line covers
 * {@value #KEYS_PER_LINE} consecutive keys: a 4-byte absolute offset, then 60 one-byte offsets
 * relative to it (bucket j of the line spans {@code [base + rel[j], base + rel[j+1])}). With about
 * one entry per bucket, as the layouts aim for, a line's entries never exceed a byte's range;
 * skewed data falls back to {@link ArrayBucketDirectory}.
 */
final class PackedBucketDirectory implements BucketDirectory {

    private static final int KEYS_PER_LINE = 59;
    private static final int LINE_BYTES = 64;
    private static final int MAX_LINE_ENTRIES = 255;
    /**
     * Large arrays start a G1 region, so their data begins 16 bytes (the header) after a cache-line
     * boundary; skipping 48 more bytes makes every line a cache line.
     */
    private static final int FIRST_LINE = 48;
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

    private final byte[] lines;

    private PackedBucketDirectory(byte[] lines) {
        this.lines = lines;
    }

    /** Packs {@code offsets}, or returns null when some line holds more than a byte can count. */
    static PackedBucketDirectory tryPack(int[] offsets) {
        int buckets = offsets.length - 1;
        int lineCount = lineCount(buckets);
        for (int line = 0; line < lineCount; line++) {
            int first = line * KEYS_PER_LINE;
            if (offsets[Math.min(first + KEYS_PER_LINE, buckets)] - offsets[first] > MAX_LINE_ENTRIES) {
                return null;
            }
        }
        byte[] lines = new byte[(int) bytesFor(buckets)];
        for (int line = 0; line < lineCount; line++) {
            int first = line * KEYS_PER_LINE;
            int at = FIRST_LINE + line * LINE_BYTES;
            int base = offsets[first];
            INT.set(lines, at, base);
            for (int j = 0; j <= KEYS_PER_LINE; j++) {
                lines[at + Integer.BYTES + j] = (byte) (offsets[Math.min(first + j, buckets)] - base);
            }
        }
        return new PackedBucketDirectory(lines);
    }

    /** Whether uniformly spread entries would fit a packed directory with a wide safety margin. */
    static boolean likelyFits(long entries, int buckets) {
        return entries * KEYS_PER_LINE / (double) buckets <= MAX_LINE_ENTRIES * 0.6;
    }

    static long bytesFor(int buckets) {
        return FIRST_LINE + (long) lineCount(buckets) * LINE_BYTES;
    }

    private static int lineCount(int buckets) {
        return (buckets + KEYS_PER_LINE - 1) / KEYS_PER_LINE;
    }

    @Override
    public void bounds(int[] keys, int from, int to, int[] starts, int[] ends) {
        byte[] lines = this.lines;
        for (int i = from; i < to; i++) {
            int key = keys[i];
            int line = key / KEYS_PER_LINE;
            int at = FIRST_LINE + line * LINE_BYTES;
            int base = (int) INT.get(lines, at);
            int rel = at + Integer.BYTES + key - line * KEYS_PER_LINE;
            starts[i] = base + (lines[rel] & 0xFF);
            ends[i] = base + (lines[rel + 1] & 0xFF);
        }
    }

    @Override
    public long memoryBytes() {
        return lines.length;
    }
}
