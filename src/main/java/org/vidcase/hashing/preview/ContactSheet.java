package org.vidcase.hashing.preview;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.util.List;

/**
 * Greyscale previews side by side in the order given, each with a caption (a timestamp such as
 * {@code 00:01:23.5}) drawn underneath in a built-in pixel font, on a dark background. Plain Java:
 * no fonts are needed on the server.
 */
public final class ContactSheet {

    /** One picture and its caption. */
    public record Tile(BufferedImage preview, String caption) {
    }

    private static final int GAP = 6;
    private static final int SCALE = 2;
    private static final int CAPTION_HEIGHT = PixelFont.HEIGHT * SCALE + 2 * GAP;
    private static final int BACKGROUND = 24;
    private static final int INK = 235;

    private ContactSheet() {
    }

    /** At most {@code columns} tiles a row; every cell is as large as the largest preview. */
    public static BufferedImage render(List<Tile> tiles, int columns) {
        if (tiles.isEmpty()) {
            throw new IllegalArgumentException("a contact sheet needs at least one picture");
        }
        int cellW = 0;
        int cellH = 0;
        for (Tile t : tiles) {
            cellW = Math.max(cellW, t.preview().getWidth());
            cellH = Math.max(cellH, t.preview().getHeight());
        }
        int cols = Math.max(1, Math.min(columns, tiles.size()));
        int rows = (tiles.size() + cols - 1) / cols;
        int width = GAP + cols * (cellW + GAP);
        int height = GAP + rows * (cellH + CAPTION_HEIGHT);
        BufferedImage sheet = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        byte[] out = ((DataBufferByte) sheet.getRaster().getDataBuffer()).getData();
        java.util.Arrays.fill(out, (byte) BACKGROUND);
        for (int i = 0; i < tiles.size(); i++) {
            Tile t = tiles.get(i);
            int x0 = GAP + (i % cols) * (cellW + GAP) + (cellW - t.preview().getWidth()) / 2;
            int y0 = GAP + (i / cols) * (cellH + CAPTION_HEIGHT) + (cellH - t.preview().getHeight()) / 2;
            copy(t.preview(), out, width, x0, y0);
            int textX = GAP + (i % cols) * (cellW + GAP);
            int textY = GAP + (i / cols) * (cellH + CAPTION_HEIGHT) + cellH + GAP;
            PixelFont.draw(t.caption(), out, width, height, textX, textY, SCALE, (byte) INK);
        }
        return sheet;
    }

    private static void copy(BufferedImage preview, byte[] out, int width, int x0, int y0) {
        int w = preview.getWidth();
        int h = preview.getHeight();
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            preview.getRaster().getSamples(0, y, w, 1, 0, row);
            for (int x = 0; x < w; x++) {
                out[(y0 + y) * width + x0 + x] = (byte) row[x];
            }
        }
    }

    /** Seconds as {@code HH:MM:SS.s}, the caption of a video frame. */
    public static String timestamp(double seconds) {
        long tenths = Math.round(seconds * 10);
        long s = tenths / 10;
        return String.format(java.util.Locale.ROOT, "%02d:%02d:%02d.%d", s / 3600, (s / 60) % 60, s % 60, tenths % 10);
    }
}
