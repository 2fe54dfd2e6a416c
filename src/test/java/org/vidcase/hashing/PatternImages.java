package org.vidcase.hashing;

import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/** Procedurally generated test images (no photographs) and their encodings. */
final class PatternImages {

    private PatternImages() {
    }

    /** Smooth waves, a diagonal ramp and a coarse checkerboard: plenty of structure for PDQ. */
    static int patternRgb(int x, int y, int width, int height) {
        int r = (int) Math.round(127.5 + 127.5 * Math.sin(x * 0.07 + y * 0.021));
        int g = (x + y) * 255 / Math.max(1, width + height - 2);
        int b = ((x * 6 / Math.max(1, width)) + (y * 4 / Math.max(1, height))) % 2 == 0 ? 40 : 215;
        return (r << 16) | (g << 8) | b;
    }

    static BufferedImage rgb(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, patternRgb(x, y, width, height));
            }
        }
        return image;
    }

    static int[] packedRgb(int width, int height) {
        int[] pixels = new int[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                pixels[y * width + x] = patternRgb(x, y, width, height);
            }
        }
        return pixels;
    }

    /** The pattern with an alpha ramp from transparent (left) to opaque (right). */
    static BufferedImage argb(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int alpha = x * 255 / Math.max(1, width - 1);
                image.setRGB(x, y, (alpha << 24) | patternRgb(x, y, width, height));
            }
        }
        return image;
    }

    static BufferedImage gray8(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        WritableRaster raster = image.getRaster();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                raster.setSample(x, y, 0, (patternRgb(x, y, width, height) >> 16) & 0xFF);
            }
        }
        return image;
    }

    /** {@link #gray8} with an alpha ramp. */
    static BufferedImage grayAlpha(int width, int height) {
        ComponentColorModel model = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_GRAY),
                true, false, Transparency.TRANSLUCENT, DataBuffer.TYPE_BYTE);
        WritableRaster raster = model.createCompatibleWritableRaster(width, height);
        Raster source = gray8(width, height).getRaster();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                raster.setPixel(x, y, new int[] {source.getSample(x, y, 0), x * 255 / Math.max(1, width - 1)});
            }
        }
        return new BufferedImage(model, raster, false, null);
    }

    /** {@link #gray8} widened to 16 bits exactly (v * 257), so both must hash alike. */
    static BufferedImage gray16(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_USHORT_GRAY);
        Raster source = gray8(width, height).getRaster();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.getRaster().setSample(x, y, 0, source.getSample(x, y, 0) * 257);
            }
        }
        return image;
    }

    /** {@link #rgb} widened to 16 bits per channel exactly (v * 257). */
    static BufferedImage rgb16(int width, int height) {
        ComponentColorModel model = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_sRGB),
                false, false, Transparency.OPAQUE, DataBuffer.TYPE_USHORT);
        WritableRaster raster = model.createCompatibleWritableRaster(width, height);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int p = patternRgb(x, y, width, height);
                raster.setPixel(x, y, new int[] {((p >> 16) & 0xFF) * 257, ((p >> 8) & 0xFF) * 257, (p & 0xFF) * 257});
            }
        }
        return new BufferedImage(model, raster, false, null);
    }

    /** A 4-colour palette image. */
    static BufferedImage palette(int width, int height) {
        byte[] reds = {(byte) 20, (byte) 200, (byte) 90, (byte) 250};
        byte[] greens = {(byte) 30, (byte) 60, (byte) 180, (byte) 240};
        byte[] blues = {(byte) 160, (byte) 40, (byte) 70, (byte) 230};
        IndexColorModel model = new IndexColorModel(8, 4, reds, greens, blues);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_INDEXED, model);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.getRaster().setSample(x, y, 0, ((x / 9) + (y / 13) * 3) % 4);
            }
        }
        return image;
    }

    static BufferedImage solid(int width, int height, int rgb) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, rgb);
            }
        }
        return image;
    }

    /** The image with its pixels moved as {@code transform} describes. */
    static BufferedImage transform(BufferedImage source, Dihedral transform) {
        int w = source.getWidth();
        int h = source.getHeight();
        boolean swapsAxes = switch (transform) {
            case ROTATE_90, ROTATE_270, FLIP_PLUS_1, FLIP_MINUS_1 -> true;
            default -> false;
        };
        BufferedImage target = swapsAxes
                ? new BufferedImage(h, w, BufferedImage.TYPE_INT_RGB)
                : new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int rgb = source.getRGB(x, y);
                switch (transform) {
                    case ORIGINAL -> target.setRGB(x, y, rgb);
                    case ROTATE_90 -> target.setRGB(y, w - 1 - x, rgb);
                    case ROTATE_180 -> target.setRGB(w - 1 - x, h - 1 - y, rgb);
                    case ROTATE_270 -> target.setRGB(h - 1 - y, x, rgb);
                    case FLIP_X -> target.setRGB(x, h - 1 - y, rgb);
                    case FLIP_Y -> target.setRGB(w - 1 - x, y, rgb);
                    case FLIP_PLUS_1 -> target.setRGB(y, x, rgb);
                    case FLIP_MINUS_1 -> target.setRGB(h - 1 - y, w - 1 - x, rgb);
                }
            }
        }
        return target;
    }

    static byte[] encode(BufferedImage image, String format) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, bytes)) {
                throw new IllegalStateException("no ImageIO writer for " + format + " and " + image);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** An animated GIF: the frames in order. */
    static byte[] animatedGif(List<BufferedImage> frames) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("gif").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.prepareWriteSequence(null);
            for (BufferedImage frame : frames) {
                writer.writeToSequence(new IIOImage(frame, null, null), null);
            }
            writer.endWriteSequence();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    /**
     * An Adobe CMYK JPEG. Adobe stores ink inverted (255 = no ink), which the APP14 marker
     * announces: the top half has no black ink, the bottom half full black; the left half has no
     * cyan ink, the right half full cyan.
     */
    static byte[] cmykJpeg(int width, int height) {
        WritableRaster raster = Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, width, height, 4, null);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                raster.setPixel(x, y, new int[] {x < width / 2 ? 255 : 0, 255, 255, y < height / 2 ? 255 : 0});
            }
        }
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(raster, null, null), null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        byte[] plain = bytes.toByteArray();
        byte[] adobe = {(byte) 0xFF, (byte) 0xEE, 0, 14, 'A', 'd', 'o', 'b', 'e', 0, 100, 0, 0, 0, 0, 0};
        byte[] marked = new byte[plain.length + adobe.length];
        System.arraycopy(plain, 0, marked, 0, 2);
        System.arraycopy(adobe, 0, marked, 2, adobe.length);
        System.arraycopy(plain, 2, marked, 2 + adobe.length, plain.length - 2);
        return marked;
    }

    /**
     * A lossless WebP of one colour, written by hand since ImageIO has no WebP writer. With a
     * single symbol per prefix code, every pixel costs zero bits.
     */
    static byte[] solidWebp(int width, int height, int argb) {
        BitWriter bits = new BitWriter();
        bits.write(0x2F, 8); // VP8L signature
        bits.write(width - 1, 14);
        bits.write(height - 1, 14);
        bits.write(1, 1); // alpha is used
        bits.write(0, 3); // version
        bits.write(0, 1); // no transform
        bits.write(0, 1); // no colour cache
        bits.write(0, 1); // no meta prefix codes
        for (int shift : new int[] {8, 16, 0, 24}) { // green, red, blue, alpha
            bits.write(1, 1); // simple code
            bits.write(0, 1); // one symbol
            bits.write(1, 1); // 8-bit symbol
            bits.write((argb >>> shift) & 0xFF, 8);
        }
        bits.write(1, 1); // distance code: simple, one 1-bit symbol 0
        bits.write(0, 1);
        bits.write(0, 1);
        bits.write(0, 1);
        // Trailing zero bytes: some decoders fetch the bit stream eight bytes at a time.
        byte[] data = Arrays.copyOf(bits.toBytes(), 32);

        int padded = data.length + (data.length & 1);
        ByteBuffer riff = ByteBuffer.allocate(12 + 8 + padded).order(ByteOrder.LITTLE_ENDIAN);
        riff.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(4 + 8 + padded);
        riff.put("WEBP".getBytes(StandardCharsets.US_ASCII));
        riff.put("VP8L".getBytes(StandardCharsets.US_ASCII)).putInt(data.length).put(data);
        return riff.array();
    }

    /** Least-significant-bit-first writer, as VP8L packs its fields. */
    private static final class BitWriter {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private int current;
        private int used;

        void write(int value, int count) {
            for (int i = 0; i < count; i++) {
                current |= ((value >>> i) & 1) << used;
                if (++used == 8) {
                    bytes.write(current);
                    current = 0;
                    used = 0;
                }
            }
        }

        byte[] toBytes() {
            if (used > 0) {
                bytes.write(current);
            }
            return bytes.toByteArray();
        }
    }
}
