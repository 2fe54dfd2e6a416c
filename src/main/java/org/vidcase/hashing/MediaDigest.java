package org.vidcase.hashing;

import java.util.Objects;

/**
 * Everything computed from one pass over a media file's bytes. Digests are lower-case hex.
 *
 * @param mimeType      detected from the leading bytes, never from the file name
 * @param width         image width, when the image header could be read
 * @param height        image height, when the image header could be read
 * @param pdq           the PDQ hash, when the image decoded
 * @param decodeFailure why there is no PDQ hash ("not an image", "truncated", ...), else null
 * @param dihedrals     the PDQ hashes of all eight rotations and reflections, when the image decoded
 * @param metadata      camera, time, place and software from the image's EXIF, XMP or IPTC, when it has any
 * @param signature     the hashes of the image's parts for similarity and series detection, when it decoded
 */
public record MediaDigest(long size, String md5, String sha1, String sha256, String mimeType,
                          Integer width, Integer height, PdqResult pdq, String decodeFailure,
                          DihedralHashes dihedrals, ImageMetadata metadata,
                          ImageSignature signature) {

    public MediaDigest {
        Objects.requireNonNull(md5, "md5");
        Objects.requireNonNull(sha1, "sha1");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(mimeType, "mimeType");
        if ((pdq == null) == (decodeFailure == null) || (dihedrals != null && pdq == null)) {
            throw new IllegalArgumentException("exactly one of pdq and decodeFailure must be set");
        }
    }

    /** The seven variants other than the original, 32 bytes each in {@link Dihedral} order; null without an image. */
    public byte[] pdqVariants() {
        if (dihedrals == null) {
            return null;
        }
        Dihedral[] all = Dihedral.values();
        byte[] out = new byte[(all.length - 1) * PdqHash.BYTES];
        for (int i = 1; i < all.length; i++) {
            System.arraycopy(dihedrals.get(all[i]).toBytes(), 0, out, (i - 1) * PdqHash.BYTES, PdqHash.BYTES);
        }
        return out;
    }
}
