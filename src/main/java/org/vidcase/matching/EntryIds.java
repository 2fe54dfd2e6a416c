package org.vidcase.matching;

/**
 * Reference entry ids: {@code (set index id << 40) | ordinal in the imported file}. The importer
 * knows an id before the row is written, an interrupted import resumes by key, and every index hit
 * names its set without a look-up.
 */
public final class EntryIds {

    public static final int ORDINAL_BITS = 40;
    public static final long MAX_ORDINAL = (1L << ORDINAL_BITS) - 1;
    /** Set index ids stay below this, so that every id and range end is a positive long. */
    public static final int MAX_SETS = (1 << 23) - 1;

    private EntryIds() {
    }

    public static long of(int setIndexId, long ordinal) {
        if (setIndexId <= 0 || setIndexId >= MAX_SETS) {
            throw new IllegalArgumentException("set index id out of range: " + setIndexId);
        }
        if (ordinal < 0 || ordinal > MAX_ORDINAL) {
            throw new IllegalArgumentException("entry ordinal out of range: " + ordinal);
        }
        return ((long) setIndexId << ORDINAL_BITS) | ordinal;
    }

    public static int setOf(long entryId) {
        return (int) (entryId >>> ORDINAL_BITS);
    }

    /** The first id of the set's range. */
    public static long first(int setIndexId) {
        return of(setIndexId, 0);
    }

    /** The first id after the set's range. */
    public static long end(int setIndexId) {
        return of(setIndexId, MAX_ORDINAL) + 1;
    }
}
