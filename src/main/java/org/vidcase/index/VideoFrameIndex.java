package org.vidcase.index;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;

/**
 * vPDQ matching against many videos at once: the frame hashes of every indexed video in one
 * {@link PdqRadiusIndex}, each frame under {@code slot << 24 | frame}. A query's frames are looked up
 * once each; the hits give, per video, how many query frames found a frame of it within the radius
 * and how many of its frames were found, which are exactly vPDQ's two shares, without comparing
 * the query with every video. Frames are given as the distinct usable ones (quality filtered,
 * duplicates removed), as vPDQ compares them. Thread-safe; additions are atomic.
 */
public final class VideoFrameIndex {

    static final int FRAME_BITS = 24;
    public static final int MAX_FRAMES = 1 << FRAME_BITS;

    private final PdqRadiusIndex frames = PdqRadiusIndex.builder().build();
    private long[] keys = new long[1024];
    private int[] groups = new int[1024];
    private int[] frameCounts = new int[1024];
    private volatile int size;
    private final Map<Long, Integer> slots = new HashMap<>();

    /**
     * One video's standing against the query.
     *
     * @param key             the caller's key of the indexed video
     * @param group           its group (e.g. a reference set)
     * @param queryMatched    query frames within the radius of one of its frames
     * @param comparedMatched its frames within the radius of a query frame
     * @param comparedFrames  its distinct usable frames
     */
    public record Match(long key, int group, int queryMatched, int queryFrames, int comparedMatched,
                        int comparedFrames) {

        public double queryPercent() {
            return queryFrames == 0 ? 0 : queryMatched * 100.0 / queryFrames;
        }

        public double comparedPercent() {
            return comparedFrames == 0 ? 0 : comparedMatched * 100.0 / comparedFrames;
        }
    }

    /**
     * Adds a video; a key already indexed is left as it is.
     *
     * @param frameWords four words per frame (its distinct usable frame hashes)
     */
    public synchronized void add(long key, int group, long[] frameWords) {
        if (frameWords.length % 4 != 0 || frameWords.length / 4 > MAX_FRAMES) {
            throw new IllegalArgumentException("frames are four words each, at most " + MAX_FRAMES);
        }
        if (slots.containsKey(key) || frameWords.length == 0) {
            return;
        }
        int slot = size;
        if (slot == keys.length) {
            keys = Arrays.copyOf(keys, slot * 2);
            groups = Arrays.copyOf(groups, slot * 2);
            frameCounts = Arrays.copyOf(frameCounts, slot * 2);
        }
        keys[slot] = key;
        groups[slot] = group;
        frameCounts[slot] = frameWords.length / 4;
        PdqEntries batch = new PdqEntries(frameWords.length / 4);
        for (int f = 0; f < frameWords.length / 4; f++) {
            batch.add(((long) slot << FRAME_BITS) | f, group, frameWords[4 * f], frameWords[4 * f + 1],
                    frameWords[4 * f + 2], frameWords[4 * f + 3]);
        }
        slots.put(key, slot);
        size = slot + 1;
        frames.add(batch);
    }

    /** Adds many videos as one index segment (a bulk load). */
    public synchronized void addAll(long[] keys, int[] groups, long[][] frameWords) {
        PdqEntries batch = new PdqEntries(1024);
        for (int v = 0; v < keys.length; v++) {
            if (slots.containsKey(keys[v]) || frameWords[v].length == 0) {
                continue;
            }
            int slot = size;
            if (slot == this.keys.length) {
                this.keys = Arrays.copyOf(this.keys, slot * 2);
                this.groups = Arrays.copyOf(this.groups, slot * 2);
                this.frameCounts = Arrays.copyOf(this.frameCounts, slot * 2);
            }
            this.keys[slot] = keys[v];
            this.groups[slot] = groups[v];
            this.frameCounts[slot] = frameWords[v].length / 4;
            long[] w = frameWords[v];
            for (int f = 0; f < w.length / 4; f++) {
                batch.add(((long) slot << FRAME_BITS) | f, groups[v], w[4 * f], w[4 * f + 1], w[4 * f + 2], w[4 * f + 3]);
            }
            slots.put(keys[v], slot);
            size = slot + 1;
        }
        frames.add(batch);
    }

    public int videos() {
        return size;
    }

    public boolean contains(long key) {
        synchronized (this) {
            return slots.containsKey(key);
        }
    }

    public void deactivateGroup(int group) {
        frames.deactivateSet(group);
    }

    public void activateGroup(int group) {
        frames.activateSet(group);
    }

    /**
     * Every indexed video at least one of whose frames is within {@code radius} of a query frame,
     * in the groups the filter admits, best compared share first.
     *
     * @param queryWords four words per distinct usable query frame
     */
    public List<Match> search(long[] queryWords, int radius, IntPredicate groupFilter) {
        int queryFrames = queryWords.length / 4;
        Map<Integer, Hits> bySlot = new HashMap<>();
        for (int q = 0; q < queryFrames; q++) {
            List<PdqMatch> hits = frames.search(new long[] {queryWords[4 * q], queryWords[4 * q + 1],
                    queryWords[4 * q + 2], queryWords[4 * q + 3]}, radius);
            for (PdqMatch hit : hits) {
                if (!groupFilter.test(hit.setId())) {
                    continue;
                }
                int slot = (int) (hit.entryId() >>> FRAME_BITS);
                Hits h = bySlot.computeIfAbsent(slot, s -> new Hits());
                if (h.lastQuery != q) {
                    h.lastQuery = q;
                    h.queryMatched++;
                }
                h.frames.set((int) (hit.entryId() & (MAX_FRAMES - 1)));
            }
        }
        List<Match> out = new ArrayList<>(bySlot.size());
        for (Map.Entry<Integer, Hits> e : bySlot.entrySet()) {
            int slot = e.getKey();
            out.add(new Match(keys[slot], groups[slot], e.getValue().queryMatched, queryFrames,
                    e.getValue().frames.cardinality(), frameCounts[slot]));
        }
        out.sort((a, b) -> Double.compare(b.comparedPercent(), a.comparedPercent()) != 0
                ? Double.compare(b.comparedPercent(), a.comparedPercent())
                : Double.compare(b.queryPercent(), a.queryPercent()));
        return out;
    }

    private static final class Hits {
        int lastQuery = -1;
        int queryMatched;
        final BitSet frames = new BitSet();
    }
}
