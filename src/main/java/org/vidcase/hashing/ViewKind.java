package org.vidcase.hashing;

import java.util.EnumSet;
import java.util.Set;

/**
 * Which part of a picture a view's hash was taken from. Copies in a series are edited: the whole
 * picture's hash survives re-encoding, resizing, tone changes and (through its rotations and
 * reflections) mirroring, but a crop, an added frame or a caption moves it too far, so a picture
 * is also hashed over the parts such an edit leaves alone.
 *
 * <p>Stored views are kept on shelves, and a view is looked up only on the shelves where its
 * counterpart can be: a whole picture, turned or not, meets whole pictures (a mirrored or framed
 * copy); the whole picture also meets crop windows (a cropped copy); a band meets the same band
 * (a captioned copy). The large crop-window shelf so gets two lookups per picture.
 */
public enum ViewKind {
    /** The whole picture: the item's own PDQ hash. */
    FULL(Shelf.WHOLE, Shelf.WHOLE, Shelf.CROP_WINDOWS),
    /** The whole picture's hash in one of its 7 other rotations and reflections; only looked up. */
    FULL_TURNED(null, Shelf.WHOLE),
    /**
     * The picture without a plain frame, letterbox or pillarbox bars (the whole picture if it has
     * none), hashed from the same shrunk copy as the crop windows and bands.
     */
    TRIMMED(Shelf.WHOLE, Shelf.WHOLE, Shelf.CROP_WINDOWS),
    /** A window of 94 % or 97 % of the sides on a grid of positions: what a crop keeps; only stored. */
    CROP_WINDOW(Shelf.CROP_WINDOWS),
    /** The top 80 %: what a caption along the bottom leaves alone. */
    TOP_BAND(Shelf.TOP_BAND, Shelf.TOP_BAND),
    /** The bottom 80 %. */
    BOTTOM_BAND(Shelf.BOTTOM_BAND, Shelf.BOTTOM_BAND),
    /** The left 80 %. */
    LEFT_BAND(Shelf.LEFT_BAND, Shelf.LEFT_BAND),
    /** The right 80 %. */
    RIGHT_BAND(Shelf.RIGHT_BAND, Shelf.RIGHT_BAND),
    /** The top 42 %: what a watermark across the middle or the bottom leaves alone. */
    TOP_STRIP(Shelf.TOP_STRIP, Shelf.TOP_STRIP),
    /** The bottom 42 %. */
    BOTTOM_STRIP(Shelf.BOTTOM_STRIP, Shelf.BOTTOM_STRIP);

    /** Where stored views are kept. */
    public enum Shelf { WHOLE, CROP_WINDOWS, TOP_BAND, BOTTOM_BAND, LEFT_BAND, RIGHT_BAND, TOP_STRIP, BOTTOM_STRIP }

    private final Shelf shelf;
    private final Set<Shelf> probes;

    ViewKind(Shelf shelf, Shelf... probes) {
        this.shelf = shelf;
        this.probes = probes.length == 0 ? EnumSet.noneOf(Shelf.class) : EnumSet.of(probes[0], probes);
    }

    /** The shelf the view is stored on for other pictures to find, or null if it is only looked up. */
    public Shelf shelf() {
        return shelf;
    }

    /** Whether the view is looked up on the given shelf. */
    public boolean probes(Shelf target) {
        return probes.contains(target);
    }
}
