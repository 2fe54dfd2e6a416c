package org.vidcase.hashing;

import java.awt.image.BufferedImage;

/**
 * Computes a picture's {@link ImageSignature} from its pixels: the whole-picture PDQ hash the item
 * already has, then the frame-trimmed picture, 25 crop windows and 4 bands, each hashed with PDQ
 * from one shrunk copy of the picture.
 *
 * <p>Not thread-safe (it keeps a {@link PdqHasher}); use one per thread.
 */
public final class SignatureExtractor {

    /** Crop windows keep this share of each side: what a 6 % crop leaves. */
    static final double WINDOW = 0.94;
    /** Positions per axis of the crop windows; 5 keeps every 6 % crop within 0.75 % of one. */
    static final int WINDOW_STEPS = 5;
    /** Smaller crops (up to 3 %) are found by windows of this share, on a 3 x 3 grid. */
    static final double SMALL_CROP_WINDOW = 0.97;
    /** Strips along the top and the bottom miss a caption or watermark across the middle. */
    static final double STRIP = 0.42;
    /** Bands keep this share of the picture, cut along one side. */
    static final double BAND = 0.8;

    private final PdqHasher hasher = new PdqHasher();

    /**
     * @param image the decoded picture
     * @param full  its whole-picture PDQ hashes in all 8 rotations and reflections, as computed
     *              at ingest
     */
    public ImageSignature extract(BufferedImage image, DihedralHashes full) {
        ImageSignature.Builder views = new ImageSignature.Builder();
        if (full.quality() >= PdqResult.MIN_MATCHING_QUALITY) {
            views.add(ViewKind.FULL, full.get(Dihedral.ORIGINAL));
            for (Dihedral turn : Dihedral.values()) {
                if (turn != Dihedral.ORIGINAL) {
                    views.add(ViewKind.FULL_TURNED, full.get(turn));
                }
            }
        }
        Thumbnail thumb = Thumbnail.of(image);
        if (thumb.width() < 16 || thumb.height() < 16) {
            return views.build();
        }
        BorderTrim.Bounds trimmed = BorderTrim.find(thumb.rgb(), thumb.width(), thumb.height());
        boolean framed = trimmed.width() >= 16 && trimmed.height() >= 16;
        if (framed) {
            addView(views, ViewKind.TRIMMED, thumb, trimmed.x(), trimmed.y(), trimmed.width(), trimmed.height());
        } else {
            addView(views, ViewKind.TRIMMED, thumb, 0, 0, thumb.width(), thumb.height());
        }
        windows(views, thumb, WINDOW, WINDOW, WINDOW_STEPS, WINDOW_STEPS);
        windows(views, thumb, SMALL_CROP_WINDOW, SMALL_CROP_WINDOW, 3, 3);
        windows(views, thumb, WINDOW, 1, WINDOW_STEPS, 1);
        windows(views, thumb, 1, WINDOW, 1, WINDOW_STEPS);
        int bw = (int) Math.round(thumb.width() * BAND);
        int bh = (int) Math.round(thumb.height() * BAND);
        addView(views, ViewKind.TOP_BAND, thumb, 0, 0, thumb.width(), bh);
        addView(views, ViewKind.BOTTOM_BAND, thumb, 0, thumb.height() - bh, thumb.width(), bh);
        addView(views, ViewKind.LEFT_BAND, thumb, 0, 0, bw, thumb.height());
        addView(views, ViewKind.RIGHT_BAND, thumb, thumb.width() - bw, 0, bw, thumb.height());
        int sh = (int) Math.round(thumb.height() * STRIP);
        addView(views, ViewKind.TOP_STRIP, thumb, 0, 0, thumb.width(), sh);
        addView(views, ViewKind.BOTTOM_STRIP, thumb, 0, thumb.height() - sh, thumb.width(), sh);
        return views.build();
    }

    /** Crop windows of the given share of each side, on a grid of positions. */
    private void windows(ImageSignature.Builder views, Thumbnail thumb, double shareX, double shareY, int stepsX,
                         int stepsY) {
        int w = (int) Math.round(thumb.width() * shareX);
        int h = (int) Math.round(thumb.height() * shareY);
        for (int i = 0; i < stepsX; i++) {
            for (int j = 0; j < stepsY; j++) {
                int x = stepsX == 1 ? 0 : (thumb.width() - w) * i / (stepsX - 1);
                int y = stepsY == 1 ? 0 : (thumb.height() - h) * j / (stepsY - 1);
                addView(views, ViewKind.CROP_WINDOW, thumb, x, y, w, h);
            }
        }
    }

    private void addView(ImageSignature.Builder views, ViewKind kind, Thumbnail thumb, int x, int y, int w, int h) {
        PdqResult result = hasher.hash(thumb.window(x, y, w, h), w, h);
        if (result.usableForMatching()) {
            views.add(kind, result.hash());
        }
    }
}
