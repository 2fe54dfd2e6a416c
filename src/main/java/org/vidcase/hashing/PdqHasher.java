package org.vidcase.hashing;

import java.awt.image.BufferedImage;
import java.util.EnumMap;
import java.util.Map;

/**
 * PDQ perceptual hashing (Facebook ThreatExchange), bit-compatible with the reference C++
 * {@code pdq-photo-hasher}: luminance, Jarosz tent-filter downsampling to 64x64, 16x16 DCT,
 * median threshold, gradient-based quality.
 *
 * <p>Instances keep their working buffers between calls, so create one per thread and reuse it;
 * they are not thread-safe.
 */
public final class PdqHasher {

    /** The reference reports an all-zero hash with quality 0 below this size. */
    private static final int MIN_HASHABLE_DIMENSION = 5;

    /**
     * Images larger than this on either side are first squeezed to exactly this size by
     * nearest-neighbour sampling, as the reference does to bound the cost of the box filters.
     */
    private static final int PRE_SHRINK_SIZE = 512;

    private static final int BLOCK = PdqDct.INPUT;
    private static final int JAROSZ_PASSES = 2;

    private final float[] block = new float[BLOCK * BLOCK];
    private final float[] dctTemp = new float[PdqDct.OUTPUT * BLOCK];
    private final float[] dct = new float[PdqDct.OUTPUT * PdqDct.OUTPUT];
    private final float[] transformed = new float[PdqDct.OUTPUT * PdqDct.OUTPUT];
    private final boolean[] bits = new boolean[PdqHash.BITS];

    private float[] luma = new float[0];
    private float[] scratch = new float[0];
    private float[] columnSums = new float[0];
    private int[] sourceColumns;
    private int[] sourceRows;
    private int rows;
    private int cols;

    public PdqResult hash(BufferedImage image) {
        if (!prepare(image.getWidth(), image.getHeight())) {
            return new PdqResult(PdqHash.zero(), 0);
        }
        LumaExtractor.fromImage(image, sourceColumns, sourceRows, luma);
        int quality = transform(false);
        return new PdqResult(threshold(dct), quality);
    }

    /**
     * @param rgb packed {@code 0x??RRGGBB} pixels, row-major; the top byte (alpha) is ignored
     */
    public PdqResult hash(int[] rgb, int width, int height) {
        checkBuffer(rgb, width, height);
        if (!prepare(width, height)) {
            return new PdqResult(PdqHash.zero(), 0);
        }
        LumaExtractor.fromPackedRgb(rgb, width, sourceColumns, sourceRows, luma);
        int quality = transform(false);
        return new PdqResult(threshold(dct), quality);
    }

    /** Hashes of the image and of its 7 rotations and reflections, from one DCT. */
    public DihedralHashes hashWithDihedrals(BufferedImage image) {
        if (!prepare(image.getWidth(), image.getHeight())) {
            return allZero();
        }
        LumaExtractor.fromImage(image, sourceColumns, sourceRows, luma);
        return dihedrals(transform(true));
    }

    /** As {@link #hashWithDihedrals(BufferedImage)}, from packed RGB pixels. */
    public DihedralHashes hashWithDihedrals(int[] rgb, int width, int height) {
        checkBuffer(rgb, width, height);
        if (!prepare(width, height)) {
            return allZero();
        }
        LumaExtractor.fromPackedRgb(rgb, width, sourceColumns, sourceRows, luma);
        return dihedrals(transform(true));
    }

    /**
     * PDQ of a video frame as the vPDQ reference hashes one: packed RGB24 rows ({@code stride} bytes
     * apart) at the frame's own size, without the photo hasher's 512-pixel pre-shrink, and always
     * through the tent filter (its {@code pdqHash256FromFloatLuma}).
     */
    public PdqResult hashFrame(byte[] rgb24, int width, int height, int stride) {
        if (width <= 0 || height <= 0 || stride < 3 * width || (long) stride * (height - 1) + 3L * width > rgb24.length) {
            throw new IllegalArgumentException("buffer of " + rgb24.length + " bytes does not hold " + width + "x"
                    + height + " RGB24 with stride " + stride);
        }
        if (!prepareFullSize(width, height)) {
            return new PdqResult(PdqHash.zero(), 0);
        }
        LumaExtractor.fromRgb24(rgb24, width, height, stride, luma);
        int quality = transform(true);
        return new PdqResult(threshold(dct), quality);
    }

