package org.vidcase.index;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * Exact lookup of cryptographic digests of one {@link DigestType}: all live entries whose digest
 * equals the query. Same update model as {@link PdqRadiusIndex}: an immutable base segment plus
 * delta segments merged in the background, removals as tombstones, set deactivation as a flag.
 *
 * <p>Thread-safe. Lookups never block and see one snapshot; updates are serialized, atomic, and
 * visible to lookups started after they return.
 */
public final class ExactHashIndex {

    private static final long[] NO_ENTRIES = new long[0];

    private final DigestType type;
    private final SegmentedStore<DigestSegment> store;

    private ExactHashIndex(Builder builder, DigestSegment base) {
        this.type = builder.type;
        this.store = new SegmentedStore<>(base, this::merge, builder.mergePolicy, builder.mergeExecutor);
    }

    public static Builder builder(DigestType type) {
        return new Builder(type);
    }

    public DigestType type() {
        return type;
    }

    /** Ids of all live entries with this digest; empty when there are none. */
    public long[] lookup(byte[] digest) {
        return lookupWords(Digests.fromBytes(type, digest));
    }

    /** As {@link #lookup(byte[])}, with the digest in hexadecimal (either letter case). */
    public long[] lookup(String hex) {
        return lookupWords(Digests.fromHex(type, hex));
    }

    /** Adds {@code batch} as one atomic update, without rebuilding what is already indexed. */
    public void add(DigestEntries batch) {
        requireType(batch);
        if (batch.size() > 0) {
            store.addSegment(DigestSegmentBuilder.build(type, List.of(DigestSource.of(batch))).segment());
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

    /** Merges all segments into one without removed entries; returns once it serves lookups. */
    public void compact() {
        store.compact();
    }

    public IndexStats stats() {
        return store.snapshot().stats();
    }

    private long[] lookupWords(long[] digest) {
        Snapshot<DigestSegment> snapshot = store.snapshot();
        Matches matches = new Matches();
        for (SegmentState<DigestSegment> state : snapshot.segments()) {
            DigestSegment segment = state.segment();
            int bucket = segment.bucketOf(digest);
            for (int p = segment.bucketStart(bucket), end = segment.bucketEnd(bucket); p < end; p++) {
                if (segment.digestEquals(p, digest) && snapshot.isVisible(state, p)) {
                    matches.add(segment.entryIds[p]);
                }
            }
        }
        return matches.toArray();
    }

    private MergedSegment<DigestSegment> merge(List<SegmentState<DigestSegment>> sources) {
        List<DigestSource> live = new ArrayList<>(sources.size());
        for (SegmentState<DigestSegment> source : sources) {
            live.add(DigestSource.live(source));
        }
        return DigestSegmentBuilder.build(type, live);
    }

    private void requireType(DigestEntries batch) {
        if (batch.type() != type) {
            throw new IllegalArgumentException("batch holds " + batch.type() + " digests, index holds " + type);
        }
    }

    /** Collects matching ids; almost always zero or one, so it starts without an array. */
    private static final class Matches {
        private long[] ids = NO_ENTRIES;
        private int count;

        void add(long id) {
            if (count == ids.length) {
                ids = Arrays.copyOf(ids, Math.max(2, count * 2));
            }
            ids[count++] = id;
        }

        long[] toArray() {
            return count == ids.length ? ids : Arrays.copyOf(ids, count);
        }
    }

    /** Configures an index and bulk-loads its base segment. */
    public static final class Builder {

        private final DigestType type;
        private DigestEntries entries;
        private MergePolicy mergePolicy = MergePolicy.defaults();
        private Executor mergeExecutor;

        private Builder(DigestType type) {
            this.type = type;
        }

        /** Pre-sizes the bulk-load buffer; streaming millions of entries then never copies it. */
        public Builder expectedSize(int entries) {
            if (this.entries != null && this.entries.size() > 0) {
                throw new IllegalStateException("expectedSize must be set before adding entries");
            }
            this.entries = new DigestEntries(type, entries);
            return this;
        }

        public Builder add(long entryId, int setId, byte[] digest) {
            entries().add(entryId, setId, digest);
            return this;
        }

        public Builder add(long entryId, int setId, String hex) {
            entries().add(entryId, setId, hex);
            return this;
        }

        /** Bulk-loads a filled batch as is (instead of copying it entry by entry). */
        public Builder entries(DigestEntries batch) {
            if (batch.type() != type) {
                throw new IllegalArgumentException("batch holds " + batch.type() + " digests, index holds " + type);
            }
            if (entries != null && entries.size() > 0) {
                throw new IllegalStateException("entries were already added to this builder");
            }
            entries = batch;
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

        public ExactHashIndex build() {
            DigestSegment base = DigestSegmentBuilder.build(type, List.of(DigestSource.of(entries()))).segment();
            entries = null;
            return new ExactHashIndex(this, base);
        }

        private DigestEntries entries() {
            if (entries == null) {
                entries = new DigestEntries(type);
            }
            return entries;
        }
    }
}
