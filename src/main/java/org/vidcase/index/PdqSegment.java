package org.vidcase.index;

/**
 * An immutable multi-index over 256-bit hashes. Entries are stored sorted by their table-0 key,
 * so table 0 needs no entry list (its buckets are runs of the hash array) and its candidates are
 * read sequentially; tables 1.. map each key to a list of positions. See {@link ProbePlan} for why
 * probing every table within its radius finds every hash within the query radius.
 *
 * <p>Queries are bound by memory latency, not arithmetic, so {@link #search} runs in stages —
 * enumerate keys, look up all buckets, collect all candidates, touch all their hashes, then verify
 * — each stage a tight loop of independent loads the CPU can overlap, instead of chasing one
 * candidate at a time.
 */
final class PdqSegment extends Segment {

    /**
     * First used index of {@link #hashes}. A large long[] starts a G1 region, so its data begins 16
     * bytes past a cache-line boundary; 6 more words align every 32-byte hash to half a cache line,
     * so verifying a candidate costs one cache miss instead of sometimes two.
     */
    static final int HASH_BASE = 6;
    static final int MAX_SIZE = (Integer.MAX_VALUE - 64) / 4;
    /**
     * Beyond this many candidates a linear scan is about as fast, and it keeps every thread's
     * scratch buffers small (4 MiB) even for queries into skewed data.
     */
    private static final int MAX_CANDIDATES = 1 << 20;
    private static final int MAX_RADIUS = PdqLayout.HASH_BITS;

    /** Entry p's hash is {@code hashes[HASH_BASE + 4p .. HASH_BASE + 4p + 4)}. */
    final long[] hashes;
    final PdqLayout layout;
    private final BucketDirectory[] directories;
    /** Per table, positions grouped by bucket; null for table 0, whose buckets are position ranges. */
    private final int[][] tablePositions;
    /** Plans by radius, computed on first use; racing threads compute equal immutable plans. */
    private final ProbePlan[] plans = new ProbePlan[MAX_RADIUS + 1];

    PdqSegment(long[] hashes, long[] entryIds, int[] setIds, PdqLayout layout, BucketDirectory[] directories,
               int[][] tablePositions) {
        super(entryIds, setIds);
        this.hashes = hashes;
        this.layout = layout;
        this.directories = directories;
        this.tablePositions = tablePositions;
    }

    /** Stores in {@code scratch} the position and distance of every entry within {@code radius}. */
    void search(long[] query, int radius, PdqSearchScratch scratch) {
        ProbePlan plan = plan(radius);
        int tables = layout.tables();
        scratch.prepare(tables, plan.isLinearScan() ? 0 : plan.totalKeys());
        if (plan.isLinearScan()) {
            scanAll(query, radius, scratch);
            return;
        }
        int keyCount = enumerateKeys(query, plan, scratch);
        int candidateCount = lookUpBuckets(keyCount, scratch);
        if (candidateCount >= Math.min(size(), MAX_CANDIDATES)) {
            // Only skewed data (e.g. many near-identical hashes) gets here.
            scanAll(query, radius, scratch);
            return;
        }
        collectCandidates(candidateCount, scratch);
        prefetchHashes(scratch.candidates, candidateCount, scratch);
        verify(query, radius, plan, scratch);
    }

    ProbePlan plan(int radius) {
        ProbePlan plan = plans[radius];
        if (plan == null) {
            plan = ProbePlan.create(layout, size(), radius);
            plans[radius] = plan;
        }
        return plan;
    }

    private int enumerateKeys(long[] query, ProbePlan plan, PdqSearchScratch scratch) {
        int n = 0;
        for (int t = 0; t < layout.tables(); t++) {
            scratch.queryKeys[t] = layout.key(query, 0, t);
            if (plan.threshold(t) >= 0) {
                n = HammingBall.enumerate(scratch.queryKeys[t], layout.width(t), plan.threshold(t), scratch.keys, n);
            }
            scratch.tableKeyEnds[t] = n;
        }
        return n;
    }

    private int lookUpBuckets(int keyCount, PdqSearchScratch scratch) {
        int from = 0;
        for (int t = 0; t < layout.tables(); t++) {
            int to = scratch.tableKeyEnds[t];
            if (to > from) {
                directories[t].bounds(scratch.keys, from, to, scratch.starts, scratch.ends);
            }
            from = to;
        }
        long candidates = 0;
        for (int i = 0; i < keyCount; i++) {
            candidates += scratch.ends[i] - scratch.starts[i];
        }
        return (int) Math.min(candidates, Integer.MAX_VALUE);
    }

