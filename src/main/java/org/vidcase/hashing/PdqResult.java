package org.vidcase.hashing;

import java.util.Objects;

/**
 * A PDQ hash with the reference's quality score (0..100).
 *
 * @param hash    the 256-bit hash
 * @param quality gradient-based quality; below {@link #MIN_MATCHING_QUALITY} the hash is too
 *                featureless to be trusted for matching
 */
public record PdqResult(PdqHash hash, int quality) {

    /** Hashes below this quality are kept but must not be used for matching (PDQ guidance). */
    public static final int MIN_MATCHING_QUALITY = 50;

    public PdqResult {
        Objects.requireNonNull(hash, "hash");
        if (quality < 0 || quality > 100) {
            throw new IllegalArgumentException("quality out of range: " + quality);
        }
    }

    public boolean usableForMatching() {
        return quality >= MIN_MATCHING_QUALITY;
    }
}
