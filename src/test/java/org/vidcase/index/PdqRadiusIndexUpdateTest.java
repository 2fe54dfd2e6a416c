package org.vidcase.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Incremental additions, removals and set (de)activation, checked against a brute-force model. */
class PdqRadiusIndexUpdateTest {

    private static final int RADIUS = 31;

    private final SplittableRandom random = new SplittableRandom(21);
    private final List<long[]> queries = new ArrayList<>();
    private final PdqTestData.Model model = new PdqTestData.Model();
    private long nextId;

    @Test
    void addsRemovesAndDeactivatesWithoutRebuilding() {
        for (int q = 0; q < 20; q++) {
            queries.add(PdqTestData.randomHash(random));
        }
        PdqRadiusIndex index = PdqRadiusIndex.builder().entries(batch(1, 5_000)).mergePolicy(MergePolicy.manual())
                .build();
        assertMatchesModel(index);

        index.add(batch(2, 300));
        index.add(batch(3, 300));
        assertThat(index.stats().segments()).isEqualTo(3);
        assertMatchesModel(index);

        Set<Long> ids = Set.of(3L, 5_100L, 5_400L, nextId - 1);
        assertThat(index.removeEntries(ids.stream().mapToLong(Long::longValue).toArray()))
                .isEqualTo(model.removeEntries(ids)).isEqualTo(4);
        assertThat(index.removeEntries(3L)).isZero();
        assertMatchesModel(index);

        // Entry 5_100 of set 2 is already gone.
        assertThat(index.removeSet(2)).isEqualTo(model.removeSet(2)).isEqualTo(300 - 1);
        assertMatchesModel(index);

        index.deactivateSet(1);
        model.inactiveSets.add(1);
        assertMatchesModel(index);
        index.add(batch(1, 50));
        assertMatchesModel(index);
        index.activateSet(1);
        model.inactiveSets.remove(1);
        assertMatchesModel(index);
    }

    @Test
    void compactionDropsRemovedEntriesAndKeepsDeactivatedOnes() {
        for (int q = 0; q < 10; q++) {
            queries.add(PdqTestData.randomHash(random));
        }
        PdqRadiusIndex index = PdqRadiusIndex.builder().entries(batch(1, 3_000)).mergePolicy(MergePolicy.manual())
                .build();
        index.add(batch(2, 400));
        index.add(batch(3, 400));
        model.removeSet(2);
        index.removeSet(2);
        index.deactivateSet(3);
        model.inactiveSets.add(3);

        index.compact();

        IndexStats stats = index.stats();
        assertThat(stats.segments()).isEqualTo(1);
        assertThat(stats.removedEntries()).isZero();
        assertThat(stats.storedEntries()).isEqualTo(model.entries.size());
        assertMatchesModel(index);
        index.activateSet(3);
        model.inactiveSets.remove(3);
        assertMatchesModel(index);
    }

    /** A long random sequence of updates with automatic merges running inline after each write. */
    @Test
    void randomUpdateSequenceWithAutomaticMerges() {
        for (int q = 0; q < 15; q++) {
            queries.add(PdqTestData.randomHash(random));
        }
        MergePolicy eager = new MergePolicy(2, 0.25, 0.1, true);
        PdqRadiusIndex index = PdqRadiusIndex.builder().entries(batch(0, 2_000)).mergePolicy(eager)
                .mergeExecutor(Runnable::run).build();
        for (int step = 0; step < 60; step++) {
            int set = random.nextInt(8);
            switch (random.nextInt(6)) {
                case 0, 1 -> index.add(batch(set, 1 + random.nextInt(400)));
                case 2 -> {
                    Set<Long> ids = new HashSet<>();
                    for (int i = 0; i < 20; i++) {
                        ids.add((long) random.nextInt((int) nextId));
                    }
                    assertThat(index.removeEntries(ids.stream().mapToLong(Long::longValue).toArray()))
                            .isEqualTo(model.removeEntries(ids));
                }
                case 3 -> assertThat(index.removeSet(set)).isEqualTo(model.removeSet(set));
                case 4 -> {
                    index.deactivateSet(set);
                    model.inactiveSets.add(set);
                }
                default -> {
                    index.activateSet(set);
                    model.inactiveSets.remove(set);
                }
            }
            assertMatchesModel(index);
            assertThat(index.stats().liveEntries()).isEqualTo(model.entries.size());
        }
    }

    /** A batch of random hashes plus neighbours of every query at distances 0, 31 and 32. */
    private PdqEntries batch(int setId, int size) {
        PdqEntries batch = new PdqEntries();
        for (int i = 0; i < size; i++) {
            long[] hash = i < 3 * queries.size()
                    ? PdqTestData.atDistance(queries.get(i / 3), new int[] {0, RADIUS, RADIUS + 1}[i % 3], random)
                    : PdqTestData.randomHash(random);
            long id = nextId++;
            batch.add(id, setId, hash);
            model.add(id, setId, hash);
        }
        return batch;
    }

    private void assertMatchesModel(PdqRadiusIndex index) {
        for (long[] query : queries) {
            assertThat(index.search(query, RADIUS)).containsExactlyElementsOf(model.search(query, RADIUS));
        }
    }
}
