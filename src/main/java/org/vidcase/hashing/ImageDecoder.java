package org.vidcase.hashing;

import java.awt.image.BufferedImage;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import org.vidcase.hashing.DecodeResult.Decoded;
import org.vidcase.hashing.DecodeResult.Failed;

/**
 * Decodes the first frame of an image with ImageIO and whatever reader plugins are on the class
 * path (TwelveMonkeys adds CMYK/YCCK JPEG, TIFF, WebP and more). Never throws for bad content:
 * every problem becomes a {@link Failed} with a readable reason.
 *
 * <p>Only content whose leading bytes identify an image is handed to ImageIO; some readers accept
 * almost anything (WBMP, for one) and would "decode" arbitrary files into noise. Against
 * decompression bombs, the pixel count and the memory the decoded pixels need are checked from the
 * header before any pixels are decoded (a PNG of a few kilobytes may declare 100 megapixels of 64
 * bits each), and a JPEG's scans are counted as it streams in (see {@link JpegScanLimit}). A
 * reason never carries more than a short, printable message: it is stored with the item.
 *
 * <p>Pixels come back as the reader produces them, without applying the EXIF orientation, which is
 * how PDQ's reference hasher sees them. Instances are immutable and thread-safe.
 */
public final class ImageDecoder {

    public static final long DEFAULT_MAX_PIXELS = 100_000_000L;
    /** 100 megapixels at 32 bits: a 16-bit RGBA picture of that size (800 MB) is refused. */
    public static final long DEFAULT_MAX_DECODED_BYTES = 4 * DEFAULT_MAX_PIXELS;
    private static final int MAX_REASON = 200;

    static {
        // The ImageIO registry is JVM-wide and may have been initialised under another class
        // loader (as in application servers); make sure the plugins visible to us are registered.
        ImageIO.scanForPlugins();
    }

    private final long maxPixels;
    private final long maxDecodedBytes;
    private final int maxScans;

    public ImageDecoder() {
        this(DEFAULT_MAX_PIXELS);
    }

    public ImageDecoder(long maxPixels) {
        this(maxPixels, Math.max(maxPixels, DEFAULT_MAX_DECODED_BYTES), JpegScanLimit.DEFAULT_MAX_SCANS);
    }

    /**
     * @param maxDecodedBytes the most memory the decoded pixels of one picture may take
     * @param maxScans        the most scans a JPEG may have
     */
    public ImageDecoder(long maxPixels, long maxDecodedBytes, int maxScans) {
        if (maxPixels <= 0 || maxDecodedBytes <= 0 || maxScans <= 0) {
            throw new IllegalArgumentException("limits must be positive: " + maxPixels + ", " + maxDecodedBytes + ", "
                    + maxScans);
        }
        this.maxPixels = maxPixels;
        this.maxDecodedBytes = maxDecodedBytes;
        this.maxScans = maxScans;
    }

    public long maxPixels() {
        return maxPixels;
    }

