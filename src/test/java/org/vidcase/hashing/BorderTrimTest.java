package org.vidcase.hashing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class BorderTrimTest {

    private static final int W = 120;
    private static final int H = 90;

    /** Noisy content inside a plain frame of the given widths. */
    private static int[] framed(int left, int top, int right, int bottom, int frameColour) {
        Random random = new Random(3);
        int[] rgb = new int[W * H];
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                boolean frame = x < left || y < top || x >= W - right || y >= H - bottom;
                rgb[y * W + x] = frame ? frameColour : random.nextInt(0x1000000);
            }
        }
        return rgb;
    }

    @Test
    void aFrameIsTrimmedSideBySide() {
        BorderTrim.Bounds bounds = BorderTrim.find(framed(7, 5, 3, 9, 0x000000), W, H);

        assertThat(bounds).isEqualTo(new BorderTrim.Bounds(7, 5, W - 10, H - 14));
    }

    @Test
    void letterboxBarsAreTrimmedAndTheSidesLeftAlone() {
        BorderTrim.Bounds bounds = BorderTrim.find(framed(0, 12, 0, 12, 0xffffff), W, H);

        assertThat(bounds).isEqualTo(new BorderTrim.Bounds(0, 12, W, H - 24));
    }

    @Test
    void aPictureWithoutAFrameKeepsItsBounds() {
        assertThat(BorderTrim.find(framed(0, 0, 0, 0, 0), W, H)).isEqualTo(new BorderTrim.Bounds(0, 0, W, H));
    }

    @Test
    void noSideLosesMoreThanAThird() {
        int[] plain = new int[W * H];
        java.util.Arrays.fill(plain, 0x336699);

        BorderTrim.Bounds bounds = BorderTrim.find(plain, W, H);

        assertThat(bounds.width()).isGreaterThanOrEqualTo(W - 2 * (int) (W * 0.3));
        assertThat(bounds.height()).isGreaterThanOrEqualTo(H - 2 * (int) (H * 0.3));
    }
}
