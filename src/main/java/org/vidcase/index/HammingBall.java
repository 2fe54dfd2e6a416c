package org.vidcase.index;

/** The keys within a Hamming radius of a centre key, i.e. the buckets one table probe visits. */
final class HammingBall {

    private HammingBall() {
    }

    /** Number of {@code width}-bit keys within {@code radius} of any key; saturates at Long.MAX_VALUE. */
    static long size(int width, int radius) {
        long total = 0;
        long choose = 1;
        for (int k = 0; k <= Math.min(radius, width); k++) {
            total += choose;
            if (total < 0) {
                return Long.MAX_VALUE;
            }
            choose = choose * (width - k) / (k + 1);
        }
        return total;
    }

    /**
     * Writes every key within {@code radius} of {@code centre} to {@code out} from {@code at} on and
     * returns the end. Masks of each popcount are walked with Gosper's hack (the trailing-zero form,
     * which avoids a division per key).
     */
    static int enumerate(int centre, int width, int radius, int[] out, int at) {
        out[at++] = centre;
        long limit = 1L << width;
        for (int k = 1; k <= Math.min(radius, width); k++) {
            long mask = (1L << k) - 1;
            while (mask < limit) {
                out[at++] = centre ^ (int) mask;
                long filled = mask | (mask - 1);
                mask = (filled + 1) | (((~filled & -~filled) - 1) >>> (Long.numberOfTrailingZeros(mask) + 1));
            }
        }
        return at;
    }
}