    private void collectCandidates(int candidateCount, PdqSearchScratch scratch) {
        int[] candidates = scratch.candidates(candidateCount);
        int[] starts = scratch.starts;
        int[] ends = scratch.ends;
        int c = 0;
        int from = 0;
        for (int t = 0; t < layout.tables(); t++) {
            int to = scratch.tableKeyEnds[t];
            int[] positions = tablePositions[t];
            if (positions == null) {
                for (int i = from; i < to; i++) {
                    for (int j = starts[i], end = ends[i]; j < end; j++) {
                        candidates[c++] = j;
                    }
                }
            } else {
                prefetchBucketHeads(positions, from, to, scratch);
                for (int i = from; i < to; i++) {
                    for (int j = starts[i], end = ends[i]; j < end; j++) {
                        candidates[c++] = positions[j];
                    }
                }
            }
            scratch.tableCandidateEnds[t] = c;
            from = to;
        }
    }

    /**
     * Bucket sizes vary (mostly 0 to 3), so the copy loop mispredicts branches, which stalls the
     * cache misses behind them; touching every bucket's first slot beforehand in a branch-free loop
     * takes those misses in parallel. Empty buckets touch a neighbour's slot, which is harmless.
     */
    private static void prefetchBucketHeads(int[] positions, int from, int to, PdqSearchScratch scratch) {
        if (positions.length == 0) {
            return;
        }
        int[] starts = scratch.starts;
        int last = positions.length - 1;
        long sink = 0;
        for (int i = from; i < to; i++) {
            sink += positions[Math.min(starts[i], last)];
        }
        scratch.prefetchSink += sink;
    }

    /**
     * Java has no prefetch instruction; a loop that only loads each candidate's first word keeps
     * many cache misses in flight at once, so the verify loop that follows mostly hits the cache.
     */
    private void prefetchHashes(int[] candidates, int count, PdqSearchScratch scratch) {
        long[] hashes = this.hashes;
        long sink = 0;
        for (int i = 0; i < count; i++) {
            sink += hashes[HASH_BASE + (candidates[i] << 2)];
        }
        scratch.prefetchSink += sink;
    }

    private void verify(long[] query, int radius, ProbePlan plan, PdqSearchScratch scratch) {
        long q0 = query[0];
        long q1 = query[1];
        long q2 = query[2];
        long q3 = query[3];
        long[] hashes = this.hashes;
        int[] candidates = scratch.candidates;
        int from = 0;
        for (int t = 0; t < layout.tables(); t++) {
            int to = scratch.tableCandidateEnds[t];
            for (int i = from; i < to; i++) {
                int position = candidates[i];
                int at = HASH_BASE + (position << 2);
                int distance = Long.bitCount(hashes[at] ^ q0) + Long.bitCount(hashes[at + 1] ^ q1)
                        + Long.bitCount(hashes[at + 2] ^ q2) + Long.bitCount(hashes[at + 3] ^ q3);
                if (distance <= radius && !probedByEarlierTable(at, t, plan, scratch.queryKeys)) {
                    scratch.addHit(position, distance);
                }
            }
            from = to;
        }
    }

    /**
     * A hit may be a candidate of several tables; it is reported only by the first table whose probe
     * covers it, which needs no visited-set (hits are rare, so this check is nearly free).
     */
    private boolean probedByEarlierTable(int at, int table, ProbePlan plan, int[] queryKeys) {
        for (int t = 0; t < table; t++) {
            int threshold = plan.threshold(t);
            if (threshold >= 0 && Integer.bitCount(layout.key(hashes, at, t) ^ queryKeys[t]) <= threshold) {
                return true;
            }
        }
        return false;
    }

    private void scanAll(long[] query, int radius, PdqSearchScratch scratch) {
        long q0 = query[0];
        long q1 = query[1];
        long q2 = query[2];
        long q3 = query[3];
        long[] hashes = this.hashes;
        for (int position = 0, at = HASH_BASE, size = size(); position < size; position++, at += 4) {
            int distance = Long.bitCount(hashes[at] ^ q0) + Long.bitCount(hashes[at + 1] ^ q1)
                    + Long.bitCount(hashes[at + 2] ^ q2) + Long.bitCount(hashes[at + 3] ^ q3);
            if (distance <= radius) {
                scratch.addHit(position, distance);
            }
        }
    }

    @Override
    long memoryBytes() {
        long bytes = 8L * hashes.length + 8L * entryIds.length + 4L * setIds.length;
        for (int t = 0; t < layout.tables(); t++) {
            bytes += directories[t].memoryBytes() + (tablePositions[t] == null ? 0 : 4L * tablePositions[t].length);
        }
        return bytes;
    }
}
