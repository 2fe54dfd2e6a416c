package org.vidcase.hashing;

/**
 * Torben Mogensen's median selection (public domain), as used by the PDQ reference: repeated
 * bisection of the value range, counting instead of sorting, so the input is left untouched.
 * For an even count it yields the lower median, which matters because PDQ sets a bit only for
 * coefficients strictly above the returned value.
 */
final class TorbenMedian {

    private TorbenMedian() {
    }

    static float median(float[] values, int count) {
        int half = (count + 1) / 2;
        float min = values[0];
        float max = values[0];
        for (int i = 1; i < count; i++) {
            if (values[i] < min) {
                min = values[i];
            }
            if (values[i] > max) {
                max = values[i];
            }
        }
        while (true) {
            float guess = (min + max) / 2;
            int less = 0;
            int greater = 0;
            int equal = 0;
            float maxBelow = min;
            float minAbove = max;
            for (int i = 0; i < count; i++) {
                float v = values[i];
                if (v < guess) {
                    less++;
                    if (v > maxBelow) {
                        maxBelow = v;
                    }
                } else if (v > guess) {
                    greater++;
                    if (v < minAbove) {
                        minAbove = v;
                    }
                } else {
                    equal++;
                }
            }
            if (less <= half && greater <= half) {
                if (less >= half) {
                    return maxBelow;
                }
                return less + equal >= half ? guess : minAbove;
            }
            if (less > greater) {
                max = maxBelow;
            } else {
                min = minAbove;
            }
        }
    }
}
