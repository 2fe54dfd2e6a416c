package org.vidcase.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The building blocks whose mistakes would surface only as rare wrong answers. */
class IndexPrimitivesTest {

    @Test
    void hammingBallEnumeratesEachKeyWithinTheRadiusOnce() {
        for (int width : new int[] {1, 5, 12, 20}) {
            for (int r = 0; r <= Math.min(width, 3); r++) {
                int radius = r;
                int centre = (int) (0x5A5A5A5AL & ((1L << width) - 1));
                int[] keys = new int[(int) HammingBall.size(width, radius)];
                int end = HammingBall.enumerate(centre, width, radius, keys, 0);

                assertThat(end).isEqualTo(keys.length);
                assertThat(Arrays.stream(keys).distinct().count()).isEqualTo(keys.length);
                assertThat(Arrays.stream(keys).boxed())
                        .allMatch(k -> k >>> width == 0 && Integer.bitCount(k ^ centre) <= radius);
            }
        }
        assertThat(HammingBall.size(24, 2)).isEqualTo(1 + 24 + 276);
    }

    @Test
    void keySortIsStableAndProducesBucketOffsets() {
        SplittableRandom random = new SplittableRandom(51);
        for (int width : new int[] {3, 16, 20}) {
            int[] keys = new int[50_000];
            for (int i = 0; i < keys.length; i++) {
                keys[i] = random.nextInt(1 << width) & (i % 4 == 0 ? 0x7 : -1);
            }
            int[] original = keys.clone();
            int[] offsets = new int[(1 << width) + 1];
            int[] sorted = KeySort.sortIndices(keys, width, offsets);

            for (int k = 0; k < (1 << width); k++) {
                for (int j = offsets[k]; j < offsets[k + 1]; j++) {
                    assertThat(original[sorted[j]]).isEqualTo(k);
                    if (j > offsets[k]) {
                        assertThat(sorted[j]).isGreaterThan(sorted[j - 1]);
                    }
                }
            }
            assertThat(offsets[1 << width]).isEqualTo(original.length);
        }
    }

    @Test
    void packedDirectoryAgreesWithPlainOffsetsAndDeclinesSkew() {
        SplittableRandom random = new SplittableRandom(52);
        int buckets = 10_000;
        int[] offsets = new int[buckets + 1];
        for (int k = 0; k < buckets; k++) {
            offsets[k + 1] = offsets[k] + random.nextInt(4);
        }
        BucketDirectory packed = BucketDirectory.of(offsets);
        BucketDirectory plain = new ArrayBucketDirectory(offsets);
        int[] keys = random.ints(5_000, 0, buckets).toArray();
        int[][] bounds = new int[4][keys.length];
        packed.bounds(keys, 0, keys.length, bounds[0], bounds[1]);
        plain.bounds(keys, 0, keys.length, bounds[2], bounds[3]);

        assertThat(packed).isInstanceOf(PackedBucketDirectory.class);
        assertThat(bounds[0]).isEqualTo(bounds[2]);
        assertThat(bounds[1]).isEqualTo(bounds[3]);

        int[] skewed = new int[buckets + 1];
        Arrays.fill(skewed, 1, skewed.length, 1_000);
        assertThat(BucketDirectory.of(skewed)).isInstanceOf(ArrayBucketDirectory.class);
    }

    @Test
    void probePlansSatisfyThePigeonholeBound() {
        for (int size : new int[] {1_000, 1_000_000, 10_000_000}) {
            PdqLayout layout = PdqCostModel.chooseLayout(size, 100);
            for (int radius = 0; radius <= 64; radius++) {
                ProbePlan plan = ProbePlan.create(layout, size, radius);
                if (!plan.isLinearScan()) {
                    int sum = 0;
                    for (int t = 0; t < layout.tables(); t++) {
                        assertThat(plan.threshold(t)).isBetween(-1, layout.width(t));
                        sum += plan.threshold(t);
                    }
                    assertThat(sum).as("size %d radius %d", size, radius)
                            .isGreaterThanOrEqualTo(radius - layout.tables() + 1);
                }
            }
        }
        assertThat(ProbePlan.create(PdqLayout.balanced(16), 1_000_000, 200).isLinearScan()).isTrue();
    }

    @Test
    void layoutKeysCoverEveryBitExactlyOnce() {
        for (int tables : new int[] {10, 11, 13, 16, 64}) {
            PdqLayout layout = PdqLayout.balanced(tables);
            int covered = 0;
            for (int bit = 0; bit < 256; bit++) {
                long[] hash = new long[4];
                hash[bit >>> 6] = 1L << bit;
                int tablesSeeingIt = 0;
                for (int t = 0; t < tables; t++) {
                    tablesSeeingIt += Integer.bitCount(layout.key(hash, 0, t));
                }
                covered += tablesSeeingIt == 1 ? 1 : 0;
            }
            assertThat(covered).isEqualTo(256);
        }
    }

    @Test
    void tombstonesCopyOnWriteAndReportWhatWasAdded() {
        Tombstones empty = Tombstones.NONE;
        Tombstones some = empty.with(new int[] {3, 70_000, 3, 200_000}, 4);
        Tombstones more = some.with(new int[] {70_000, 5, 1_000_000}, 3);

        assertThat(empty.count()).isZero();
        assertThat(some.count()).isEqualTo(3);
        assertThat(more.count()).isEqualTo(5);
        assertThat(some.contains(5)).isFalse();
        assertThat(more.contains(5)).isTrue();
        assertThat(more.contains(1_000_001)).isFalse();
        assertThat(more.with(new int[] {3}, 1)).isSameAs(more);
        List<Integer> added = new ArrayList<>();
        more.forEachAddedSince(some, added::add);
        assertThat(added).containsExactly(5, 1_000_000);
    }

    @Test
    void setIdSetAddsAndRemoves() {
        SetIdSet sets = SetIdSet.EMPTY.with(5).with(-3).with(5).with(9);
        Set<Integer> members = new HashSet<>();
        for (int id = -5; id < 12; id++) {
            if (sets.contains(id)) {
                members.add(id);
            }
        }
        assertThat(members).containsExactlyInAnyOrder(-3, 5, 9);
        assertThat(sets.without(5).contains(5)).isFalse();
        assertThat(sets.without(4)).isSameAs(sets);
    }
}
