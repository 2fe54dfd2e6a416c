package org.vidcase.index;

/**
 * When the background merger folds delta segments together. Every delta costs each query a little,
 * and removed entries still occupy memory, so both are bounded; merging rebuilds segments off the
 * query path and swaps them in atomically.
 *
 * @param maxDeltaSegments   more deltas than this are merged into one delta
 * @param maxDeltaFraction   deltas holding more than this fraction of the base's live entries are
 *                           merged into a new base
 * @param maxRemovedFraction a base with more than this fraction removed is rebuilt without them
 * @param automatic          false: merge only when {@code compact()} is called
 */
public record MergePolicy(int maxDeltaSegments, double maxDeltaFraction, double maxRemovedFraction,
                          boolean automatic) {

    public MergePolicy {
        // Merging the deltas yields one delta, so a limit below one would merge forever.
        if (maxDeltaSegments < 1) {
            throw new IllegalArgumentException("maxDeltaSegments must be at least 1");
        }
        if (maxDeltaFraction < 0 || maxRemovedFraction < 0) {
            throw new IllegalArgumentException("merge fractions must not be negative");
        }
    }

    public static MergePolicy defaults() {
        return new MergePolicy(4, 1.0 / 16, 0.15, true);
    }

    /** Never merges by itself; for callers that schedule {@code compact()} themselves, and tests. */
    public static MergePolicy manual() {
        return new MergePolicy(4, 1.0 / 16, 0.15, false);
    }
}
