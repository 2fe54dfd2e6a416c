package org.vidcase.hashing;

import java.util.Arrays;

/**
 * The part of the 2-D DCT-II of a 64x64 block that PDQ keeps: frequencies 1..16 on both axes
 * (frequency 0, the mean, carries no structure). Computed as {@code D A D^T} with a 16x64 matrix
 * {@code D}, which for this size is faster than any fast-DCT factorisation.
 */
final class PdqDct {

    static final int INPUT = 64;
    static final int OUTPUT = 16;

    /** Row-major 16x64; float entries computed in double, as the reference does. */
    private static final float[] MATRIX = buildMatrix();

    private PdqDct() {
    }

    private static float[] buildMatrix() {
        float scale = (float) Math.sqrt(2.0 / INPUT);
        float[] matrix = new float[OUTPUT * INPUT];
        for (int i = 0; i < OUTPUT; i++) {
            for (int j = 0; j < INPUT; j++) {
                matrix[i * INPUT + j] =
                        (float) (scale * StrictMath.cos((Math.PI / 2.0 / INPUT) * (i + 1) * (2 * j + 1)));
            }
        }
        return matrix;
    }

    /**
     * @param block  64x64 input, row-major
     * @param temp   16x64 scratch
     * @param output 16x16 coefficients, row-major
     */
    static void transform(float[] block, float[] temp, float[] output) {
        // temp = D * block. The k loop is outermost so the j loop streams over rows of the block;
        // each temp element still accumulates its 64 products in ascending k, like the reference.
        for (int i = 0; i < OUTPUT; i++) {
            int t = i * INPUT;
            Arrays.fill(temp, t, t + INPUT, 0f);
            for (int k = 0; k < INPUT; k++) {
                float d = MATRIX[i * INPUT + k];
                int a = k * INPUT;
                for (int j = 0; j < INPUT; j++) {
                    temp[t + j] += d * block[a + j];
                }
            }
        }
        // output = temp * D^T
        for (int i = 0; i < OUTPUT; i++) {
            for (int j = 0; j < OUTPUT; j++) {
                float sum = 0f;
                for (int k = 0; k < INPUT; k++) {
                    sum += temp[i * INPUT + k] * MATRIX[j * INPUT + k];
                }
                output[i * OUTPUT + j] = sum;
            }
        }
    }
}