    private boolean prepareFullSize(int width, int height) {
        cols = width;
        rows = height;
        if (rows < MIN_HASHABLE_DIMENSION || cols < MIN_HASHABLE_DIMENSION) {
            return false;
        }
        int size = rows * cols;
        if (luma.length < size) {
            luma = new float[size];
            scratch = new float[size];
        }
        if (columnSums.length < cols) {
            columnSums = new float[cols];
        }
        return true;
    }

    private static void checkBuffer(int[] rgb, int width, int height) {
        if (width <= 0 || height <= 0 || (long) width * height > rgb.length) {
            throw new IllegalArgumentException(
                    "buffer of " + rgb.length + " pixels does not hold " + width + "x" + height);
        }
    }

    /**
     * Chooses the luminance plane's size and which source pixels feed it, and sizes the buffers.
     *
     * @return false if the image is too small to hash
     */
    private boolean prepare(int width, int height) {
        if (width > PRE_SHRINK_SIZE || height > PRE_SHRINK_SIZE) {
            cols = PRE_SHRINK_SIZE;
            rows = PRE_SHRINK_SIZE;
        } else {
            cols = width;
            rows = height;
        }
        if (rows < MIN_HASHABLE_DIMENSION || cols < MIN_HASHABLE_DIMENSION) {
            return false;
        }
        sourceColumns = nearestNeighbourIndices(width, cols);
        sourceRows = nearestNeighbourIndices(height, rows);
        int size = rows * cols;
        if (luma.length < size) {
            luma = new float[size];
            scratch = new float[size];
        }
        if (columnSums.length < cols) {
            columnSums = new float[cols];
        }
        return true;
    }

    /** Source index {@code floor(i * from / to)} for each target index, as CImg's resize picks. */
    private static int[] nearestNeighbourIndices(int from, int to) {
        int[] indices = new int[to];
        for (int i = 0; i < to; i++) {
            indices[i] = (int) ((long) i * from / to);
        }
        return indices;
    }

    /**
     * Downsamples the luminance plane to 64x64 and fills {@link #dct}.
     *
     * @param alwaysBlur the reference's single-hash path copies a 64x64 plane unfiltered, but its
     *                   dihedral path filters it anyway; follow whichever path is being mirrored
     * @return the quality score
     */
    private int transform(boolean alwaysBlur) {
        if (rows == BLOCK && cols == BLOCK && !alwaysBlur) {
            System.arraycopy(luma, 0, block, 0, BLOCK * BLOCK);
        } else {
            JaroszFilter.blur(luma, scratch, columnSums, rows, cols,
                    JaroszFilter.windowSize(cols, BLOCK), JaroszFilter.windowSize(rows, BLOCK), JAROSZ_PASSES);
            JaroszFilter.decimate(luma, rows, cols, block, BLOCK, BLOCK);
        }
        int quality = quality(block);
        PdqDct.transform(block, dctTemp, dct);
        return quality;
    }

    /**
     * The reference's heuristic: the sum of absolute neighbour differences of the 64x64 block, each
     * scaled to percent of full range and truncated so that only marked gradients count.
     */
    private static int quality(float[] block) {
        int gradientSum = 0;
        for (int i = 0; i < BLOCK - 1; i++) {
            for (int j = 0; j < BLOCK; j++) {
                float u = block[i * BLOCK + j];
                float v = block[(i + 1) * BLOCK + j];
                gradientSum += Math.abs((int) (((u - v) * 100) / 255));
            }
        }
        for (int i = 0; i < BLOCK; i++) {
            for (int j = 0; j < BLOCK - 1; j++) {
                float u = block[i * BLOCK + j];
                float v = block[i * BLOCK + j + 1];
                gradientSum += Math.abs((int) (((u - v) * 100) / 255));
            }
        }
        return Math.min(gradientSum / 90, 100);
    }

    private PdqHash threshold(float[] coefficients) {
        float median = TorbenMedian.median(coefficients, coefficients.length);
        for (int k = 0; k < PdqHash.BITS; k++) {
            bits[k] = coefficients[k] > median;
        }
        return PdqHash.fromBits(bits);
    }

    private DihedralHashes dihedrals(int quality) {
        Map<Dihedral, PdqHash> hashes = new EnumMap<>(Dihedral.class);
        for (Dihedral transform : Dihedral.values()) {
            transform.apply(dct, transformed);
            hashes.put(transform, threshold(transformed));
        }
        return new DihedralHashes(hashes, quality);
    }

    private static DihedralHashes allZero() {
        Map<Dihedral, PdqHash> hashes = new EnumMap<>(Dihedral.class);
        for (Dihedral transform : Dihedral.values()) {
            hashes.put(transform, PdqHash.zero());
        }
        return new DihedralHashes(hashes, 0);
    }
}
