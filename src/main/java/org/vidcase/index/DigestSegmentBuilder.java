package org.vidcase.index;

import java.util.Arrays;
import java.util.List;

/**
 * Builds a {@link DigestSegment}: sorts the inputs by bucket (cache-friendly {@link KeySort}), then
 * copies them in that order, reading at random but writing sequentially.
 */
final class DigestSegmentBuilder {

    private DigestSegmentBuilder() {
    }

    static MergedSegment<DigestSegment> build(DigestType type, List<DigestSource> sources) {
        InputRanges inputs = new InputRanges(sources.stream().mapToInt(DigestSource::count).toArray());
        int size = inputs.total();
        if (size > DigestSegment.maxSize(type)) {
            throw new IllegalArgumentException("a " + type + " segment holds at most " + DigestSegment.maxSize(type)
                    + " entries");
        }
        int restWidth = type.words() - 1;
        int bucketBits = DigestSegment.bucketBits(size);
        long[] digest = new long[type.words()];

        int[] buckets = new int[size];
        int input = 0;
        for (DigestSource source : sources) {
            for (int i = 0; i < source.count(); i++) {
                source.reader().read(source.position(i), digest);
                buckets[input++] = DigestSegment.bucketOf(digest[0], bucketBits);
            }
        }
        int[] offsets = new int[(1 << bucketBits) + 1];
        int[] order = KeySort.sortIndices(buckets, bucketBits, offsets);

        long[] firstWords = new long[size];
        long[] restWords = new long[size * restWidth];
        long[] entryIds = new long[size];
        int[] setIds = new int[size];
        int[][] newPositions = new int[sources.size()][];
        for (int s = 0; s < sources.size(); s++) {
            newPositions[s] = new int[sources.get(s).span()];
            Arrays.fill(newPositions[s], -1);
        }
        for (int to = 0; to < size; to++) {
            int s = inputs.sourceOf(order[to]);
            DigestSource source = sources.get(s);
            int from = source.position(order[to] - inputs.first(s));
            source.reader().read(from, digest);
            firstWords[to] = digest[0];
            System.arraycopy(digest, 1, restWords, to * restWidth, restWidth);
            entryIds[to] = source.entryIds()[from];
            setIds[to] = source.setIds()[from];
            newPositions[s][from] = to;
        }
        DigestSegment segment = new DigestSegment(type, firstWords, restWords, entryIds, setIds, offsets, bucketBits);
        return new MergedSegment<>(segment, newPositions);
    }
}
