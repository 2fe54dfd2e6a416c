package org.vidcase.fuzz;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.SplittableRandom;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.vidcase.synthetic.SyntheticImages;

/**
 * Corrupt, truncated and hostile picture files, generated from synthetic pictures (no real
 * material): damaged and cut-off JPEG, PNG, GIF, WebP, TIFF and BMP, decompression bombs (huge
 * declared dimensions, a PNG whose few kilobytes inflate to a hundred megapixels, a GIF with a huge
 * logical screen), a progressive JPEG with thousands of scans, loops in TIFF directories,
 * polyglots and the empty file. Deterministic for a seed.
 */
public final class HostileImages {

    /** A lossless 1x1 WebP (VP8L), the smallest valid one: the base of the WebP cases. */
    private static final byte[] WEBP_1X1 = Base64.getDecoder().decode("UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==");

    /** What decoding must give: a picture (a polyglot's picture part is whole), a failure, or either. */
    public enum Expect { DECODES, FAILS, EITHER }

    /** @param name short, file-name-safe */
    public record HostileFile(String name, byte[] bytes, Expect expect) {
        @Override
        public String toString() {
            return name + " (" + bytes.length + " bytes)";
        }
    }

    private static final java.util.Map<Long, List<HostileFile>> MADE = new java.util.concurrent.ConcurrentHashMap<>();

    /** The bombs do not depend on the seed and take seconds to compress: made once, on first use. */
    private static final class Bombs {
        static final byte[] PNG_100MP = pngZlibBomb(10_000, 10_000, 8, 0);
        static final byte[] PNG_16BIT_RGBA = pngZlibBomb(10_000, 10_000, 16, 6);
        static final byte[] JPEG_SCANS = jpegScanBomb(4_000);
        static final byte[] ZEROS_200MB = zeros(200_000_000);
    }

    private HostileImages() {
    }

    /** Made once per seed: the bombs take seconds to compress. Callers must not change the bytes. */
    public static List<HostileFile> all(long seed) {
        return MADE.computeIfAbsent(seed, HostileImages::make);
    }

