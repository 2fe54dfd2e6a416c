package org.vidcase.index;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * The update machinery shared by the indexes: an immutable {@link Snapshot} behind a volatile
 * reference, swapped by writers. Readers never lock. Writers are serialized by {@code writeLock},
 * held only for the short snapshot edit. Merges run under their own {@code mergeLock}, build the
 * new segment without blocking writers, and re-apply at install time whatever was removed from
 * their sources in the meantime.
 */
final class SegmentedStore<S extends Segment> {

    private static final System.Logger LOG = System.getLogger(SegmentedStore.class.getName());

    private final Function<List<SegmentState<S>>, MergedSegment<S>> merger;
    private final MergePolicy policy;
    private final Executor mergeExecutor;
    /** Serializes snapshot edits. Lock order: mergeLock before writeLock. */
    private final ReentrantLock writeLock = new ReentrantLock();
    /** Serializes merges, so a merge's sources cannot be replaced by another merge meanwhile. */
    private final ReentrantLock mergeLock = new ReentrantLock();
    private final AtomicBoolean mergeScheduled = new AtomicBoolean();
    private volatile Snapshot<S> current;

    SegmentedStore(S base, Function<List<SegmentState<S>>, MergedSegment<S>> merger, MergePolicy policy,
                   Executor mergeExecutor) {
        this.merger = merger;
        this.policy = policy;
        this.mergeExecutor = mergeExecutor == null ? DefaultMergeExecutor.INSTANCE : mergeExecutor;
        this.current = base.size() == 0
                ? Snapshot.empty()
                : new Snapshot<>(List.of(new SegmentState<>(base, Tombstones.NONE)), SetIdSet.EMPTY);
    }

    Snapshot<S> snapshot() {
        return current;
    }

    void addSegment(S segment) {
        if (segment.size() == 0) {
            return;
        }
        writeLock.lock();
        try {
            List<SegmentState<S>> segments = new ArrayList<>(current.segments());
            segments.add(new SegmentState<>(segment, Tombstones.NONE));
            publish(segments, current.inactiveSets());
        } finally {
            writeLock.unlock();
        }
        scheduleMergeIfDue();
    }

    /** Removes every entry whose id is in {@code entryIds}; returns how many were removed. */
    int removeEntries(long[] entryIds) {
        long[] sorted = entryIds.clone();
        Arrays.sort(sorted);
        return removeWhere((segment, position) -> Arrays.binarySearch(sorted, segment.entryIds[position]) >= 0);
    }

    /** Removes every entry of set {@code setId}; returns how many were removed. */
    int removeSet(int setId) {
        return removeWhere((segment, position) -> segment.setIds[position] == setId);
    }

    void deactivateSet(int setId) {
        writeLock.lock();
        try {
            publish(current.segments(), current.inactiveSets().with(setId));
        } finally {
            writeLock.unlock();
        }
    }

    void activateSet(int setId) {
        writeLock.lock();
        try {
            publish(current.segments(), current.inactiveSets().without(setId));
        } finally {
            writeLock.unlock();
        }
    }

    /** Merges everything into one segment without removed entries; returns when it is installed. */
    void compact() {
        mergeLock.lock();
        try {
            List<SegmentState<S>> all = current.segments();
            boolean alreadyCompact = all.isEmpty() || (all.size() == 1 && all.get(0).removed().count() == 0);
            if (!alreadyCompact) {
                merge(all);
            }
        } finally {
            mergeLock.unlock();
        }
    }

    private interface EntryPredicate {
        boolean test(Segment segment, int position);
    }

    private int removeWhere(EntryPredicate predicate) {
        int removed = 0;
        writeLock.lock();
        try {
            List<SegmentState<S>> segments = new ArrayList<>(current.segments());
            for (int i = 0; i < segments.size(); i++) {
                SegmentState<S> state = segments.get(i);
                S segment = state.segment();
                IntList hits = new IntList();
                for (int position = 0; position < segment.size(); position++) {
                    if (predicate.test(segment, position) && !state.removed().contains(position)) {
                        hits.add(position);
                    }
                }
                if (hits.size() > 0) {
                    segments.set(i, new SegmentState<>(segment, state.removed().with(hits.values(), hits.size())));
                    removed += hits.size();
                }
            }
            if (removed > 0) {
                publish(segments, current.inactiveSets());
            }
        } finally {
            writeLock.unlock();
        }
        if (removed > 0) {
            scheduleMergeIfDue();
        }
        return removed;
    }

