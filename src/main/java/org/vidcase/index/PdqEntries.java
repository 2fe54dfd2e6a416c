package org.vidcase.index;

import java.util.Arrays;

/**
 * A batch of PDQ entries in primitive columns: the bulk load of an index, or one incremental
 * addition (typically a newly imported hash-set version). Hash words are in the order of
 * {@code org.vidcase.hashing.PdqHash#word(int)}; any fixed order works, as distance ignores it.
 * Not thread-safe; hand it to the index once filled.
 */
public final class PdqEntries {

    long[] hashes;
    long[] entryIds;
    int[] setIds;
    int size;

    public PdqEntries() {
        this(1024);
    }

    public PdqEntries(int expectedSize) {
        if (expectedSize < 0 || expectedSize > PdqSegment.MAX_SIZE) {
            throw new IllegalArgumentException("expected size must be within 0.." + PdqSegment.MAX_SIZE + ": "
                    + expectedSize);
        }
        int capacity = Math.max(expectedSize, 16);
        hashes = new long[4 * capacity];
        entryIds = new long[capacity];
        setIds = new int[capacity];
    }

    public PdqEntries add(long entryId, int setId, long w0, long w1, long w2, long w3) {
        if (size == entryIds.length) {
            grow();
        }
        int at = 4 * size;
        hashes[at] = w0;
        hashes[at + 1] = w1;
        hashes[at + 2] = w2;
        hashes[at + 3] = w3;
        entryIds[size] = entryId;
        setIds[size] = setId;
        size++;
        return this;
    }

    /** {@code words}: the four 64-bit words of the hash. */
    public PdqEntries add(long entryId, int setId, long[] words) {
        PdqRadiusIndex.requireHash(words);
        return add(entryId, setId, words[0], words[1], words[2], words[3]);
    }

    public int size() {
        return size;
    }

    private void grow() {
        long wanted = Math.max(16, (long) size + (size >> 1));
        int capacity = (int) Math.min(wanted, PdqSegment.MAX_SIZE);
        if (capacity <= size) {
            throw new IllegalStateException("a PDQ batch holds at most " + PdqSegment.MAX_SIZE + " entries");
        }
        hashes = Arrays.copyOf(hashes, 4 * capacity);
        entryIds = Arrays.copyOf(entryIds, capacity);
        setIds = Arrays.copyOf(setIds, capacity);
    }
}
