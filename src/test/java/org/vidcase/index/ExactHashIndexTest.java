package org.vidcase.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ExactHashIndexTest {

    private static final HexFormat HEX = HexFormat.of();

    @ParameterizedTest
    @EnumSource(DigestType.class)
    void findsEveryEntryOfADigestAndNothingForMisses(DigestType type) {
        SplittableRandom random = new SplittableRandom(41);
        Map<String, List<Long>> model = new HashMap<>();
        ExactHashIndex.Builder builder = ExactHashIndex.builder(type).mergePolicy(MergePolicy.manual());
        List<byte[]> stored = new ArrayList<>();
        for (long id = 0; id < 20_000; id++) {
            // Every tenth entry repeats an earlier digest: one file listed in several sets.
            byte[] digest = id % 10 == 9 ? stored.get(random.nextInt(stored.size())) : randomDigest(type, random);
            stored.add(digest);
            builder.add(id, (int) (id % 5), digest);
            model.computeIfAbsent(HEX.formatHex(digest), k -> new ArrayList<>()).add(id);
        }
        ExactHashIndex index = builder.build();

        for (byte[] digest : stored.subList(0, 2_000)) {
            long[] expected = model.get(HEX.formatHex(digest)).stream().mapToLong(Long::longValue).toArray();
            assertThat(index.lookup(digest)).containsExactlyInAnyOrder(expected);
            assertThat(index.lookup(HEX.formatHex(digest).toUpperCase())).containsExactlyInAnyOrder(expected);
        }
        for (int i = 0; i < 2_000; i++) {
            assertThat(index.lookup(randomDigest(type, random))).isEmpty();
        }
    }

    @Test
    void distinguishesDigestsDifferingOnlyInTheirLastByte() {
        byte[] a = new byte[20];
        byte[] b = a.clone();
        b[19] = 1;
        ExactHashIndex index = ExactHashIndex.builder(DigestType.SHA1).add(1, 0, a).add(2, 0, b).build();

        assertThat(index.lookup(a)).containsExactly(1L);
        assertThat(index.lookup(b)).containsExactly(2L);
        assertThat(index.lookup("0000000000000000000000000000000000000001")).containsExactly(2L);
    }

    @Test
    void addsRemovesAndDeactivatesIncrementally() {
        SplittableRandom random = new SplittableRandom(42);
        byte[] shared = randomDigest(DigestType.SHA256, random);
        byte[] onlyInSetTwo = randomDigest(DigestType.SHA256, random);
        ExactHashIndex index = ExactHashIndex.builder(DigestType.SHA256).mergePolicy(MergePolicy.manual())
                .add(1, 1, shared).add(2, 1, randomDigest(DigestType.SHA256, random)).build();
        index.add(new DigestEntries(DigestType.SHA256).add(3, 2, shared).add(4, 2, onlyInSetTwo));
        index.add(new DigestEntries(DigestType.SHA256).add(5, 3, HEX.formatHex(shared)));
        assertThat(index.lookup(shared)).containsExactlyInAnyOrder(1L, 3L, 5L);

        index.deactivateSet(2);
        assertThat(index.lookup(shared)).containsExactlyInAnyOrder(1L, 5L);
        assertThat(index.lookup(onlyInSetTwo)).isEmpty();
        index.activateSet(2);
        assertThat(index.lookup(onlyInSetTwo)).containsExactly(4L);

        assertThat(index.removeEntries(5, 99)).isEqualTo(1);
        assertThat(index.removeSet(1)).isEqualTo(2);
        assertThat(index.lookup(shared)).containsExactly(3L);

        index.compact();
        assertThat(index.stats().segments()).isEqualTo(1);
        assertThat(index.stats().storedEntries()).isEqualTo(2);
        assertThat(index.lookup(shared)).containsExactly(3L);
        assertThat(index.lookup(onlyInSetTwo)).containsExactly(4L);
    }

    @Test
    void automaticMergesKeepLookupsExact() {
        SplittableRandom random = new SplittableRandom(43);
        ExactHashIndex index = ExactHashIndex.builder(DigestType.MD5).mergePolicy(new MergePolicy(2, 0.2, 0.1, true))
                .mergeExecutor(Runnable::run).build();
        Map<String, Long> live = new HashMap<>();
        long id = 0;
        for (int round = 0; round < 30; round++) {
            DigestEntries batch = new DigestEntries(DigestType.MD5);
            for (int i = 0; i < 200; i++) {
                byte[] digest = randomDigest(DigestType.MD5, random);
                batch.add(id, round, digest);
                live.put(HEX.formatHex(digest), id++);
            }
            index.add(batch);
            if (round % 3 == 2) {
                int removedSet = round - 1;
                index.removeSet(removedSet);
                live.values().removeIf(entry -> entry / 200 == removedSet);
            }
        }
        assertThat(index.stats().segments()).isLessThanOrEqualTo(3);
        assertThat(index.stats().liveEntries()).isEqualTo(live.size());
        live.forEach((hex, entry) -> assertThat(index.lookup(hex)).containsExactly(entry));
    }

    @Test
    void rejectsMalformedDigests() {
        ExactHashIndex index = ExactHashIndex.builder(DigestType.MD5).add(1, 0, new byte[16]).build();

        assertThatThrownBy(() -> index.lookup(new byte[20])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> index.lookup((byte[]) null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> index.lookup("00")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> index.lookup("0123456789abcdef0123456789abcdeg"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> index.lookup("0123456789abcdef0123456789abcd\u0663f"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> index.lookup(" 123456789abcdef0123456789abcdef"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DigestEntries(DigestType.SHA256).add(1, 0, new byte[32 - 1]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> index.add(new DigestEntries(DigestType.SHA1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(index.lookup("00000000000000000000000000000000")).containsExactly(1L);
    }

    private static byte[] randomDigest(DigestType type, SplittableRandom random) {
        byte[] digest = new byte[type.bytes()];
        for (int i = 0; i < digest.length; i++) {
            digest[i] = (byte) random.nextInt(256);
        }
        return digest;
    }
}