    private static List<HostileFile> make(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        BufferedImage picture = SyntheticImages.scene(seed, 96, 64);
        byte[] png = SyntheticImages.png(picture);
        byte[] jpeg = SyntheticImages.jpeg(picture, 0.9f);
        byte[] gif = write(picture, "gif");
        byte[] bmp = write(picture, "bmp");
        byte[] tiff = write(picture, "tiff");
        List<HostileFile> files = new ArrayList<>();
        files.add(new HostileFile("empty.jpg", new byte[0], Expect.FAILS));
        for (var format : List.of(new Object[] {"png", png}, new Object[] {"jpg", jpeg}, new Object[] {"gif", gif},
                new Object[] {"bmp", bmp}, new Object[] {"tif", tiff}, new Object[] {"webp", WEBP_1X1})) {
            String ext = (String) format[0];
            byte[] bytes = (byte[]) format[1];
            files.add(new HostileFile("magic-only." + ext, Arrays.copyOf(bytes, Math.min(bytes.length, 4)), Expect.FAILS));
            files.add(new HostileFile("truncated-half." + ext, Arrays.copyOf(bytes, bytes.length / 2), Expect.FAILS));
            files.add(new HostileFile("header-only." + ext, Arrays.copyOf(bytes, Math.min(bytes.length, 30)), Expect.FAILS));
            files.add(new HostileFile("scrambled." + ext, scrambled(bytes, random), Expect.EITHER));
        }
        files.add(new HostileFile("png-huge-dimensions.png", pngWithHeader(100_000, 100_000, 8, 2, deflate(new byte[64])), Expect.FAILS));
        files.add(new HostileFile("png-zero-dimensions.png", pngWithHeader(0, 0, 8, 2, deflate(new byte[64])), Expect.FAILS));
        files.add(new HostileFile("png-zlib-bomb-100mp.png", Bombs.PNG_100MP, Expect.EITHER));
        files.add(new HostileFile("png-zlib-bomb-16bit-rgba.png", Bombs.PNG_16BIT_RGBA, Expect.FAILS));
        files.add(new HostileFile("png-ztxt-bomb.png", withChunkBeforeIdat(png, "zTXt",
                concat("Comment\u0000\u0000".getBytes(StandardCharsets.ISO_8859_1), Bombs.ZEROS_200MB)), Expect.EITHER));
        files.add(new HostileFile("png-iccp-bomb.png", withChunkBeforeIdat(png, "iCCP",
                concat("icc\u0000\u0000".getBytes(StandardCharsets.ISO_8859_1), Bombs.ZEROS_200MB)), Expect.EITHER));
        files.add(new HostileFile("png-bad-zlib.png", pngWithHeader(96, 64, 8, 2, randomBytes(random, 2000)), Expect.FAILS));
        files.add(new HostileFile("jpeg-huge-dimensions.jpg", jpegWithDimensions(jpeg, 65_535, 65_535), Expect.FAILS));
        files.add(new HostileFile("jpeg-zero-height.jpg", jpegWithDimensions(jpeg, 96, 0), Expect.FAILS));
        files.add(new HostileFile("jpeg-scan-bomb.jpg", Bombs.JPEG_SCANS, Expect.FAILS));
        files.add(new HostileFile("jpeg-garbage-after-soi.jpg", concat(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF},
                randomBytes(random, 5000)), Expect.FAILS));
        files.add(new HostileFile("gif-huge-logical-screen.gif", gifHugeLogicalScreen(gif), Expect.EITHER));
        files.add(new HostileFile("gif-huge-image.gif", gifHugeImage(), Expect.FAILS));
        files.add(new HostileFile("bmp-huge-dimensions.bmp", bmpWithDimensions(bmp, 100_000, 100_000), Expect.FAILS));
        files.add(new HostileFile("tiff-huge-dimensions.tif", tiffWithDimensions(Integer.MAX_VALUE, Integer.MAX_VALUE), Expect.FAILS));
        files.add(new HostileFile("tiff-ifd-loop.tif", tiffIfdLoop(), Expect.EITHER));
        files.add(new HostileFile("webp-huge-dimensions.webp", webpWithDimensions(16_384, 16_384), Expect.FAILS));
        files.add(new HostileFile("polyglot-jpeg-zip.jpg", concat(jpeg, zip("readme.txt", "synthetic")), Expect.DECODES));
        files.add(new HostileFile("polyglot-gif-script.gif", gifScriptPolyglot(gif), Expect.DECODES));
        files.add(new HostileFile("polyglot-png-then-jpeg.png", concat(Arrays.copyOf(png, 8), jpeg), Expect.FAILS));
        files.add(new HostileFile("polyglot-pdf-in-jpeg.jpg", jpegWithComment(jpeg, "%PDF-1.7\n1 0 obj<<>>endobj"), Expect.DECODES));
        files.add(new HostileFile("not-an-image.jpg", "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8),
                Expect.FAILS));
        return List.copyOf(files);
    }

    /** A 96x64 synthetic PNG; the base the generator alters. */
    public static byte[] validPng(long seed) {
        return SyntheticImages.png(SyntheticImages.scene(seed, 96, 64));
    }

    private static byte[] write(BufferedImage picture, String format) {
        BufferedImage rgb = new BufferedImage(picture.getWidth(), picture.getHeight(), BufferedImage.TYPE_INT_RGB);
        rgb.getGraphics().drawImage(picture, 0, 0, null);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(rgb, format, out)) {
                throw new IllegalStateException("no ImageIO writer for " + format);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] scrambled(byte[] bytes, SplittableRandom random) {
        byte[] copy = bytes.clone();
        int start = Math.min(copy.length - 1, 12);
        for (int i = start; i < copy.length; i += 1 + random.nextInt(7)) {
            copy[i] = (byte) random.nextInt(256);
        }
        return copy;
    }

    private static byte[] randomBytes(SplittableRandom random, int n) {
        byte[] bytes = new byte[n];
        for (int i = 0; i < n; i++) {
            bytes[i] = (byte) random.nextInt(256);
        }
        return bytes;
    }

    // --- PNG -------------------------------------------------------------------------------

    private static byte[] pngWithHeader(int width, int height, int bitDepth, int colourType, byte[] idat) {
        ByteBuffer ihdr = ByteBuffer.allocate(13).order(ByteOrder.BIG_ENDIAN);
        ihdr.putInt(width).putInt(height).put((byte) bitDepth).put((byte) colourType).put((byte) 0).put((byte) 0)
                .put((byte) 0);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
        chunk(out, "IHDR", ihdr.array());
        chunk(out, "IDAT", idat);
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    /** Scanlines of zeros (filter byte 0 each), compressed: a few hundred kilobytes for a hundred megapixels. */
    private static byte[] pngZlibBomb(int width, int height, int bitDepth, int colourType) {
        int channels = colourType == 6 ? 4 : colourType == 2 ? 3 : 1;
        int rowBytes = 1 + width * channels * bitDepth / 8;
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        byte[] row = new byte[rowBytes];
        try (DeflaterOutputStream deflate = new DeflaterOutputStream(compressed, new Deflater(9), 1 << 16)) {
            for (int y = 0; y < height; y++) {
                deflate.write(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return pngWithHeader(width, height, bitDepth, colourType, compressed.toByteArray());
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        ByteBuffer length = ByteBuffer.allocate(4).putInt(data.length);
        out.writeBytes(length.array());
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        out.writeBytes(typeBytes);
        out.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    /** The PNG with one more chunk right after IHDR. */
    private static byte[] withChunkBeforeIdat(byte[] png, String type, byte[] data) {
        int afterIhdr = 8 + 4 + 4 + 13 + 4;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(png, 0, afterIhdr);
        chunk(out, type, data);
        out.write(png, afterIhdr, png.length - afterIhdr);
        return out.toByteArray();
    }

    /** {@code n} zero bytes, deflated (about a thousandth of their size). */
    private static byte[] zeros(long n) {
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        byte[] block = new byte[1 << 20];
        try (DeflaterOutputStream deflate = new DeflaterOutputStream(compressed, new Deflater(9), 1 << 16)) {
            for (long written = 0; written < n; written += block.length) {
                deflate.write(block, 0, (int) Math.min(block.length, n - written));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return compressed.toByteArray();
    }

    private static byte[] deflate(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DeflaterOutputStream deflate = new DeflaterOutputStream(out)) {
            deflate.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    // --- JPEG ------------------------------------------------------------------------------

    /** The SOF marker's height and width set to these values (the rest of the file unchanged). */
    private static byte[] jpegWithDimensions(byte[] jpeg, int width, int height) {
        byte[] copy = jpeg.clone();
        for (int i = 2; i + 9 < copy.length; ) {
            if ((copy[i] & 0xFF) != 0xFF) {
                i++;
                continue;
            }
            int marker = copy[i + 1] & 0xFF;
            int length = ((copy[i + 2] & 0xFF) << 8) | (copy[i + 3] & 0xFF);
            if (marker >= 0xC0 && marker <= 0xC2) {
                copy[i + 5] = (byte) (height >> 8);
                copy[i + 6] = (byte) height;
                copy[i + 7] = (byte) (width >> 8);
                copy[i + 8] = (byte) width;
                return copy;
            }
            i += 2 + length;
        }
        throw new IllegalStateException("no SOF marker");
    }

    private static byte[] jpegWithComment(byte[] jpeg, String comment) {
        byte[] text = comment.getBytes(StandardCharsets.US_ASCII);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        out.write(0xFF);
        out.write(0xFE);
        out.write((text.length + 2) >> 8);
        out.write(text.length + 2);
        out.writeBytes(text);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    /**
     * A progressive JPEG of 2048x2048 whose first scans are real and which then repeats an empty AC
     * refinement scan thousands of times: each costs a pass over every block (the "scan bomb"
     * libjpeg-turbo limits with -maxscans).
     */
    private static byte[] jpegScanBomb(int extraScans) {
        BufferedImage flat = new BufferedImage(2048, 2048, BufferedImage.TYPE_BYTE_GRAY);
        byte[] progressive;
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(stream);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
            writer.write(null, new IIOImage(flat, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        progressive = out.toByteArray();
        // The last scan before EOI: copied again and again. Each is a full pass over the image.
        int eoi = progressive.length - 2;
        int lastSos = -1;
        for (int i = 0; i < eoi - 1; i++) {
            if ((progressive[i] & 0xFF) == 0xFF && (progressive[i + 1] & 0xFF) == 0xDA) {
                lastSos = i;
            }
        }
        byte[] scan = Arrays.copyOfRange(progressive, lastSos, eoi);
        ByteArrayOutputStream bomb = new ByteArrayOutputStream();
        bomb.write(progressive, 0, eoi);
        for (int i = 0; i < extraScans; i++) {
            bomb.writeBytes(scan);
        }
        bomb.write(0xFF);
        bomb.write(0xD9);
        return bomb.toByteArray();
    }

    // --- GIF -------------------------------------------------------------------------------

    private static byte[] gifHugeLogicalScreen(byte[] gif) {
        byte[] copy = gif.clone();
        copy[6] = (byte) 0xFF;
        copy[7] = (byte) 0xFF;
        copy[8] = (byte) 0xFF;
        copy[9] = (byte) 0xFF;
        return copy;
    }

    /** An image descriptor of 65535x65535 (4.3 gigapixels) with a few bytes of LZW data. */
    private static byte[] gifHugeImage() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("GIF89a".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0x80, 0, 0});
        out.writeBytes(new byte[] {0, 0, 0, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF});
        out.writeBytes(new byte[] {0x2C, 0, 0, 0, 0, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0});
        out.writeBytes(new byte[] {0x02, 0x02, 0x44, 0x01, 0x00, 0x3B});
        return out.toByteArray();
    }

    private static byte[] gifScriptPolyglot(byte[] gif) {
        return concat(gif, "\n/*<script>alert(1)</script>*/".getBytes(StandardCharsets.US_ASCII));
    }

    // --- BMP, TIFF, WebP --------------------------------------------------------------------

    private static byte[] bmpWithDimensions(byte[] bmp, int width, int height) {
        byte[] copy = bmp.clone();
        ByteBuffer header = ByteBuffer.wrap(copy).order(ByteOrder.LITTLE_ENDIAN);
        header.putInt(18, width);
        header.putInt(22, height);
        return copy;
    }

    /** A little-endian TIFF with one IFD of the given size and a strip that is not there. */
    private static byte[] tiffWithDimensions(int width, int height) {
        ByteBuffer b = ByteBuffer.allocate(8 + 2 + 8 * 12 + 4).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(8);
        b.putShort((short) 8);
        entry(b, 256, 4, width);         // ImageWidth
        entry(b, 257, 4, height);        // ImageLength
        entry(b, 258, 3, 8);             // BitsPerSample
        entry(b, 259, 3, 1);             // Compression: none
        entry(b, 262, 3, 1);             // Photometric: black is zero
        entry(b, 273, 4, 1_000_000);     // StripOffsets: past the end
        entry(b, 278, 4, height);        // RowsPerStrip
        entry(b, 279, 4, Integer.MAX_VALUE); // StripByteCounts
        b.putInt(0);
        return b.array();
    }

    /** A small TIFF whose next-IFD offset points back to its first IFD. */
    private static byte[] tiffIfdLoop() {
        ByteBuffer b = ByteBuffer.allocate(8 + 2 + 8 * 12 + 4 + 16).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(8);
        b.putShort((short) 8);
        entry(b, 256, 4, 4);
        entry(b, 257, 4, 4);
        entry(b, 258, 3, 8);
        entry(b, 259, 3, 1);
        entry(b, 262, 3, 1);
        entry(b, 273, 4, 8 + 2 + 8 * 12 + 4);
        entry(b, 278, 4, 4);
        entry(b, 279, 4, 16);
        b.putInt(8);
        return b.array();
    }

    private static void entry(ByteBuffer b, int tag, int type, int value) {
        b.putShort((short) tag).putShort((short) type).putInt(1);
        if (type == 3) {
            b.putShort((short) value).putShort((short) 0);
        } else {
            b.putInt(value);
        }
    }

    /** A VP8L header declaring the largest size WebP allows, with no image data after it. */
    private static byte[] webpWithDimensions(int width, int height) {
        ByteBuffer vp8l = ByteBuffer.allocate(5 + 8).order(ByteOrder.LITTLE_ENDIAN);
        vp8l.put((byte) 0x2F);
        int bits = (width - 1) | ((height - 1) << 14);
        vp8l.putInt(bits);
        vp8l.put(new byte[8]);
        byte[] data = vp8l.array();
        ByteBuffer riff = ByteBuffer.allocate(12 + 8 + data.length).order(ByteOrder.LITTLE_ENDIAN);
        riff.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(4 + 8 + data.length)
                .put("WEBP".getBytes(StandardCharsets.US_ASCII))
                .put("VP8L".getBytes(StandardCharsets.US_ASCII)).putInt(data.length).put(data);
        return riff.array();
    }

    // --- helpers ------------------------------------------------------------------------------

    private static byte[] zip(String name, String content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry(name));
            zip.write(content.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
