package org.vidcase.hashing;

import java.awt.image.BufferedImage;
import java.util.Objects;

/** Outcome of {@link ImageDecoder#decode}: a decoded image or a readable reason why not. */
public sealed interface DecodeResult {

    /** Content type detected from the leading bytes. */
    String mimeType();

    /**
     * @param image      the first (or only) frame
     * @param formatName the ImageIO format that decoded it, lower case
     */
    record Decoded(BufferedImage image, String mimeType, String formatName) implements DecodeResult {
        public Decoded {
            Objects.requireNonNull(image, "image");
        }

        public int width() {
            return image.getWidth();
        }

        public int height() {
            return image.getHeight();
        }
    }

    /**
     * @param reason human-readable, e.g. "not an image", "truncated", "too large: N pixels"
     * @param width  the image width if the header was read, else null
     * @param height the image height if the header was read, else null
     */
    record Failed(String reason, String mimeType, Integer width, Integer height) implements DecodeResult {
        public Failed {
            Objects.requireNonNull(reason, "reason");
        }

        Failed(String reason, String mimeType) {
            this(reason, mimeType, null, null);
        }
    }
}
