package org.vidcase.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * Readers query while a writer adds and removes whole sets and background merges run. Every set
 * plants exactly {@value #PER_SET} neighbours per query, and each update is atomic, so a query
 * answered from one snapshot sees each set either completely or not at all.
 */
class PdqRadiusIndexConcurrencyTest {

    private static final int PER_SET = 3;
    private static final int RADIUS = 31;
    private static final int QUERIES = 8;

    @Test
    void readersSeeOneConsistentSnapshotWhileWritersAndMergesRun() throws Exception {
        SplittableRandom random = new SplittableRandom(31);
        long[][] queries = new long[QUERIES][];
        for (int q = 0; q < QUERIES; q++) {
            queries[q] = PdqTestData.randomHash(random);
        }
        PdqEntries base = new PdqEntries();
        for (int i = 0; i < 20_000; i++) {
            base.add(1_000_000 + i, 0, PdqTestData.randomHash(random));
        }
        PdqRadiusIndex index = PdqRadiusIndex.builder().entries(base)
                .mergePolicy(new MergePolicy(2, 0.05, 0.05, true)).build();

        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<Integer>> readers = new ArrayList<>();
            for (int r = 0; r < 2; r++) {
                long seed = r;
                readers.add(pool.submit(() -> readUntilDone(index, queries, writing, seed)));
            }
            Future<?> writer = pool.submit(() -> {
                try {
                    write(index, queries);
                } finally {
                    writing.set(false);
                }
            });
            writer.get(60, TimeUnit.SECONDS);
            for (Future<Integer> reader : readers) {
                assertThat(reader.get(60, TimeUnit.SECONDS)).isPositive();
            }
        } finally {
            pool.shutdownNow();
        }

        index.compact();
        for (long[] query : queries) {
            assertThat(index.search(query, RADIUS)).hasSize(2 * PER_SET).extracting(PdqMatch::setId).containsOnly(38, 39);
        }
    }

    /** Adds sets 1..39 one batch each, removing each set two versions later, some while deactivated. */
    private static void write(PdqRadiusIndex index, long[][] queries) {
        SplittableRandom random = new SplittableRandom(32);
        long id = 0;
        for (int set = 1; set < 40; set++) {
            PdqEntries batch = new PdqEntries();
            for (long[] query : queries) {
                for (int k = 0; k < PER_SET; k++) {
                    batch.add(id++, set, PdqTestData.atDistance(query, random.nextInt(RADIUS + 1), random));
                }
            }
            for (int i = 0; i < 500; i++) {
                batch.add(id++, set, PdqTestData.randomHash(random));
            }
            index.add(batch);
            if (set % 5 == 0) {
                index.deactivateSet(set);
            }
            if (set > 2) {
                index.removeSet(set - 2);
            }
        }
    }

    private static int readUntilDone(PdqRadiusIndex index, long[][] queries, AtomicBoolean writing, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int answered = 0;
        while (writing.get() || answered < 100) {
            long[] query = queries[random.nextInt(QUERIES)];
            Map<Integer, Integer> perSet = new HashMap<>();
            for (PdqMatch match : index.search(query, RADIUS)) {
                assertThat(match.distance()).isBetween(0, RADIUS);
                perSet.merge(match.setId(), 1, Integer::sum);
            }
            perSet.forEach((set, count) -> assertThat(count).as("matches of set %d", set).isEqualTo(PER_SET));
            answered++;
        }
        return answered;
    }
}
