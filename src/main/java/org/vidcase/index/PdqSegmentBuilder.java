package org.vidcase.index;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Builds a {@link PdqSegment}: orders the entries by their table-0 key, then gives every other
 * table its key-sorted position list. The tables are independent and built in parallel for
 * large inputs.
 */
final class PdqSegmentBuilder {

    private static final int PARALLEL_THRESHOLD = 1 << 16;

    private PdqSegmentBuilder() {
    }

    /** Builds from {@code sources} with {@code layout}, or a layout chosen for the size when null. */
    static MergedSegment<PdqSegment> build(List<PdqSource> sources, PdqLayout layout, double bytesPerHashBudget) {
        InputRanges inputs = new InputRanges(sources.stream().mapToInt(PdqSource::count).toArray());
        int size = inputs.total();
        if (size > PdqSegment.MAX_SIZE) {
            throw new IllegalArgumentException("a PDQ segment holds at most " + PdqSegment.MAX_SIZE + " entries");
        }
        PdqLayout chosen = layout != null ? layout : PdqCostModel.chooseLayout(size, bytesPerHashBudget);
        int tables = chosen.tables();
        BucketDirectory[] directories = new BucketDirectory[tables];
        int[][] tablePositions = new int[tables][];

        int[] order;
        if (tables == 0) {
            order = null;
        } else {
            int[] offsets = new int[(1 << chosen.width(0)) + 1];
            order = KeySort.sortIndices(firstTableKeys(sources, chosen, size), chosen.width(0), offsets);
            directories[0] = BucketDirectory.of(offsets);
        }
        long[] hashes = new long[PdqSegment.HASH_BASE + 4 * size];
        long[] entryIds = new long[size];
        int[] setIds = new int[size];
        int[][] newPositions = gather(sources, inputs, order, hashes, entryIds, setIds);

        IntStream others = IntStream.range(1, tables);
        (size >= PARALLEL_THRESHOLD ? others.parallel() : others).forEach(t -> {
            int[] keys = new int[size];
            for (int p = 0, at = PdqSegment.HASH_BASE; p < size; p++, at += 4) {
                keys[p] = chosen.key(hashes, at, t);
            }
            int[] offsets = new int[(1 << chosen.width(t)) + 1];
            tablePositions[t] = KeySort.sortIndices(keys, chosen.width(t), offsets);
            directories[t] = BucketDirectory.of(offsets);
        });
        PdqSegment segment = new PdqSegment(hashes, entryIds, setIds, chosen, directories, tablePositions);
        return new MergedSegment<>(segment, newPositions);
    }

    /** Table-0 key of every input entry, inputs numbered across the sources in order. */
    private static int[] firstTableKeys(List<PdqSource> sources, PdqLayout layout, int size) {
        int[] keys = new int[size];
        int i = 0;
        for (PdqSource source : sources) {
            for (int j = 0; j < source.count(); j++) {
                keys[i++] = layout.key(source.hashes(), source.hashBase() + 4 * source.position(j), 0);
            }
        }
        return keys;
    }

    /**
     * Copies input {@code order[q]} (or input q when order is null) to position q, reading the
     * inputs at random but writing sequentially, and returns each source's position map.
     */
    private static int[][] gather(List<PdqSource> sources, InputRanges inputs, int[] order, long[] hashes,
                                  long[] entryIds, int[] setIds) {
        int[][] newPositions = new int[sources.size()][];
        for (int s = 0; s < sources.size(); s++) {
            newPositions[s] = new int[sources.get(s).span()];
            Arrays.fill(newPositions[s], -1);
        }
        for (int q = 0, to = PdqSegment.HASH_BASE; q < inputs.total(); q++, to += 4) {
            int input = order == null ? q : order[q];
            int s = inputs.sourceOf(input);
            PdqSource source = sources.get(s);
            int from = source.position(input - inputs.first(s));
            long[] sourceHashes = source.hashes();
            int at = source.hashBase() + 4 * from;
            hashes[to] = sourceHashes[at];
            hashes[to + 1] = sourceHashes[at + 1];
            hashes[to + 2] = sourceHashes[at + 2];
            hashes[to + 3] = sourceHashes[at + 3];
            entryIds[q] = source.entryIds()[from];
            setIds[q] = source.setIds()[from];
            newPositions[s][from] = q;
        }
        return newPositions;
    }
}
