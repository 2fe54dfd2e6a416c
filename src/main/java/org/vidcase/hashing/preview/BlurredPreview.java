package org.vidcase.hashing.preview;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;

/**
 * A picture as an officer first sees it in triage: shrunk, greyscale and blurred, so that a scene
 * can be judged with less exposure to its detail. Plain Java over pixels (no Java2D drawing, so it
 * runs on headless servers without fonts); for video key frames today and for pictures in a web UI.
 *
 * <p>The picture is shrunk by area averaging to at most {@code maxSide} pixels on its longer side,
 * turned to luma (the BT.601 weights PDQ uses), then blurred by three box passes of the given
 * radius each way, which approximates a Gaussian of standard deviation about {@code radius}.
 */
public final class BlurredPreview {

    private static final int PASSES = 3;

    private BlurredPreview() {
    }

    /** @return a {@link BufferedImage#TYPE_BYTE_GRAY} image */
    public static BufferedImage render(BufferedImage source, int maxSide, int blurRadius) {
        if (maxSide < 8) {
            throw new IllegalArgumentException("a preview is at least 8 pixels: " + maxSide);
        }
        if (blurRadius < 0) {
            throw new IllegalArgumentException("blur radius must not be negative: " + blurRadius);
        }
        int sw = source.getWidth();
        int sh = source.getHeight();
        double scale = Math.min(1.0, (double) maxSide / Math.max(sw, sh));
        int w = Math.max(1, (int) Math.round(sw * scale));
        int h = Math.max(1, (int) Math.round(sh * scale));
        float[] grey = shrinkToGrey(source, w, h);
        float[] scratch = new float[grey.length];
        for (int pass = 0; pass < PASSES; pass++) {
            boxRows(grey, scratch, w, h, blurRadius);
            boxColumns(scratch, grey, w, h, blurRadius);
        }
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        byte[] pixels = ((DataBufferByte) out.getRaster().getDataBuffer()).getData();
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (byte) Math.max(0, Math.min(255, Math.round(grey[i])));
        }
        return out;
    }

    private static float[] shrinkToGrey(BufferedImage source, int w, int h) {
        int sw = source.getWidth();
        int sh = source.getHeight();
        double[] sums = new double[w * h];
        int[] counts = new int[w * h];
        int[] row = new int[sw];
        int[] column = new int[sw];
        for (int x = 0; x < sw; x++) {
            column[x] = Math.min(w - 1, (int) ((long) x * w / sw));
        }
        for (int y = 0; y < sh; y++) {
            int ty = Math.min(h - 1, (int) ((long) y * h / sh));
            source.getRGB(0, y, sw, 1, row, 0, sw);
            int base = ty * w;
            for (int x = 0; x < sw; x++) {
                int p = row[x];
                sums[base + column[x]] += 0.299 * ((p >> 16) & 0xFF) + 0.587 * ((p >> 8) & 0xFF) + 0.114 * (p & 0xFF);
                counts[base + column[x]]++;
            }
        }
        float[] grey = new float[w * h];
        for (int i = 0; i < grey.length; i++) {
            grey[i] = counts[i] == 0 ? 0 : (float) (sums[i] / counts[i]);
        }
        return grey;
    }

    /** Box filter along rows with clamped edges; {@code in} to {@code out}. */
    private static void boxRows(float[] in, float[] out, int w, int h, int r) {
        float norm = 1f / (2 * r + 1);
        for (int y = 0; y < h; y++) {
            int base = y * w;
            float sum = 0;
            for (int k = -r; k <= r; k++) {
                sum += in[base + clamp(k, w)];
            }
            for (int x = 0; x < w; x++) {
                out[base + x] = sum * norm;
                sum += in[base + clamp(x + r + 1, w)] - in[base + clamp(x - r, w)];
            }
        }
    }

    private static void boxColumns(float[] in, float[] out, int w, int h, int r) {
        float norm = 1f / (2 * r + 1);
        for (int x = 0; x < w; x++) {
            float sum = 0;
            for (int k = -r; k <= r; k++) {
                sum += in[clamp(k, h) * w + x];
            }
            for (int y = 0; y < h; y++) {
                out[y * w + x] = sum * norm;
                sum += in[clamp(y + r + 1, h) * w + x] - in[clamp(y - r, h) * w + x];
            }
        }
    }

    private static int clamp(int i, int n) {
        return i < 0 ? 0 : i >= n ? n - 1 : i;
    }
}
