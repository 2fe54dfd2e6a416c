package org.vidcase.index;

/**
 * How a segment cuts the 256 hash bits into disjoint, contiguous substrings, one per lookup table
 * (multi-index hashing). A layout with no tables means the segment is scanned linearly.
 */
final class PdqLayout {

    static final int HASH_BITS = 256;
    /** A table has 2^width buckets; wider directories would cost more memory than they save. */
    static final int MAX_WIDTH = 26;
    static final int MIN_TABLES = (HASH_BITS + MAX_WIDTH - 1) / MAX_WIDTH;
    /** Narrower substrings match too many entries to be worth a table. */
    static final int MAX_TABLES = HASH_BITS / 4;

    private static final PdqLayout LINEAR_SCAN = new PdqLayout(new int[0]);

    private final int[] widths;
    private final int[] words;
    private final int[] shifts;

    private PdqLayout(int[] widths) {
        this.widths = widths;
        this.words = new int[widths.length];
        this.shifts = new int[widths.length];
        int start = 0;
        for (int t = 0; t < widths.length; t++) {
            words[t] = start >>> 6;
            shifts[t] = start & 63;
            start += widths[t];
        }
    }

    static PdqLayout linearScan() {
        return LINEAR_SCAN;
    }

    /** {@code tables} substrings of (nearly) equal width covering all 256 bits. */
    static PdqLayout balanced(int tables) {
        if (tables == 0) {
            return LINEAR_SCAN;
        }
        if (tables < MIN_TABLES || tables > MAX_TABLES) {
            throw new IllegalArgumentException(
                    "table count must be 0 (linear scan) or " + MIN_TABLES + ".." + MAX_TABLES + ": " + tables);
        }
        int[] widths = new int[tables];
        for (int t = 0; t < tables; t++) {
            widths[t] = HASH_BITS / tables + (t < HASH_BITS % tables ? 1 : 0);
        }
        return new PdqLayout(widths);
    }

    int tables() {
        return widths.length;
    }

    int width(int table) {
        return widths[table];
    }

    /** The substring of table {@code table} of the hash stored at {@code hash[base..base+4)}. */
    int key(long[] hash, int base, int table) {
        int word = words[table];
        int shift = shifts[table];
        int width = widths[table];
        long bits = hash[base + word] >>> shift;
        if (shift + width > Long.SIZE) {
            bits |= hash[base + word + 1] << (Long.SIZE - shift);
        }
        return (int) (bits & ((1L << width) - 1));
    }

    @Override
    public String toString() {
        return widths.length == 0 ? "linear scan" : widths.length + " tables x " + widths[widths.length - 1]
                + (widths[0] != widths[widths.length - 1] ? "/" + widths[0] : "") + " bits";
    }
}
