package org.vidcase.hashing.video;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.vidcase.hashing.PdqHash;

/**
 * vPDQ's comparison of two videos: the frames are an unordered bag of hashes. Frames below the
 * minimum quality are left out and exact duplicates counted once; a frame matches when some frame
 * of the other video is within the radius (inclusive, as the reference's description and this
 * project's PDQ matching have it). The query and the compared video each get the share of their
 * frames that matched.
 */
public final class VpdqComparison {

    private VpdqComparison() {
    }

    /**
     * @param queryPercent    share of the query's distinct usable frames within the radius of a compared frame
     * @param comparedPercent share of the compared video's distinct usable frames within the radius of a query frame
     * @param queryFrames     the query's distinct usable frames
     * @param comparedFrames  the compared video's distinct usable frames
     */
    public record Result(double queryPercent, double comparedPercent, int queryFrames, int comparedFrames) {

        public static final Result NONE = new Result(0, 0, 0, 0);

        /** vPDQ's match rule: both shares reach their thresholds (and something was compared). */
        public boolean matches(double queryThreshold, double comparedThreshold) {
            return queryFrames > 0 && comparedFrames > 0
                    && queryPercent >= queryThreshold && comparedPercent >= comparedThreshold;
        }
    }

    public static Result compare(VpdqSignature query, VpdqSignature compared, int radius, int minQuality) {
        List<PdqHash> q = distinctUsable(query, minQuality);
        List<PdqHash> c = distinctUsable(compared, minQuality);
        if (q.isEmpty() || c.isEmpty()) {
            return new Result(0, 0, q.size(), c.size());
        }
        return new Result(percent(matched(q, c, radius), q.size()), percent(matched(c, q, radius), c.size()),
                q.size(), c.size());
    }

    /** The distinct hashes of the frames of at least this quality, in frame order. */
    public static List<PdqHash> distinctUsable(VpdqSignature signature, int minQuality) {
        Set<PdqHash> distinct = new LinkedHashSet<>();
        for (VideoFrameHash f : signature.frames()) {
            if (f.usable(minQuality)) {
                distinct.add(f.hash());
            }
        }
        return new ArrayList<>(distinct);
    }

    public static double percent(long part, long whole) {
        return whole == 0 ? 0 : part * 100.0 / whole;
    }

    private static int matched(List<PdqHash> from, List<PdqHash> in, int radius) {
        long[] words = words(in);
        int n = 0;
        for (PdqHash h : from) {
            long w0 = h.word(0);
            long w1 = h.word(1);
            long w2 = h.word(2);
            long w3 = h.word(3);
            for (int i = 0; i < words.length; i += 4) {
                int d = Long.bitCount(w0 ^ words[i]) + Long.bitCount(w1 ^ words[i + 1])
                        + Long.bitCount(w2 ^ words[i + 2]) + Long.bitCount(w3 ^ words[i + 3]);
                if (d <= radius) {
                    n++;
                    break;
                }
            }
        }
        return n;
    }

    private static long[] words(List<PdqHash> hashes) {
        long[] words = new long[hashes.size() * 4];
        int k = 0;
        for (PdqHash h : hashes) {
            words[k++] = h.word(0);
            words[k++] = h.word(1);
            words[k++] = h.word(2);
            words[k++] = h.word(3);
        }
        return words;
    }
}