    private void publish(List<SegmentState<S>> segments, SetIdSet inactiveSets) {
        current = new Snapshot<>(List.copyOf(segments), inactiveSets);
    }

    private void scheduleMergeIfDue() {
        if (policy.automatic() && !mergeCandidates(current).isEmpty() && mergeScheduled.compareAndSet(false, true)) {
            try {
                mergeExecutor.execute(this::mergeWhileDue);
            } catch (RejectedExecutionException e) {
                // The update itself is published; merging is only deferred to a later write.
                mergeScheduled.set(false);
                LOG.log(Level.WARNING, "index merge executor rejected a merge", e);
            }
        }
    }

    private void mergeWhileDue() {
        boolean failed = false;
        mergeLock.lock();
        try {
            for (List<SegmentState<S>> due = mergeCandidates(current); !due.isEmpty(); due = mergeCandidates(current)) {
                merge(due);
            }
        } catch (RuntimeException | OutOfMemoryError e) {
            // The published snapshot is untouched, so queries are unaffected; the merge is retried
            // on the next write rather than immediately, which would likely fail the same way.
            failed = true;
            LOG.log(Level.ERROR, "background index merge failed", e);
        } finally {
            mergeLock.unlock();
            mergeScheduled.set(false);
        }
        if (!failed) {
            // A write may have found the flag still set after our last check and left it to us.
            scheduleMergeIfDue();
        }
    }

    /** The segments the policy wants merged now, or an empty list. */
    private List<SegmentState<S>> mergeCandidates(Snapshot<S> snapshot) {
        List<SegmentState<S>> segments = snapshot.segments();
        if (segments.isEmpty()) {
            return List.of();
        }
        SegmentState<S> base = segments.get(0);
        long deltaLive = 0;
        for (SegmentState<S> delta : segments.subList(1, segments.size())) {
            deltaLive += delta.liveCount();
        }
        boolean deltasOutgrewBase = segments.size() > 1 && deltaLive > policy.maxDeltaFraction() * base.liveCount();
        boolean baseMostlyRemoved = base.removed().count() > policy.maxRemovedFraction() * base.segment().size();
        if (deltasOutgrewBase || baseMostlyRemoved) {
            return segments;
        }
        if (segments.size() - 1 > policy.maxDeltaSegments()) {
            return segments.subList(1, segments.size());
        }
        return List.of();
    }

    /** Caller holds mergeLock, so {@code sources} stay in the published list until we replace them. */
    private void merge(List<SegmentState<S>> sources) {
        MergedSegment<S> merged = merger.apply(sources);
        writeLock.lock();
        try {
            Snapshot<S> now = current;
            IntList lateRemovals = new IntList();
            List<SegmentState<S>> next = new ArrayList<>();
            int insertAt = -1;
            for (SegmentState<S> state : now.segments()) {
                int source = indexOfSegment(sources, state.segment());
                if (source < 0) {
                    next.add(state);
                    continue;
                }
                if (insertAt < 0) {
                    insertAt = next.size();
                }
                int[] newPositions = merged.newPositions()[source];
                state.removed().forEachAddedSince(sources.get(source).removed(), position -> {
                    if (newPositions[position] >= 0) {
                        lateRemovals.add(newPositions[position]);
                    }
                });
            }
            if (merged.segment().size() > lateRemovals.size()) {
                Tombstones removed = Tombstones.NONE.with(lateRemovals.values(), lateRemovals.size());
                next.add(insertAt, new SegmentState<>(merged.segment(), removed));
            }
            publish(next, now.inactiveSets());
        } finally {
            writeLock.unlock();
        }
    }

    private static <S extends Segment> int indexOfSegment(List<SegmentState<S>> states, S segment) {
        for (int i = 0; i < states.size(); i++) {
            if (states.get(i).segment() == segment) {
                return i;
            }
        }
        return -1;
    }

    /** Merges are CPU-bound and rare; one shared daemon thread keeps them off request threads. */
    private static final class DefaultMergeExecutor {
        static final ExecutorService INSTANCE = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "vidcase-index-merge");
            thread.setDaemon(true);
            return thread;
        });
    }
}
