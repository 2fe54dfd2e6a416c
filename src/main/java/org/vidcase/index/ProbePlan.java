package org.vidcase.index;

import java.util.Arrays;

/**
 * Per-table search radii for one query radius, by the generalized pigeonhole principle: with m
 * disjoint substrings and radii t_i summing to at least r - m + 1, every hash within r of the query
 * is within t_i of it on some substring i (otherwise its distance would be at least
 * sum(t_i + 1) > r). A radius of -1 skips the table. The radii are distributed greedily by
 * marginal estimated cost, which is optimal because each table's cost is convex in its radius.
 */
final class ProbePlan {

    private final int[] thresholds;
    private final int totalKeys;
    private final double estimatedNanos;

    private ProbePlan(int[] thresholds, int totalKeys, double estimatedNanos) {
        this.thresholds = thresholds;
        this.totalKeys = totalKeys;
        this.estimatedNanos = estimatedNanos;
    }

    static ProbePlan create(PdqLayout layout, int size, int radius) {
        int tables = layout.tables();
        double linearCost = PdqCostModel.linearScanCost(size);
        ProbePlan linearScan = new ProbePlan(null, 0, linearCost);
        if (tables == 0) {
            return linearScan;
        }
        int[] thresholds = new int[tables];
        Arrays.fill(thresholds, -1);
        double cost = 0;
        for (int sum = -tables; sum < radius - tables + 1; sum++) {
            int cheapest = -1;
            double cheapestIncrease = Double.POSITIVE_INFINITY;
            for (int t = 0; t < tables; t++) {
                if (thresholds[t] == layout.width(t)) {
                    continue;
                }
                double increase = PdqCostModel.tableCost(size, layout.width(t), thresholds[t] + 1, t == 0)
                        - PdqCostModel.tableCost(size, layout.width(t), thresholds[t], t == 0);
                if (increase < cheapestIncrease) {
                    cheapest = t;
                    cheapestIncrease = increase;
                }
            }
            if (cheapest < 0) {
                return linearScan;
            }
            thresholds[cheapest]++;
            cost += cheapestIncrease;
            if (cost > linearCost) {
                return linearScan;
            }
        }
        long keys = 0;
        for (int t = 0; t < tables; t++) {
            keys += thresholds[t] < 0 ? 0 : HammingBall.size(layout.width(t), thresholds[t]);
        }
        return keys > Integer.MAX_VALUE / 2 ? linearScan : new ProbePlan(thresholds, (int) keys, cost);
    }

    boolean isLinearScan() {
        return thresholds == null;
    }

    int threshold(int table) {
        return thresholds[table];
    }

    /** Keys probed over all tables. */
    int totalKeys() {
        return totalKeys;
    }

    double estimatedNanos() {
        return estimatedNanos;
    }

    @Override
    public String toString() {
        return isLinearScan() ? "linear scan" : Arrays.toString(thresholds);
    }
}
