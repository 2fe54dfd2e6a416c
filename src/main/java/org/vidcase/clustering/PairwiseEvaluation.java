package org.vidcase.clustering;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Pairwise precision, recall and F1 of a grouping against the true one: of all pairs of pictures
 * put together, the share that truly belong together (precision), and of all pairs that truly
 * belong together, the share put together (recall).
 */
public record PairwiseEvaluation(long truePairs, long predictedPairs, long correctPairs) {

    public static <T, P> PairwiseEvaluation of(List<T> truth, List<P> predicted) {
        if (truth.size() != predicted.size()) {
            throw new IllegalArgumentException("truth and prediction differ in size");
        }
        Map<T, Long> truthSizes = new HashMap<>();
        Map<P, Long> predictedSizes = new HashMap<>();
        Map<List<Object>, Long> cells = new HashMap<>();
        for (int i = 0; i < truth.size(); i++) {
            T t = Objects.requireNonNull(truth.get(i));
            P p = Objects.requireNonNull(predicted.get(i));
            truthSizes.merge(t, 1L, Long::sum);
            predictedSizes.merge(p, 1L, Long::sum);
            cells.merge(List.of(t, p), 1L, Long::sum);
        }
        return new PairwiseEvaluation(pairs(truthSizes), pairs(predictedSizes), pairs(cells));
    }

    private static long pairs(Map<?, Long> sizes) {
        long total = 0;
        for (long n : sizes.values()) {
            total += n * (n - 1) / 2;
        }
        return total;
    }

    /** 1 when nothing was put together (no pair is wrong). */
    public double precision() {
        return predictedPairs == 0 ? 1 : (double) correctPairs / predictedPairs;
    }

    /** 1 when nothing belongs together. */
    public double recall() {
        return truePairs == 0 ? 1 : (double) correctPairs / truePairs;
    }

    public double f1() {
        double p = precision();
        double r = recall();
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "precision %.4f recall %.4f F1 %.4f (%d of %d true pairs, %d predicted)",
                precision(), recall(), f1(), correctPairs, truePairs, predictedPairs);
    }
}
