package org.vidcase.matching;

/**
 * The hashes of one media item, as matching needs them. Digests are lower-case hex.
 *
 * @param pdqVariants the PDQ hashes of the item's 7 other dihedral variants, 32 bytes each in
 *                    {@link org.vidcase.hashing.Dihedral} order after ORIGINAL; null when unknown
 *                    (items imported from another tool carry one PDQ hash only)
 */
public record MatchQuery(String md5, String sha1, String sha256, byte[] photoDna, String pdq, Integer pdqQuality,
                         byte[] pdqVariants) {
}
