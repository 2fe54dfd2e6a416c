package org.vidcase.hashing;

/**
 * The eight rotations and reflections of an image, applied to PDQ's 16x16 DCT output instead of
 * the pixels, as the reference does.
 *
 * <p>Row {@code i} and column {@code j} of the DCT output hold frequency {@code i + 1} and
 * {@code j + 1}. Mirroring an axis negates the odd frequencies along it, i.e. the even indices;
 * swapping the axes transposes the matrix. Each transform is one combination of those three moves.
 */
public enum Dihedral {
    ORIGINAL(false, false, false),
    /** Rotated 90 degrees counter-clockwise. */
    ROTATE_90(true, false, true),
    ROTATE_180(false, true, true),
    /** Rotated 90 degrees clockwise. */
    ROTATE_270(true, true, false),
    /** Mirrored top to bottom (about the horizontal axis). */
    FLIP_X(false, true, false),
    /** Mirrored left to right (about the vertical axis). */
    FLIP_Y(false, false, true),
    /** Mirrored about the main diagonal (transposed). */
    FLIP_PLUS_1(true, false, false),
    /** Mirrored about the anti-diagonal. */
    FLIP_MINUS_1(true, true, true);

    private final boolean transpose;
    private final boolean negateEvenRows;
    private final boolean negateEvenColumns;

    Dihedral(boolean transpose, boolean negateEvenRows, boolean negateEvenColumns) {
        this.transpose = transpose;
        this.negateEvenRows = negateEvenRows;
        this.negateEvenColumns = negateEvenColumns;
    }

    /** The transform that undoes this one: the quarter turns undo each other, every other one undoes itself. */
    public Dihedral inverse() {
        return switch (this) {
            case ROTATE_90 -> ROTATE_270;
            case ROTATE_270 -> ROTATE_90;
            default -> this;
        };
    }

    /** Writes this transform of the row-major 16x16 DCT output {@code dct} into {@code out}. */
    void apply(float[] dct, float[] out) {
        for (int i = 0; i < 16; i++) {
            boolean rowNegated = negateEvenRows && (i & 1) == 0;
            for (int j = 0; j < 16; j++) {
                boolean negate = rowNegated ^ (negateEvenColumns && (j & 1) == 0);
                float value = negate ? -dct[i * 16 + j] : dct[i * 16 + j];
                out[transpose ? j * 16 + i : i * 16 + j] = value;
            }
        }
    }
}
