package org.vidcase.index;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * Exact radius search over PDQ hashes: {@link #search} returns every live entry whose hash is within
 * the Hamming radius of the query, never an approximation. Built on multi-index hashing (one table
 * per 256-bit substring, see {@link PdqSegment}) over an immutable base segment plus small delta
 * segments that background merges fold back in.
 *
 * <p>Thread-safe. Queries never block: each runs on the snapshot current when it started. Updates
 * ({@link #add}, removals, set (de)activation) are serialized among themselves, atomic, and visible
 * to queries started after they return.
 *
 * <p>A query touches a few thousand random cache lines of a gigabyte-sized index, so it is bound by
 * memory and TLB latency; running the JVM with {@code -XX:+UseTransparentHugePages} (honoured when
 * the kernel's THP mode is "madvise" or "always") makes it markedly faster.
 */
public final class PdqRadiusIndex {

    public static final int DEFAULT_RADIUS = 31;
    /** The memory target the automatic layout aims for, hash and entry columns included. */
    public static final double DEFAULT_BYTES_PER_HASH = 100;

    private static final ThreadLocal<PdqSearchScratch> SCRATCH = ThreadLocal.withInitial(PdqSearchScratch::new);
    private static final Comparator<PdqMatch> BY_DISTANCE =
            Comparator.comparingInt(PdqMatch::distance).thenComparingLong(PdqMatch::entryId)
                    .thenComparingInt(PdqMatch::setId);

    private final SegmentedStore<PdqSegment> store;
    private final int defaultRadius;
    private final double bytesPerHash;

    private PdqRadiusIndex(Builder builder, PdqSegment base) {
        this.defaultRadius = builder.defaultRadius;
        this.bytesPerHash = builder.bytesPerHash;
        this.store = new SegmentedStore<>(base, this::merge, builder.mergePolicy, builder.mergeExecutor);
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Entries within the default radius of the hash given as four words, nearest first, then by
     * entry id. (Dihedral variants of an image are separate queries.)
     */
    public List<PdqMatch> search(long[] words) {
        return search(words, defaultRadius);
    }

    /** Entries within {@code radius} (0..256) of the hash given as four words, in the same order. */
    public List<PdqMatch> search(long[] words, int radius) {
        requireHash(words);
        if (radius < 0 || radius > PdqLayout.HASH_BITS) {
            throw new IllegalArgumentException("radius must be within 0..256: " + radius);
        }
        Snapshot<PdqSegment> snapshot = store.snapshot();
        PdqSearchScratch scratch = SCRATCH.get();
        List<PdqMatch> matches = null;
        for (SegmentState<PdqSegment> state : snapshot.segments()) {
            PdqSegment segment = state.segment();
            segment.search(words, radius, scratch);
            for (int i = 0; i < scratch.hits; i++) {
                int position = scratch.hitPositions[i];
                if (snapshot.isVisible(state, position)) {
                    if (matches == null) {
                        matches = new ArrayList<>();
                    }
                    matches.add(new PdqMatch(segment.entryIds[position], segment.setIds[position],
                            scratch.hitDistances[i]));
                }
            }
        }
        if (matches == null) {
            return List.of();
        }
        matches.sort(BY_DISTANCE);
        return matches;
    }

    /** As {@link #search(long[], int)}, with the hash's words as arguments. */
    public List<PdqMatch> search(long w0, long w1, long w2, long w3, int radius) {
        return search(new long[] {w0, w1, w2, w3}, radius);
    }

    /** Adds {@code batch} as one atomic update, without rebuilding what is already indexed. */
    public void add(PdqEntries batch) {
        if (batch.size() > 0) {
            store.addSegment(PdqSegmentBuilder.build(List.of(PdqSource.of(batch)), null, bytesPerHash).segment());
        }
    }

    /** Removes every entry with one of these ids; returns how many entries were removed. */
    public int removeEntries(long... entryIds) {
        return entryIds.length == 0 ? 0 : store.removeEntries(entryIds);
    }

    /** Removes all current entries of the set for good; returns how many were removed. */
    public int removeSet(int setId) {
        return store.removeSet(setId);
    }

    /** Hides the set's entries, including ones added later, until {@link #activateSet}. */
    public void deactivateSet(int setId) {
        store.deactivateSet(setId);
    }

    public void activateSet(int setId) {
        store.activateSet(setId);
    }

    /** Merges all segments into one without removed entries; returns once it serves queries. */
    public void compact() {
        store.compact();
    }

    public IndexStats stats() {
        return store.snapshot().stats();
    }

    /** Describes the table layouts in use, for diagnostics and benchmarks. */
    public String describeLayout() {
        StringBuilder text = new StringBuilder();
        for (SegmentState<PdqSegment> state : store.snapshot().segments()) {
            PdqSegment segment = state.segment();
            text.append(text.length() == 0 ? "" : "; ").append(segment.size()).append(" entries: ")
                    .append(segment.layout).append(", radius ").append(defaultRadius).append(" plan ")
                    .append(segment.plan(defaultRadius));
        }
        return text.toString();
    }

    static void requireHash(long[] words) {
        if (words == null || words.length != 4) {
            throw new IllegalArgumentException("a PDQ hash is four 64-bit words");
        }
    }

    private MergedSegment<PdqSegment> merge(List<SegmentState<PdqSegment>> sources) {
        List<PdqSource> live = new ArrayList<>(sources.size());
        for (SegmentState<PdqSegment> source : sources) {
            live.add(PdqSource.live(source));
        }
        return PdqSegmentBuilder.build(live, null, bytesPerHash);
    }

    /** Configures an index and bulk-loads its base segment. */
    public static final class Builder {

        private PdqEntries entries;
        private int defaultRadius = DEFAULT_RADIUS;
        private double bytesPerHash = DEFAULT_BYTES_PER_HASH;
        private int baseTables = -1;
        private MergePolicy mergePolicy = MergePolicy.defaults();
        private Executor mergeExecutor;

        private Builder() {
        }

        /** Pre-sizes the bulk-load buffer; streaming ten million entries then never copies it. */
        public Builder expectedSize(int entries) {
            if (this.entries != null && this.entries.size() > 0) {
                throw new IllegalStateException("expectedSize must be set before adding entries");
            }
            this.entries = new PdqEntries(entries);
            return this;
        }

        public Builder add(long entryId, int setId, long w0, long w1, long w2, long w3) {
            entries().add(entryId, setId, w0, w1, w2, w3);
            return this;
        }

        public Builder add(long entryId, int setId, long[] words) {
            entries().add(entryId, setId, words);
            return this;
        }

        /** Bulk-loads a filled batch as is (instead of copying it entry by entry). */
        public Builder entries(PdqEntries batch) {
            if (entries != null && entries.size() > 0) {
                throw new IllegalStateException("entries were already added to this builder");
            }
            entries = batch;
            return this;
        }

        public Builder defaultRadius(int radius) {
            if (radius < 0 || radius > PdqLayout.HASH_BITS) {
                throw new IllegalArgumentException("radius must be within 0..256: " + radius);
            }
            defaultRadius = radius;
            return this;
        }

        /** Memory target per entry for automatically chosen layouts (default 100 bytes). */
        public Builder bytesPerHash(double bytes) {
            bytesPerHash = bytes;
            return this;
        }

        /**
         * Forces the bulk-loaded base to use this many tables (0 = linear scan) instead of the
         * automatic choice; for measuring trade-offs. Deltas and merges still choose automatically.
         */
        public Builder baseTables(int tables) {
            PdqLayout.balanced(tables);
            baseTables = tables;
            return this;
        }

        public Builder mergePolicy(MergePolicy policy) {
            mergePolicy = policy;
            return this;
        }

        /** Where background merges run; default: one shared daemon thread. */
        public Builder mergeExecutor(Executor executor) {
            mergeExecutor = executor;
            return this;
        }

        public PdqRadiusIndex build() {
            PdqEntries bulk = entries();
            PdqLayout layout = baseTables < 0 ? null : PdqLayout.balanced(baseTables);
            PdqSegment base = PdqSegmentBuilder.build(List.of(PdqSource.of(bulk)), layout, bytesPerHash).segment();
            entries = null;
            return new PdqRadiusIndex(this, base);
        }

        private PdqEntries entries() {
            if (entries == null) {
                entries = new PdqEntries();
            }
            return entries;
        }
    }
}
