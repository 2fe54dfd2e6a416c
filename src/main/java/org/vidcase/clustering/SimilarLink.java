package org.vidcase.clustering;

import org.vidcase.hashing.ViewKind;

/**
 * Evidence that two pictures show the same thing: the closest pair of views found between them.
 *
 * @param first    index of the picture with the lower index
 * @param second   index of the other picture
 * @param distance Hamming distance between the two views' hashes
 * @param probe    the view that was looked up
 * @param found    the stored view that it found
 */
public record SimilarLink(int first, int second, int distance, ViewKind probe, ViewKind found) {

    /** A score in 0..1 for showing to an officer: 1 for identical hashes, falling to 0 past the radius. */
    public double score(int radius) {
        return Math.max(0, 1 - (double) distance / (radius + 1));
    }
}
