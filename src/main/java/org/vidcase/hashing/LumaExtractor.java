package org.vidcase.hashing;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.awt.image.IndexColorModel;
import java.awt.image.PackedColorModel;
import java.awt.image.PixelInterleavedSampleModel;
import java.awt.image.Raster;
import java.awt.image.SampleModel;
import java.awt.image.SinglePixelPackedSampleModel;

/**
 * Turns decoded pixels into the float luminance plane PDQ hashes, reading only the source pixels
 * selected by a sampling grid ({@code columns[x]}, {@code rows[y]}).
 *
 * <p>Like the reference, it works on the stored sample values: alpha is ignored (not composited),
 * embedded colour profiles are not applied, and single-channel grey images take the grey value
 * as is rather than going through the RGB weights. Samples deeper than 8 bits are rounded to
 * 8 bits first. Colour models without plain RGB or grey samples (CMYK, YCbCr, float samples,
 * premultiplied alpha) go through Java's own conversion to sRGB.
 */
final class LumaExtractor {

    // The reference stores its coefficients as float; the products and sums are float too.
    private static final float LUMA_R = 0.299f;
    private static final float LUMA_G = 0.587f;
    private static final float LUMA_B = 0.114f;

    private LumaExtractor() {
    }

    static float luma(int r, int g, int b) {
        return LUMA_R * r + LUMA_G * g + LUMA_B * b;
    }

    /** From packed {@code 0x??RRGGBB} pixels, row-major with the given width. */
    static void fromPackedRgb(int[] rgb, int width, int[] columns, int[] rows, float[] out) {
        int k = 0;
        for (int y : rows) {
            int rowStart = y * width;
            for (int x : columns) {
                int p = rgb[rowStart + x];
                out[k++] = luma((p >> 16) & 0xFF, (p >> 8) & 0xFF, p & 0xFF);
            }
        }
    }

    /** From every pixel of packed RGB24 rows, {@code stride} bytes apart (a decoded video frame). */
    static void fromRgb24(byte[] rgb, int width, int height, int stride, float[] out) {
        int k = 0;
        for (int y = 0; y < height; y++) {
            int p = y * stride;
            for (int x = 0; x < width; x++, p += 3) {
                out[k++] = luma(rgb[p] & 0xFF, rgb[p + 1] & 0xFF, rgb[p + 2] & 0xFF);
            }
        }
    }

    static void fromImage(BufferedImage image, int[] columns, int[] rows, float[] out) {
        ColorModel model = image.getColorModel();
        Raster raster = image.getRaster();
        if (model instanceof IndexColorModel palette) {
            fromPalette(palette, raster, columns, rows, out);
        } else if (hasPlainSamples(model, raster)) {
            int colours = model.getNumColorComponents();
            if (!fromInterleavedBytes(raster, colours, columns, rows, out)
                    && !fromPackedInts(raster, colours, columns, rows, out)) {
                fromSamples(raster, colours, columns, rows, out);
            }
        } else {
            fromConvertedRgb(image, columns, rows, out);
        }
    }

    /** Whether the colour bands hold integer RGB or grey values (alpha, if any, comes last). */
    private static boolean hasPlainSamples(ColorModel model, Raster raster) {
        if (!(model instanceof ComponentColorModel || model instanceof PackedColorModel)
                || model.isAlphaPremultiplied()) {
            return false;
        }
        int transfer = raster.getTransferType();
        if (transfer != DataBuffer.TYPE_BYTE && transfer != DataBuffer.TYPE_USHORT && transfer != DataBuffer.TYPE_INT) {
            return false;
        }
        int type = model.getColorSpace().getType();
        int colours = model.getNumColorComponents();
        if (!(type == ColorSpace.TYPE_RGB && colours == 3) && !(type == ColorSpace.TYPE_GRAY && colours == 1)) {
            return false;
        }
        for (int band = 0; band < colours; band++) {
            if (raster.getSampleModel().getSampleSize(band) > 16) {
                return false;
            }
        }
        return true;
    }

