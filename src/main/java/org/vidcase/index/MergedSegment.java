package org.vidcase.index;

/**
 * The result of rebuilding several segments into one.
 *
 * @param segment      the new segment (possibly empty)
 * @param newPositions per source segment, the new position of each old position, or -1 when the
 *                     entry was not carried over (it was removed)
 */
record MergedSegment<S extends Segment>(S segment, int[][] newPositions) {
}
