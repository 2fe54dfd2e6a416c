package org.vidcase.synthetic;

import java.awt.AlphaComposite;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Random;
import javax.imageio.ImageIO;

/**
 * What redistribution does to a picture, one edit per copy: the kinds of copy a series of
 * re-shared material holds. Each edit draws its strength from the random source it is given, so
 * a set of copies is reproducible from a seed.
 */
public enum CopyEdit {

    /** Scaled down to 35-70 % or up to 150 %, bilinear. */
    RESIZE {
        @Override
        public BufferedImage apply(BufferedImage source, Random random) {
            double factor = random.nextInt(4) == 0 ? 1.5 : 0.35 + 0.35 * random.nextDouble();
            return SyntheticImages.resized(source, factor);
        }
    },
    /** Re-encoded as JPEG at quality 35. */
    JPEG_Q35 {
        @Override
        public BufferedImage apply(BufferedImage source, Random random) {
            return decode(SyntheticImages.jpeg(source, 0.35f));
        }
    },
    /** 6 % of the width and of the height cut away, split at random between the two sides. */
    CROP {
        @Override
        public BufferedImage apply(BufferedImage source, Random random) {
            int cutX = (int) Math.round(source.getWidth() * 0.06);
            int cutY = (int) Math.round(source.getHeight() * 0.06);
            int left = random.nextInt(cutX + 1);
            int top = random.nextInt(cutY + 1);
            return copy(source.getSubimage(left, top, source.getWidth() - cutX, source.getHeight() - cutY));
        }
    },
    /** A plain frame of 4-15 % added around the picture, or as letterbox or pillarbox bars. */
    BORDER {
        @Override
        public BufferedImage apply(BufferedImage source, Random random) {
            double fraction = 0.04 + 0.11 * random.nextDouble();
            int shape = random.nextInt(3);
            int bx = shape == 1 ? 0 : (int) Math.round(source.getWidth() * fraction);
            int by = shape == 2 ? 0 : (int) Math.round(source.getHeight() * fraction);
            Color colour = switch (random.nextInt(3)) {
                case 0 -> Color.BLACK;
                case 1 -> Color.WHITE;
                default -> new Color(random.nextInt(256), random.nextInt(256), random.nextInt(256));
            };
            BufferedImage out = new BufferedImage(source.getWidth() + 2 * bx, source.getHeight() + 2 * by,
                    BufferedImage.TYPE_INT_RGB);
            Graphics2D g = out.createGraphics();
            try {
                g.setColor(colour);
                g.fillRect(0, 0, out.getWidth(), out.getHeight());
                g.drawImage(source, bx, by, null);
            } finally {
                g.dispose();
            }
            return out;
        }
    },
    /** Mirrored left to right. */
    MIRROR {
        @Override
        public BufferedImage apply(BufferedImage source, Random random) {
            int width = source.getWidth();
            int height = source.getHeight();
            BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
            int[] row = new int[width];
            int[] flipped = new int[width];
            for (int y = 0; y < height; y++) {
                source.getRGB(0, y, width, 1, row, 0, width);
                for (int x = 0; x < width; x++) {
                    flipped[x] = row[width - 1 - x];
                }
                out.setRGB(0, y, width, 1, flipped, 0, width);
            }
            return out;
        }
    },
    /** Gamma, contrast, brightness and a colour cast changed together. */
    TONE {
        @Override
        public BufferedImage apply(BufferedImage source, Random random) {
            double gamma = random.nextBoolean() ? 0.6 + 0.3 * random.nextDouble() : 1.2 + 0.5 * random.nextDouble();
            double contrast = 0.75 + 0.5 * random.nextDouble();
            double brightness = (random.nextDouble() - 0.5) * 40;
            double[] cast = {1 + (random.nextDouble() - 0.5) * 0.2, 1 + (random.nextDouble() - 0.5) * 0.2,
                    1 + (random.nextDouble() - 0.5) * 0.2};
            int[] lut = new int[256];
            BufferedImage out = new BufferedImage(source.getWidth(), source.getHeight(), BufferedImage.TYPE_INT_RGB);
            for (int c = 0; c < 3; c++) {
                for (int v = 0; v < 256; v++) {
                    double g = 255 * Math.pow(v / 255.0, gamma);
                    lut[v] = ProceduralScene.clamp((int) Math.round(((g - 128) * contrast + 128 + brightness) * cast[c]));
                }
                mapChannel(source, out, 16 - 8 * c, lut);
            }
            return out;
        }
    },
    /** Turned to grey by luminance. */
    GREYSCALE {
        @Override
        public BufferedImage apply(BufferedImage source, Random random) {
            BufferedImage out = new BufferedImage(source.getWidth(), source.getHeight(), BufferedImage.TYPE_INT_RGB);
            int width = source.getWidth();
            int[] row = new int[width];
            for (int y = 0; y < source.getHeight(); y++) {
                source.getRGB(0, y, width, 1, row, 0, width);
                for (int x = 0; x < width; x++) {
                    int p = row[x];
                    int l = (int) Math.round(0.299 * ((p >> 16) & 0xff) + 0.587 * ((p >> 8) & 0xff) + 0.114 * (p & 0xff));
                    row[x] = (l << 16) | (l << 8) | l;
                }
                out.setRGB(0, y, width, 1, row, 0, width);
            }
            return out;
        }
    },
    /** A caption or watermark written over the picture. */
    TEXT_OVERLAY {
        @Override
        public BufferedImage apply(BufferedImage source, Random random) {
            BufferedImage out = copy(source);
            int width = out.getWidth();
            int height = out.getHeight();
            Graphics2D g = out.createGraphics();
            try {
                g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
                int size = Math.max(10, (int) (height * (0.06 + 0.05 * random.nextDouble())));
                g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, size));
                String text = CAPTIONS[random.nextInt(CAPTIONS.length)];
                int y = random.nextBoolean() ? height - size / 2 : size + size / 2;
                if (random.nextBoolean()) {
                    g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, 0.55f));
                    g.setColor(Color.BLACK);
                    g.fillRect(0, y - size, width, size + size / 3);
                    g.setComposite(AlphaComposite.SrcOver);
                }
                g.setColor(random.nextBoolean() ? Color.WHITE : Color.YELLOW);
                g.drawString(text, width / 30, y);
            } finally {
                g.dispose();
            }
            return out;
        }
    };

    private static final String[] CAPTIONS = {"sample watermark 2026", "shared by user4711", "www.example.org",
        "NEW pics every day", "(c) nobody", "forum upload 0042"};

    public abstract BufferedImage apply(BufferedImage source, Random random);

    static BufferedImage copy(BufferedImage source) {
        BufferedImage out = new BufferedImage(source.getWidth(), source.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.drawImage(source, 0, 0, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    private static BufferedImage decode(byte[] bytes) {
        try {
            return ImageIO.read(new ByteArrayInputStream(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void mapChannel(BufferedImage source, BufferedImage out, int shift, int[] lut) {
        int width = source.getWidth();
        int[] in = new int[width];
        int[] row = new int[width];
        for (int y = 0; y < source.getHeight(); y++) {
            source.getRGB(0, y, width, 1, in, 0, width);
            out.getRGB(0, y, width, 1, row, 0, width);
            for (int x = 0; x < width; x++) {
                int v = lut[(in[x] >> shift) & 0xff];
                row[x] = (row[x] & ~(0xff << shift)) | (v << shift);
            }
            out.setRGB(0, y, width, 1, row, 0, width);
        }
    }
}
