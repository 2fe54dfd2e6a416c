package org.vidcase.index;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/** Random PDQ-like hashes, exact-distance neighbours and a brute-force model of an index. */
final class PdqTestData {

    static final Comparator<PdqMatch> ORDER = Comparator.comparingInt(PdqMatch::distance)
            .thenComparingLong(PdqMatch::entryId).thenComparingInt(PdqMatch::setId);

    private PdqTestData() {
    }

    static long[] randomHash(SplittableRandom random) {
        return new long[] {random.nextLong(), random.nextLong(), random.nextLong(), random.nextLong()};
    }

    /** A copy of {@code hash} with exactly {@code distance} distinct bits flipped. */
    static long[] atDistance(long[] hash, int distance, SplittableRandom random) {
        long[] copy = hash.clone();
        int[] bits = new int[256];
        for (int i = 0; i < bits.length; i++) {
            bits[i] = i;
        }
        for (int i = 0; i < distance; i++) {
            int j = i + random.nextInt(256 - i);
            int bit = bits[j];
            bits[j] = bits[i];
            copy[bit >>> 6] ^= 1L << bit;
        }
        return copy;
    }

    static int distance(long[] a, long[] b) {
        int d = 0;
        for (int i = 0; i < 4; i++) {
            d += Long.bitCount(a[i] ^ b[i]);
        }
        return d;
    }

    /** What the index should contain: live entries and deactivated sets, searched by brute force. */
    static final class Model {
        record Entry(long entryId, int setId, long[] hash) {
        }

        final List<Entry> entries = new ArrayList<>();
        final Set<Integer> inactiveSets = new HashSet<>();

        void add(long entryId, int setId, long[] hash) {
            entries.add(new Entry(entryId, setId, hash));
        }

        int removeEntries(Set<Long> ids) {
            int before = entries.size();
            entries.removeIf(e -> ids.contains(e.entryId()));
            return before - entries.size();
        }

        int removeSet(int setId) {
            int before = entries.size();
            entries.removeIf(e -> e.setId() == setId);
            return before - entries.size();
        }

        List<PdqMatch> search(long[] query, int radius) {
            List<PdqMatch> matches = new ArrayList<>();
            for (Entry entry : entries) {
                int d = distance(entry.hash(), query);
                if (d <= radius && !inactiveSets.contains(entry.setId())) {
                    matches.add(new PdqMatch(entry.entryId(), entry.setId(), d));
                }
            }
            matches.sort(ORDER);
            return matches;
        }
    }
}