    public DecodeResult decode(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return decode(in);
        } catch (IOException e) {
            return new Failed("unreadable: " + message(e), MagicBytes.UNKNOWN);
        }
    }

    /**
     * Decodes from the stream's current position; the stream is not closed, and is left anywhere
     * (a JPEG with too many scans is read no further than the limit).
     */
    public DecodeResult decode(InputStream in) {
        try (ImageInputStream images = new MemoryCacheImageInputStream(new JpegScanLimit(in, maxScans))) {
            return decode(images);
        } catch (IOException e) {
            return new Failed("unreadable: " + message(e), MagicBytes.UNKNOWN);
        }
    }

    /**
     * Decodes from the stream's current position; the stream is left open, its position undefined.
     * JPEG scans are not counted here: prefer {@link #decode(InputStream)} for untrusted content.
     */
    public DecodeResult decode(ImageInputStream in) {
        String mimeType;
        try {
            mimeType = MagicBytes.mimeType(in);
        } catch (IOException e) {
            return new Failed("unreadable: " + message(e), MagicBytes.UNKNOWN);
        }
        if (mimeType.equals(MagicBytes.EMPTY)) {
            return new Failed("empty", mimeType);
        }
        if (!MagicBytes.isImage(mimeType)) {
            return new Failed("not an image", mimeType);
        }
        ImageReader reader;
        try {
            reader = firstReader(in);
        } catch (IOException e) {
            return new Failed(describe(e), mimeType);
        }
        if (reader == null) {
            boolean supported = ImageIO.getImageReadersByMIMEType(mimeType).hasNext();
            return new Failed(supported ? "corrupt: not a valid " + mimeType : "unsupported format: " + mimeType, mimeType);
        }
        try {
            return read(reader, in, mimeType);
        } catch (IOException | RuntimeException e) {
            return new Failed(describe(e), mimeType);
        } catch (OutOfMemoryError e) {
            // The bounds above make this rare; the failed allocation was the picture's, so the rest goes on.
            return new Failed("too large to decode in the memory available", mimeType);
        } catch (StackOverflowError e) {
            return new Failed("corrupt: nested too deeply to decode", mimeType);
        } finally {
            reader.dispose();
        }
    }

    private static ImageReader firstReader(ImageInputStream in) throws IOException {
        Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
        return readers.hasNext() ? readers.next() : null;
    }

    private DecodeResult read(ImageReader reader, ImageInputStream in, String mimeType) throws IOException {
        reader.setInput(in, true, true);
        int width = reader.getWidth(0);
        int height = reader.getHeight(0);
        long pixels = (long) width * height;
        if (pixels > maxPixels) {
            return new Failed("too large: " + pixels + " pixels", mimeType, width, height);
        }
        int bits = bitsPerPixel(reader);
        long bytes = pixels * bits / 8;
        if (bytes > maxDecodedBytes) {
            return new Failed("too large: " + width + "x" + height + " pixels of " + bits + " bits need "
                    + (bytes >> 20) + " MB to decode (at most " + (maxDecodedBytes >> 20) + " MB)", mimeType, width, height);
        }
        List<String> warnings = new ArrayList<>();
        reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
        BufferedImage image = reader.read(0);
        // A JPEG decoder pads a cut-off scan with grey and only warns. Those pixels are not in the
        // file, so no hash is made from them. (A missing end marker alone loses nothing.)
        if (warnings.stream().anyMatch(warning -> warning.toLowerCase(Locale.ROOT).contains("premature end"))) {
            return new Failed("truncated", mimeType, width, height);
        }
        return new Decoded(image, mimeType, reader.getFormatName().toLowerCase(Locale.ROOT));
    }

    /** What the decoded pixels take, from the reader's own image type; 32 bits when it cannot say. */
    private static int bitsPerPixel(ImageReader reader) {
        try {
            ImageTypeSpecifier type = reader.getRawImageType(0);
            if (type == null) {
                Iterator<ImageTypeSpecifier> types = reader.getImageTypes(0);
                type = types.hasNext() ? types.next() : null;
            }
            if (type == null) {
                return 32;
            }
            int bits = 0;
            for (int size : type.getSampleModel().getSampleSize()) {
                bits += size;
            }
            return Math.max(bits, 1);
        } catch (IOException | RuntimeException unknown) {
            return 32;
        }
    }

    private static String describe(Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof JpegScanLimit.TooManyScansException) {
                return "too many JPEG scans: " + t.getMessage();
            }
            if (t instanceof EOFException) {
                return "truncated";
            }
        }
        return "corrupt: " + message(e);
    }

    /**
     * The message of the innermost cause that has one, made fit to store and show: printable, short,
     * and with no class names (a library's message may quote them); "unreadable data" when none says more.
     */
    static String message(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root && root.getMessage() == null) {
            root = root.getCause();
        }
        String message = root.getMessage();
        if (message == null || message.isBlank()) {
            return "unreadable data";
        }
        String clean = message.replaceAll("\\b(?:[a-z][a-z0-9_]*\\.)+[A-Z][A-Za-z0-9_$]*(?:: ?)?", "")
                .replaceAll("[\\p{Cntrl}\\p{Cs}]", " ").replaceAll(" {2,}", " ").strip();
        if (clean.isEmpty()) {
            return "unreadable data";
        }
        return clean.length() <= MAX_REASON ? clean : clean.substring(0, MAX_REASON - 3) + "...";
    }
}
