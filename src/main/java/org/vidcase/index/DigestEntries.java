package org.vidcase.index;

import java.util.Arrays;

/**
 * A batch of digest entries of one {@link DigestType} in primitive columns: the bulk load of an
 * {@link ExactHashIndex}, or one incremental addition. Not thread-safe; hand it to the index once
 * filled.
 */
public final class DigestEntries {

    final DigestType type;
    final int wordsPerDigest;
    long[] words;
    long[] entryIds;
    int[] setIds;
    int size;

    public DigestEntries(DigestType type) {
        this(type, 1024);
    }

    public DigestEntries(DigestType type, int expectedSize) {
        if (expectedSize < 0 || expectedSize > DigestSegment.maxSize(type)) {
            throw new IllegalArgumentException("expected size must be within 0.." + DigestSegment.maxSize(type) + ": "
                    + expectedSize);
        }
        this.type = type;
        this.wordsPerDigest = type.words();
        int capacity = Math.max(expectedSize, 16);
        words = new long[wordsPerDigest * capacity];
        entryIds = new long[capacity];
        setIds = new int[capacity];
    }

    public DigestEntries add(long entryId, int setId, byte[] digest) {
        return addWords(entryId, setId, Digests.fromBytes(type, digest));
    }

    /** {@code hex}: the digest in hexadecimal, either letter case. */
    public DigestEntries add(long entryId, int setId, String hex) {
        return addWords(entryId, setId, Digests.fromHex(type, hex));
    }

    public DigestType type() {
        return type;
    }

    public int size() {
        return size;
    }

    private DigestEntries addWords(long entryId, int setId, long[] digestWords) {
        if (size == entryIds.length) {
            grow();
        }
        System.arraycopy(digestWords, 0, words, size * wordsPerDigest, wordsPerDigest);
        entryIds[size] = entryId;
        setIds[size] = setId;
        size++;
        return this;
    }

    private void grow() {
        long wanted = Math.max(16, (long) size + (size >> 1));
        int capacity = (int) Math.min(wanted, DigestSegment.maxSize(type));
        if (capacity <= size) {
            throw new IllegalStateException("a " + type + " batch holds at most " + DigestSegment.maxSize(type) + " entries");
        }
        words = Arrays.copyOf(words, wordsPerDigest * capacity);
        entryIds = Arrays.copyOf(entryIds, capacity);
        setIds = Arrays.copyOf(setIds, capacity);
    }
}
