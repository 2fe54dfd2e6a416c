package org.vidcase.hashing;

import java.awt.image.BufferedImage;

/**
 * A picture shrunk by area averaging to at most {@link #LONG_SIDE} pixels on its longer side, as
 * packed RGB: the one plane every part-of-picture view is cut from, so each view costs a small
 * hash rather than another pass over a camera-sized image.
 */
record Thumbnail(int[] rgb, int width, int height) {

    static final int LONG_SIDE = 224;

    static Thumbnail of(BufferedImage image) {
        int sw = image.getWidth();
        int sh = image.getHeight();
        double scale = Math.min(1.0, (double) LONG_SIDE / Math.max(sw, sh));
        int tw = Math.max(1, (int) Math.round(sw * scale));
        int th = Math.max(1, (int) Math.round(sh * scale));
        long[] sums = new long[tw * 3];
        int[] counts = new int[tw];
        int[] columnTarget = new int[sw];
        for (int x = 0; x < sw; x++) {
            columnTarget[x] = Math.min(tw - 1, (int) ((long) x * tw / sw));
        }
        int[] out = new int[tw * th];
        int[] row = new int[sw];
        int targetRow = 0;
        for (int y = 0; y < sh; y++) {
            int ty = Math.min(th - 1, (int) ((long) y * th / sh));
            if (ty != targetRow) {
                flush(sums, counts, out, targetRow, tw);
                targetRow = ty;
            }
            image.getRGB(0, y, sw, 1, row, 0, sw);
            for (int x = 0; x < sw; x++) {
                int p = row[x];
                int t = columnTarget[x];
                sums[t * 3] += (p >> 16) & 0xFF;
                sums[t * 3 + 1] += (p >> 8) & 0xFF;
                sums[t * 3 + 2] += p & 0xFF;
                counts[t]++;
            }
        }
        flush(sums, counts, out, targetRow, tw);
        return new Thumbnail(out, tw, th);
    }

    private static void flush(long[] sums, int[] counts, int[] out, int targetRow, int tw) {
        for (int t = 0; t < tw; t++) {
            int n = Math.max(1, counts[t]);
            int r = (int) (sums[t * 3] / n);
            int g = (int) (sums[t * 3 + 1] / n);
            int b = (int) (sums[t * 3 + 2] / n);
            out[targetRow * tw + t] = (r << 16) | (g << 8) | b;
            sums[t * 3] = 0;
            sums[t * 3 + 1] = 0;
            sums[t * 3 + 2] = 0;
            counts[t] = 0;
        }
    }

    /** The pixels of a window, as packed RGB of {@code w x h}. */
    int[] window(int x, int y, int w, int h) {
        int[] out = new int[w * h];
        for (int r = 0; r < h; r++) {
            System.arraycopy(rgb, (y + r) * width + x, out, r * w, w);
        }
        return out;
    }
}
