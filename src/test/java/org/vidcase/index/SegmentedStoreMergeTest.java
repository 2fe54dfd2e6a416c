package org.vidcase.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Removals made while a merge is building must survive the merged segment's installation. */
class SegmentedStoreMergeTest {

    @Test
    void reappliesRemovalsMadeDuringAMerge() throws Exception {
        CountDownLatch mergeStarted = new CountDownLatch(1);
        CountDownLatch mayFinish = new CountDownLatch(1);
        SegmentedStore<PdqSegment> store = new SegmentedStore<>(segment(0, 1_000), sources -> {
            mergeStarted.countDown();
            await(mayFinish);
            List<PdqSource> live = new ArrayList<>();
            for (SegmentState<PdqSegment> source : sources) {
                live.add(PdqSource.live(source));
            }
            return PdqSegmentBuilder.build(live, null, 100);
        }, MergePolicy.manual(), null);
        store.addSegment(segment(1_000, 500));
        store.removeEntries(new long[] {1, 1_001});

        ExecutorService merger = Executors.newSingleThreadExecutor();
        try {
            Future<?> compaction = merger.submit(store::compact);
            assertThat(mergeStarted.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(store.removeEntries(new long[] {2, 1_002, 1_499})).isEqualTo(3);
            assertThat(store.removeSet(7)).isPositive();
            mayFinish.countDown();
            compaction.get(10, TimeUnit.SECONDS);
        } finally {
            merger.shutdownNow();
        }

        Snapshot<PdqSegment> after = store.snapshot();
        assertThat(after.segments()).hasSize(1);
        SegmentState<PdqSegment> merged = after.segments().get(0);
        assertThat(merged.segment().size()).isEqualTo(1_498);
        List<Long> visible = new ArrayList<>();
        for (int p = 0; p < merged.segment().size(); p++) {
            if (after.isVisible(merged, p)) {
                visible.add(merged.segment().entryIds[p]);
            }
        }
        assertThat(visible).doesNotContain(1L, 2L, 1_001L, 1_002L, 1_499L)
                .allMatch(id -> id % 10 != 7)
                .hasSize(1_498 - 3 - 150);
    }

    /** Entry i has set id i % 10. */
    private static PdqSegment segment(int firstId, int size) {
        SplittableRandom random = new SplittableRandom(firstId);
        PdqEntries entries = new PdqEntries(size);
        for (int i = firstId; i < firstId + size; i++) {
            entries.add(i, i % 10, PdqTestData.randomHash(random));
        }
        return PdqSegmentBuilder.build(List.of(PdqSource.of(entries)), null, 100).segment();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
