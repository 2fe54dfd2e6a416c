package org.vidcase.clustering;

/**
 * Which part of a picture a view's hash was taken from. Copies in a series are edited: the whole
 * picture's hash survives re-encoding, resizing, tone changes and (through its rotations and
 * reflections) mirroring, but a crop, an added frame or a caption moves it too far, so a picture
 * is also hashed over the parts such an edit leaves alone.
 *
 * <p>Some views are only stored (another picture's views find them), some only looked up, most
 * both.
 */
public enum ViewKind {
    /** The whole picture: the item's own PDQ hash. */
    FULL(true, true),
    /** The whole picture's hash in one of its 7 other rotations and reflections. */
    FULL_TURNED(false, true),
    /** The picture without a plain frame, letterbox or pillarbox bars. */
    TRIMMED(true, true),
    /** A window of 94 % of each side, on a 5 x 5 grid of positions: what a 6 % crop keeps. */
    CROP_WINDOW(true, false),
    /** The top, bottom, left or right 80 %: what a caption along one edge leaves alone. */
    BAND(true, true);

    private final boolean stored;
    private final boolean probe;

    ViewKind(boolean stored, boolean probe) {
        this.stored = stored;
        this.probe = probe;
    }

    /** Whether the view is stored in the similarity index for other pictures to find. */
    public boolean stored() {
        return stored;
    }

    /** Whether the view is looked up in the index. */
    public boolean probes() {
        return probe;
    }
}
