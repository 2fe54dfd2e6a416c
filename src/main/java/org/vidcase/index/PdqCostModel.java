package org.vidcase.index;

/**
 * Estimated query cost, used to choose a segment's table layout and each query's probe plan.
 * Queries are bound by cache misses, so the model counts them: a directory probe, the first
 * access to a non-empty bucket's entry list, and one per candidate verified at random, while the
 * candidates of table 0 (whose buckets are contiguous runs of the hash array) stream from memory.
 * The constants are rough nanosecond figures from the benchmark machine; only their ratios steer
 * the choices.
 */
final class PdqCostModel {

    /** The radius layouts are tuned for: the PDQ match threshold in common use. */
    static final int DESIGN_RADIUS = 31;
    /** Directory memory below this is worth spending on any segment, however small. */
    static final long SMALL_SEGMENT_ALLOWANCE_BYTES = 16L << 20;

    private static final double DIRECTORY_PROBE_NS = 20;
    private static final double BUCKET_FETCH_NS = 20;
    private static final double RANDOM_CANDIDATE_NS = 20;
    private static final double SEQUENTIAL_CANDIDATE_NS = 2;
    private static final double LINEAR_SCAN_NS = 1.5;

    private PdqCostModel() {
    }

    static double linearScanCost(int size) {
        return size * LINEAR_SCAN_NS;
    }

    /** Cost of probing one table of {@code width} bits with all keys within {@code threshold}. */
    static double tableCost(int size, int width, int threshold, boolean firstTable) {
        if (threshold < 0) {
            return 0;
        }
        double occupancy = size / (double) (1L << width);
        double perProbe = DIRECTORY_PROBE_NS + BUCKET_FETCH_NS * -Math.expm1(-occupancy);
        double perCandidate = firstTable ? SEQUENTIAL_CANDIDATE_NS : RANDOM_CANDIDATE_NS;
        return HammingBall.size(width, threshold) * (perProbe + occupancy * perCandidate);
    }

    /**
     * The fastest layout (at the design radius) whose estimated memory stays within
     * {@code bytesPerHash} per entry plus the small-segment allowance; linear scan if nothing beats it.
     */
    static PdqLayout chooseLayout(int size, double bytesPerHash) {
        PdqLayout best = PdqLayout.linearScan();
        double bestCost = linearScanCost(size);
        double memoryLimit = bytesPerHash * size + SMALL_SEGMENT_ALLOWANCE_BYTES;
        for (int tables = PdqLayout.MIN_TABLES; tables <= PdqLayout.MAX_TABLES; tables++) {
            PdqLayout layout = PdqLayout.balanced(tables);
            if (estimatedBytes(layout, size) > memoryLimit) {
                continue;
            }
            double cost = ProbePlan.create(layout, size, DESIGN_RADIUS).estimatedNanos();
            if (cost < bestCost) {
                best = layout;
                bestCost = cost;
            }
        }
        return best;
    }

    static long estimatedBytes(PdqLayout layout, int size) {
        long bytes = 8L * (PdqSegment.HASH_BASE + 4L * size) + 12L * size;
        for (int t = 0; t < layout.tables(); t++) {
            int buckets = 1 << layout.width(t);
            bytes += t == 0 ? 0 : 4L * size;
            bytes += PackedBucketDirectory.likelyFits(size, buckets)
                    ? PackedBucketDirectory.bytesFor(buckets)
                    : 4L * (buckets + 1);
        }
        return bytes;
    }
}
