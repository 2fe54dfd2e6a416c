package org.vidcase.load;

import java.util.Arrays;

/** Latencies of one kind of request (all of them, kept exactly: a run holds at most some 100,000) and its errors. */
final class LatencyStats {

    private long[] nanos = new long[256];
    private int count;
    private int errors;

    synchronized void add(long latencyNanos, boolean error) {
        if (count == nanos.length) {
            nanos = Arrays.copyOf(nanos, count * 2);
        }
        nanos[count++] = latencyNanos;
        if (error) {
            errors++;
        }
    }

    synchronized Summary summary() {
        long[] sorted = Arrays.copyOf(nanos, count);
        Arrays.sort(sorted);
        return new Summary(count, errors, millis(percentile(sorted, 0.50)), millis(percentile(sorted, 0.95)),
                millis(percentile(sorted, 0.99)), millis(count == 0 ? 0 : sorted[count - 1]));
    }

    /** Nearest rank: the smallest value with at least {@code p} of the values at or below it. */
    static long percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length, rank) - 1)];
    }

    private static double millis(long nanos) {
        return nanos / 1e6;
    }

    /** Latencies in milliseconds. */
    record Summary(int count, int errors, double p50, double p95, double p99, double max) {

        double throughput(double seconds) {
            return seconds <= 0 ? 0 : count / seconds;
        }
    }
}
