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
 */
public record MediaDigest(long size, String md5, String sha1, String sha256, String mimeType,
                          Integer width, Integer height, PdqResult pdq, String decodeFailure) {

    public MediaDigest {
        Objects.requireNonNull(md5, "md5");
        Objects.requireNonNull(sha1, "sha1");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(mimeType, "mimeType");
        if ((pdq == null) == (decodeFailure == null)) {
            throw new IllegalArgumentException("exactly one of pdq and decodeFailure must be set");
        }
    }
}
