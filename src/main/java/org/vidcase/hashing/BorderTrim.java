package org.vidcase.hashing;

/**
 * Finds a plain frame around a picture (a border, letterbox or pillarbox bars), side by side: a
 * side is trimmed while its outermost line is one colour and the lines inward keep that colour.
 * Picture content that happens to be plain at an edge (a clear sky) is trimmed the same way in
 * every copy, so matching compares like with like either way.
 */
final class BorderTrim {

    /** How far, per channel, a pixel may be from the frame's colour (JPEG ringing, noise). */
    private static final int TOLERANCE = 14;
    /** Share of a line's pixels that must have the frame's colour. */
    private static final double PLAIN_SHARE = 0.97;
    /** No side loses more than this share of the picture. */
    private static final double MAX_SIDE = 0.3;

    /** Trimmed bounds: x, y, width, height. */
    record Bounds(int x, int y, int width, int height) {
    }

    private BorderTrim() {
    }

    static Bounds find(int[] rgb, int width, int height) {
        int maxX = (int) (width * MAX_SIDE);
        int maxY = (int) (height * MAX_SIDE);
        int top = trim(rgb, width, height, maxY, false, false);
        int bottom = trim(rgb, width, height, maxY, false, true);
        int left = trim(rgb, width, height, maxX, true, false);
        int right = trim(rgb, width, height, maxX, true, true);
        return new Bounds(left, top, width - left - right, height - top - bottom);
    }

    /** How many lines to trim from one side. */
    private static int trim(int[] rgb, int width, int height, int max, boolean columns, boolean fromEnd) {
        int lines = columns ? width : height;
        int first = fromEnd ? lines - 1 : 0;
        int colour = averageColour(rgb, width, height, columns, first);
        int trimmed = 0;
        while (trimmed < max) {
            int line = fromEnd ? lines - 1 - trimmed : trimmed;
            if (!plain(rgb, width, height, columns, line, colour)) {
                break;
            }
            trimmed++;
        }
        return trimmed;
    }

    private static int averageColour(int[] rgb, int width, int height, boolean column, int line) {
        long r = 0;
        long g = 0;
        long b = 0;
        int n = column ? height : width;
        for (int i = 0; i < n; i++) {
            int p = column ? rgb[i * width + line] : rgb[line * width + i];
            r += (p >> 16) & 0xFF;
            g += (p >> 8) & 0xFF;
            b += p & 0xFF;
        }
        return (int) (r / n) << 16 | (int) (g / n) << 8 | (int) (b / n);
    }

    private static boolean plain(int[] rgb, int width, int height, boolean column, int line, int colour) {
        int n = column ? height : width;
        int allowedOff = (int) (n * (1 - PLAIN_SHARE));
        int off = 0;
        for (int i = 0; i < n; i++) {
            int p = column ? rgb[i * width + line] : rgb[line * width + i];
            if (Math.abs(((p >> 16) & 0xFF) - ((colour >> 16) & 0xFF)) > TOLERANCE
                    || Math.abs(((p >> 8) & 0xFF) - ((colour >> 8) & 0xFF)) > TOLERANCE
                    || Math.abs((p & 0xFF) - (colour & 0xFF)) > TOLERANCE) {
                if (++off > allowedOff) {
                    return false;
                }
            }
        }
        return true;
    }
}
