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
 * almost anything (WBMP, for one) and would "decode" arbitrary files into noise. The pixel count
 * is checked from the header before any pixels are decoded, against decompression bombs.
 *
 * <p>Pixels come back as the reader produces them, without applying the EXIF orientation, which is
 * how PDQ's reference hasher sees them. Instances are immutable and thread-safe.
 */
public final class ImageDecoder {

    public static final long DEFAULT_MAX_PIXELS = 100_000_000L;

    static {
        // The ImageIO registry is JVM-wide and may have been initialised under another class
        // loader (as in application servers); make sure the plugins visible to us are registered.
        ImageIO.scanForPlugins();
    }

    private final long maxPixels;

    public ImageDecoder() {
        this(DEFAULT_MAX_PIXELS);
    }

    public ImageDecoder(long maxPixels) {
        if (maxPixels <= 0) {
            throw new IllegalArgumentException("maxPixels must be positive: " + maxPixels);
        }
        this.maxPixels = maxPixels;
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

    /** Decodes from the stream's current position; the stream is not closed. */
    public DecodeResult decode(InputStream in) {
        try (ImageInputStream images = new MemoryCacheImageInputStream(in)) {
            return decode(images);
        } catch (IOException e) {
            return new Failed("unreadable: " + message(e), MagicBytes.UNKNOWN);
        }
    }

    /** Decodes from the stream's current position; the stream is left open, its position undefined. */
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

    private static String describe(Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof EOFException) {
                return "truncated";
            }
        }
        return "corrupt: " + message(e);
    }

    private static String message(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getMessage() == null) {
            root = root.getCause();
        }
        return root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName();
    }
}
