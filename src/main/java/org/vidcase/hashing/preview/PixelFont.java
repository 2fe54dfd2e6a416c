package org.vidcase.hashing.preview;

/**
 * A 3x5 pixel font for digits and the few signs timestamps and frame numbers need; other
 * characters are drawn as blanks.
 */
final class PixelFont {

    static final int WIDTH = 3;
    static final int HEIGHT = 5;

    private static final String GLYPHS = "0123456789:.#-/ ";
    /** Five rows of three bits per glyph, top row first, left pixel the high bit. */
    private static final int[][] ROWS = {
            {7, 5, 5, 5, 7}, {2, 6, 2, 2, 7}, {7, 1, 7, 4, 7}, {7, 1, 7, 1, 7}, {5, 5, 7, 1, 1},
            {7, 4, 7, 1, 7}, {7, 4, 7, 5, 7}, {7, 1, 2, 2, 2}, {7, 5, 7, 5, 7}, {7, 5, 7, 1, 7},
            {0, 2, 0, 2, 0}, {0, 0, 0, 0, 2}, {5, 7, 5, 7, 5}, {0, 0, 7, 0, 0}, {1, 1, 2, 4, 4},
            {0, 0, 0, 0, 0},
    };

    private PixelFont() {
    }

    static void draw(String text, byte[] out, int width, int height, int x0, int y0, int scale, byte ink) {
        int x = x0;
        for (int c = 0; c < text.length(); c++) {
            int glyph = GLYPHS.indexOf(text.charAt(c));
            int[] rows = ROWS[glyph < 0 ? GLYPHS.length() - 1 : glyph];
            for (int r = 0; r < HEIGHT; r++) {
                for (int b = 0; b < WIDTH; b++) {
                    if ((rows[r] >> (WIDTH - 1 - b) & 1) != 0) {
                        fill(out, width, height, x + b * scale, y0 + r * scale, scale, ink);
                    }
                }
            }
            x += (WIDTH + 1) * scale;
        }
    }

    private static void fill(byte[] out, int width, int height, int x0, int y0, int scale, byte ink) {
        for (int y = y0; y < Math.min(height, y0 + scale); y++) {
            for (int x = x0; x < Math.min(width, x0 + scale); x++) {
                out[y * width + x] = ink;
            }
        }
    }
}
