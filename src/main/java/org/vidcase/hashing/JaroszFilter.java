package org.vidcase.hashing;

import java.util.Arrays;

/**
 * PDQ's blur-and-decimate step: repeated X,Y passes of 1-D box filters (Jarosz, "Fast Image
 * Convolutions", 2001), which together approximate a tent filter, followed by point sampling.
 *
 * <p>Every float operation happens in the same order as in the reference so that results are
 * bit-identical: each output is a running sum (add the entering sample, then subtract the leaving
 * one) divided by the current window size, with shrunken windows at both edges.
 */
final class JaroszFilter {

    private JaroszFilter() {
    }

    /**
     * Window size per pass: each output pixel should cover one output cell, and two passes are
     * made, so half a cell per pass, rounded up.
     */
    static int windowSize(int oldDimension, int newDimension) {
        return (oldDimension + 2 * newDimension - 1) / (2 * newDimension);
    }

    /**
     * Blurs {@code image} (rows x cols, row-major) in place.
     *
     * @param scratch    a buffer at least as large as the image
     * @param columnSums a buffer of at least {@code cols} running sums
     */
    static void blur(float[] image, float[] scratch, float[] columnSums, int rows, int cols,
                     int windowAlongRows, int windowAlongColumns, int passes) {
        Phases rowPhases = new Phases(cols, windowAlongRows);
        Phases columnPhases = new Phases(rows, windowAlongColumns);
        for (int pass = 0; pass < passes; pass++) {
            for (int r = 0; r < rows; r++) {
                boxAlongRow(image, scratch, r * cols, rowPhases);
            }
            boxAlongColumns(scratch, image, columnSums, cols, columnPhases);
        }
    }

    /** Samples the blurred image at the centres of a {@code outRows x outCols} grid. */
    static void decimate(float[] in, int rows, int cols, float[] out, int outRows, int outCols) {
        for (int i = 0; i < outRows; i++) {
            int inRow = (int) (((i + 0.5) * rows) / outRows);
            for (int j = 0; j < outCols; j++) {
                int inCol = (int) (((j + 0.5) * cols) / outCols);
                out[i * outCols + j] = in[inRow * cols + inCol];
            }
        }
    }

    private static void boxAlongRow(float[] in, float[] out, int offset, Phases phases) {
        int left = offset;
        int right = offset;
        int o = offset;
        float sum = 0f;
        int size = 0;
        for (int i = 0; i < phases.warmUp; i++) {
            sum += in[right++];
            size++;
        }
        for (int i = 0; i < phases.growing; i++) {
            sum += in[right++];
            size++;
            out[o++] = sum / size;
        }
        for (int i = 0; i < phases.full; i++) {
            sum += in[right++];
            sum -= in[left++];
            out[o++] = sum / size;
        }
        for (int i = 0; i < phases.shrinking; i++) {
            sum -= in[left++];
            size--;
            out[o++] = sum / size;
        }
    }

    /**
     * The column pass, swept row by row with one running sum per column: each column sees exactly
     * the operations of a strided 1-D pass, but memory is read sequentially.
     */
    private static void boxAlongColumns(float[] in, float[] out, float[] sums, int cols, Phases phases) {
        Arrays.fill(sums, 0, cols, 0f);
        int right = 0;
        int left = 0;
        int o = 0;
        int size = 0;
        for (int i = 0; i < phases.warmUp; i++) {
            int r = right++ * cols;
            for (int j = 0; j < cols; j++) {
                sums[j] += in[r + j];
            }
            size++;
        }
        for (int i = 0; i < phases.growing; i++) {
            int r = right++ * cols;
            int w = o++ * cols;
            size++;
            for (int j = 0; j < cols; j++) {
                float s = sums[j] + in[r + j];
                sums[j] = s;
                out[w + j] = s / size;
            }
        }
        for (int i = 0; i < phases.full; i++) {
            int r = right++ * cols;
            int l = left++ * cols;
            int w = o++ * cols;
            for (int j = 0; j < cols; j++) {
                float s = sums[j] + in[r + j];
                s -= in[l + j];
                sums[j] = s;
                out[w + j] = s / size;
            }
        }
        for (int i = 0; i < phases.shrinking; i++) {
            int l = left++ * cols;
            int w = o++ * cols;
            size--;
            for (int j = 0; j < cols; j++) {
                float s = sums[j] - in[l + j];
                sums[j] = s;
                out[w + j] = s / size;
            }
        }
    }

    /**
     * Step counts of one 1-D pass: accumulate without output, output while the window grows,
     * slide the full window, output while it shrinks at the far edge.
     */
    private static final class Phases {
        final int warmUp;
        final int growing;
        final int full;
        final int shrinking;

        Phases(int length, int window) {
            int half = (window + 2) / 2;
            warmUp = half - 1;
            growing = window - half + 1;
            full = length - window;
            shrinking = half - 1;
        }
    }
}
