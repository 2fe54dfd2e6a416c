package org.vidcase.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Radius search must return exactly what a brute-force scan returns, whatever the layout. */
class PdqRadiusIndexPropertyTest {

    private static final int[] RADII = {0, 10, 31, 32};

    static Stream<Arguments> sizesAndLayouts() {
        return Stream.of(
                Arguments.of(3_000, -1, 1L),
                Arguments.of(3_000, 0, 2L),
                Arguments.of(20_000, -1, 3L),
                Arguments.of(20_000, 16, 4L),
                Arguments.of(20_000, 24, 5L),
                Arguments.of(100_000, -1, 6L),
                Arguments.of(100_000, 12, 7L));
    }

    @ParameterizedTest(name = "{0} entries, {1} tables (-1: automatic, 0: linear scan)")
    @MethodSource("sizesAndLayouts")
    void matchesBruteForceWithNeighboursAtTheRadiusBoundary(int size, int tables, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        PdqTestData.Model model = new PdqTestData.Model();
        List<long[]> queries = new ArrayList<>();
        for (int q = 0; q < 40; q++) {
            queries.add(PdqTestData.randomHash(random));
        }
        long id = 0;
        // Neighbours at every interesting distance for every tested radius: 0, r-1, r and r+1.
        for (long[] query : queries) {
            for (int radius : RADII) {
                for (int d : new int[] {0, radius - 1, radius, radius + 1}) {
                    if (d >= 0) {
                        model.add(id++, (int) (id % 7), PdqTestData.atDistance(query, d, random));
                    }
                }
            }
        }
        while (id < size) {
            model.add(id++, (int) (id % 7), PdqTestData.randomHash(random));
        }
        PdqRadiusIndex index = build(model, tables);
        // Stored hashes as queries too: their exact matches, including themselves.
        for (int i = 0; i < 10; i++) {
            queries.add(model.entries.get(random.nextInt(model.entries.size())).hash());
        }

        for (long[] query : queries) {
            for (int radius : RADII) {
                assertThat(index.search(query, radius)).as("radius %d", radius)
                        .containsExactlyElementsOf(model.search(query, radius));
            }
        }
    }

    @Test
    void returnsEveryDuplicateOfAStoredHash() {
        SplittableRandom random = new SplittableRandom(11);
        PdqTestData.Model model = new PdqTestData.Model();
        long[] shared = PdqTestData.randomHash(random);
        for (int i = 0; i < 5_000; i++) {
            model.add(i, i % 3, i % 500 == 0 ? shared : PdqTestData.randomHash(random));
        }
        PdqRadiusIndex index = build(model, -1);

        assertThat(index.search(shared, 0)).hasSize(10).containsExactlyElementsOf(model.search(shared, 0));
        assertThat(index.search(shared, 31)).containsExactlyElementsOf(model.search(shared, 31));
    }

    /**
     * Real PDQ sets are not uniform (blank and near-blank images share most bits); skew overflows
     * the packed directories and the candidate budget, which must cost speed, never results.
     */
    @Test
    void staysExactOnHeavilySkewedHashes() {
        SplittableRandom random = new SplittableRandom(12);
        PdqTestData.Model model = new PdqTestData.Model();
        for (int i = 0; i < 30_000; i++) {
            long[] hash = {0, 0, random.nextInt(4), random.nextLong() & 0xFFFF};
            model.add(i, 0, i % 3 == 0 ? PdqTestData.atDistance(hash, random.nextInt(40), random) : hash);
        }
        PdqRadiusIndex index = build(model, 16);

        for (int q = 0; q < 20; q++) {
            long[] query = PdqTestData.atDistance(new long[4], random.nextInt(40), random);
            for (int radius : new int[] {0, 10, 31}) {
                assertThat(index.search(query, radius)).containsExactlyElementsOf(model.search(query, radius));
            }
        }
    }

    @Test
    void handlesAnEmptyIndexAndTheExtremeRadii() {
        SplittableRandom random = new SplittableRandom(13);
        assertThat(PdqRadiusIndex.builder().build().search(PdqTestData.randomHash(random), 31)).isEmpty();

        PdqTestData.Model model = new PdqTestData.Model();
        for (int i = 0; i < 2_000; i++) {
            model.add(i, 0, PdqTestData.randomHash(random));
        }
        PdqRadiusIndex index = build(model, -1);
        long[] query = PdqTestData.randomHash(random);
        assertThat(index.search(query, 256)).hasSize(2_000).containsExactlyElementsOf(model.search(query, 256));
        assertThat(index.search(query, 100)).containsExactlyElementsOf(model.search(query, 100));
    }

    @Test
    void usesTheConfiguredDefaultRadius() {
        SplittableRandom random = new SplittableRandom(14);
        long[] query = PdqTestData.randomHash(random);
        PdqRadiusIndex index = PdqRadiusIndex.builder().defaultRadius(10)
                .add(1, 0, PdqTestData.atDistance(query, 10, random))
                .add(2, 0, PdqTestData.atDistance(query, 11, random))
                .build();

        assertThat(index.search(query)).extracting(PdqMatch::entryId).containsExactly(1L);
        assertThat(index.search(query[0], query[1], query[2], query[3], 11)).extracting(PdqMatch::entryId)
                .containsExactly(1L, 2L);
    }

    @Test
    void rejectsMalformedHashesRadiiAndLayouts() {
        PdqRadiusIndex index = PdqRadiusIndex.builder().add(1, 0, new long[4]).build();

        assertThatThrownBy(() -> index.search(new long[3], 31)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> index.search(null, 31)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> index.search(new long[4], -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> index.search(new long[4], 257)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PdqEntries().add(1, 0, new long[5])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PdqRadiusIndex.builder().baseTables(5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PdqRadiusIndex.builder().defaultRadius(300))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static PdqRadiusIndex build(PdqTestData.Model model, int tables) {
        PdqRadiusIndex.Builder builder = PdqRadiusIndex.builder().mergePolicy(MergePolicy.manual());
        if (tables >= 0) {
            builder.baseTables(tables);
        }
        for (PdqTestData.Model.Entry entry : model.entries) {
            builder.add(entry.entryId(), entry.setId(), entry.hash());
        }
        return builder.build();
    }
}