    /**
     * Fast path for the usual decoder output (3BYTE_BGR, 4BYTE_ABGR, BYTE_GRAY and the like):
     * reads only the sampled pixels straight from the byte array.
     */
    private static boolean fromInterleavedBytes(Raster raster, int colours, int[] columns, int[] rows, float[] out) {
        if (!(raster.getSampleModel() instanceof PixelInterleavedSampleModel layout)
                || !(raster.getDataBuffer() instanceof DataBufferByte buffer)
                || !allSampleSizesAre(layout, colours, 8)) {
            return false;
        }
        byte[] data = buffer.getData();
        int pixelStride = layout.getPixelStride();
        int scanlineStride = layout.getScanlineStride();
        int[] bandOffsets = layout.getBandOffsets();
        int origin = buffer.getOffset()
                - raster.getSampleModelTranslateY() * scanlineStride
                - raster.getSampleModelTranslateX() * pixelStride;
        int k = 0;
        for (int y : rows) {
            int rowStart = origin + y * scanlineStride;
            for (int x : columns) {
                int p = rowStart + x * pixelStride;
                if (colours == 1) {
                    out[k++] = data[p + bandOffsets[0]] & 0xFF;
                } else {
                    out[k++] = luma(data[p + bandOffsets[0]] & 0xFF, data[p + bandOffsets[1]] & 0xFF,
                            data[p + bandOffsets[2]] & 0xFF);
                }
            }
        }
        return true;
    }

    /** Fast path for INT_RGB, INT_ARGB and INT_BGR images with 8-bit channels. */
    private static boolean fromPackedInts(Raster raster, int colours, int[] columns, int[] rows, float[] out) {
        if (colours != 3
                || !(raster.getSampleModel() instanceof SinglePixelPackedSampleModel layout)
                || !(raster.getDataBuffer() instanceof DataBufferInt buffer)
                || !allSampleSizesAre(layout, colours, 8)) {
            return false;
        }
        int[] data = buffer.getData();
        int scanlineStride = layout.getScanlineStride();
        int[] masks = layout.getBitMasks();
        int[] shifts = layout.getBitOffsets();
        int origin = buffer.getOffset()
                - raster.getSampleModelTranslateY() * scanlineStride
                - raster.getSampleModelTranslateX();
        int k = 0;
        for (int y : rows) {
            int rowStart = origin + y * scanlineStride;
            for (int x : columns) {
                int p = data[rowStart + x];
                out[k++] = luma((p & masks[0]) >>> shifts[0], (p & masks[1]) >>> shifts[1], (p & masks[2]) >>> shifts[2]);
            }
        }
        return true;
    }

    private static boolean allSampleSizesAre(SampleModel layout, int bands, int bits) {
        for (int band = 0; band < bands; band++) {
            if (layout.getSampleSize(band) != bits) {
                return false;
            }
        }
        return true;
    }

    private static void fromSamples(Raster raster, int colours, int[] columns, int[] rows, float[] out) {
        int bands = raster.getNumBands();
        int[] bits = raster.getSampleModel().getSampleSize();
        int[] line = new int[raster.getWidth() * bands];
        int k = 0;
        int loadedRow = -1;
        for (int y : rows) {
            if (y != loadedRow) {
                raster.getPixels(0, y, raster.getWidth(), 1, line);
                loadedRow = y;
            }
            for (int x : columns) {
                int p = x * bands;
                if (colours == 1) {
                    out[k++] = to8Bits(line[p], bits[0]);
                } else {
                    out[k++] = luma(to8Bits(line[p], bits[0]), to8Bits(line[p + 1], bits[1]),
                            to8Bits(line[p + 2], bits[2]));
                }
            }
        }
    }

    private static void fromPalette(IndexColorModel palette, Raster raster, int[] columns, int[] rows, float[] out) {
        int size = palette.getMapSize();
        float[] lumaOfIndex = new float[size];
        for (int i = 0; i < size; i++) {
            lumaOfIndex[i] = luma(palette.getRed(i), palette.getGreen(i), palette.getBlue(i));
        }
        int[] line = new int[raster.getWidth()];
        int k = 0;
        int loadedRow = -1;
        for (int y : rows) {
            if (y != loadedRow) {
                raster.getSamples(0, y, raster.getWidth(), 1, 0, line);
                loadedRow = y;
            }
            for (int x : columns) {
                // Out-of-range indices happen in damaged files; Java renders them black.
                int index = line[x];
                out[k++] = index < size ? lumaOfIndex[index] : 0f;
            }
        }
    }

    private static void fromConvertedRgb(BufferedImage image, int[] columns, int[] rows, float[] out) {
        int[] line = new int[image.getWidth()];
        int k = 0;
        int loadedRow = -1;
        for (int y : rows) {
            if (y != loadedRow) {
                image.getRGB(0, y, image.getWidth(), 1, line, 0, image.getWidth());
                loadedRow = y;
            }
            for (int x : columns) {
                int p = line[x];
                out[k++] = luma((p >> 16) & 0xFF, (p >> 8) & 0xFF, p & 0xFF);
            }
        }
    }

    /** Rescales an unsigned sample of the given depth to 0..255, rounding to nearest. */
    private static int to8Bits(int sample, int bits) {
        if (bits == 8) {
            return sample;
        }
        int max = (1 << bits) - 1;
        return (int) (((long) sample * 255 + max / 2) / max);
    }
}
