package org.vidcase.index;

/**
 * An immutable exact-match table of digests: entries grouped by the top bits of their first word
 * (a directory of bucket offsets, two to four entries per bucket). First words are stored apart
 * from the rest, so a lookup reads one directory slot and usually one cache line of first words;
 * the rest of a digest is read only when its first word matches. Equal digests (one file in
 * several sets) are simply several entries of the same bucket.
 */
final class DigestSegment extends Segment {

    final DigestType type;
    /** First big-endian word of each entry's digest, by position. */
    final long[] firstWords;
    /** The remaining words, {@code type.words() - 1} per position. */
    final long[] restWords;
    private final int restWidth;
    private final int[] bucketOffsets;
    private final int bucketShift;

    DigestSegment(DigestType type, long[] firstWords, long[] restWords, long[] entryIds, int[] setIds,
                  int[] bucketOffsets, int bucketBits) {
        super(entryIds, setIds);
        this.type = type;
        this.firstWords = firstWords;
        this.restWords = restWords;
        this.restWidth = type.words() - 1;
        this.bucketOffsets = bucketOffsets;
        this.bucketShift = Long.SIZE - bucketBits;
    }

    static long maxSize(DigestType type) {
        return (Integer.MAX_VALUE - 8) / type.words();
    }

    /** Bits of the first word used as bucket number; at least one, as shifting by 64 is a no-op. */
    static int bucketBits(int size) {
        return Math.max(1, Math.min(26, 31 - Integer.numberOfLeadingZeros(Math.max(size, 1)) - 1));
    }

    static int bucketOf(long firstWord, int bucketBits) {
        return (int) (firstWord >>> (Long.SIZE - bucketBits));
    }

    int bucketOf(long[] digest) {
        return (int) (digest[0] >>> bucketShift);
    }

    /** First position of the bucket; only its entries can equal a digest of that bucket. */
    int bucketStart(int bucket) {
        return bucketOffsets[bucket];
    }

    int bucketEnd(int bucket) {
        return bucketOffsets[bucket + 1];
    }

    boolean digestEquals(int position, long[] digest) {
        if (firstWords[position] != digest[0]) {
            return false;
        }
        for (int w = 0, at = position * restWidth; w < restWidth; w++) {
            if (restWords[at + w] != digest[w + 1]) {
                return false;
            }
        }
        return true;
    }

    /** Copies the digest words of {@code position} to {@code out}. */
    void copyDigest(int position, long[] out) {
        out[0] = firstWords[position];
        System.arraycopy(restWords, position * restWidth, out, 1, restWidth);
    }

    @Override
    long memoryBytes() {
        return 8L * firstWords.length + 8L * restWords.length + 8L * entryIds.length + 4L * setIds.length
                + 4L * bucketOffsets.length;
    }
}
