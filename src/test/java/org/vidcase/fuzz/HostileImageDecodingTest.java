package org.vidcase.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.vidcase.hashing.MediaDigest;
import org.vidcase.hashing.MediaDigester;

/**
 * Every hostile picture of {@link HostileImages} goes through the digester an upload uses: it never
 * throws, it finishes in bounded time, the bombs are refused from their headers (or their scan count)
 * before their pixels are decoded, the SHA-256 always covers the whole file, and the reason a file
 * could not be decoded is short, printable and free of class names (it is stored with the item).
 */
class HostileImageDecodingTest {

    private static final Pattern CLASS_NAME = Pattern.compile("\\b(?:[a-z][a-z0-9_]*\\.)+[A-Z][A-Za-z0-9_$]+");

    @Test
    void everyHostilePictureIsDigestedWithinBoundsAndKeepsItsReason() throws Exception {
        MediaDigester digester = new MediaDigester();
        List<String> wrong = new ArrayList<>();
        for (HostileImages.HostileFile file : HostileImages.all(ApiFuzzSeeds.DEFAULT)) {
            long started = System.nanoTime();
            MediaDigest digest = digester.digest(new ByteArrayInputStream(file.bytes()));
            long millis = (System.nanoTime() - started) / 1_000_000;
            System.out.printf("%-32s %7d bytes %6d ms  %s%n", file.name(), file.bytes().length, millis,
                    digest.decodeFailure() == null ? "decoded " + digest.width() + "x" + digest.height()
                            : "failed: " + digest.decodeFailure());
            if (millis > 20_000) {
                wrong.add(file + " took " + millis + " ms");
            }
            if (digest.size() != file.bytes().length
                    || !digest.sha256().equals(org.vidcase.testsupport.MediaFixture.sha256(file.bytes()))) {
                wrong.add(file + ": the digest does not cover the file");
            }
            switch (file.expect()) {
                case FAILS -> {
                    if (digest.decodeFailure() == null || digest.pdq() != null) {
                        wrong.add(file + " was decoded");
                    }
                }
                case DECODES -> {
                    if (digest.pdq() == null) {
                        wrong.add(file + " was not decoded: " + digest.decodeFailure());
                    }
                }
                case EITHER -> {
                    // Whatever the decoder makes of it, within the bounds checked above and below.
                }
            }
            String reason = digest.decodeFailure();
            if (reason != null && (reason.length() > 200 || reason.chars().anyMatch(Character::isISOControl)
                    || CLASS_NAME.matcher(reason).find() || reason.contains("Exception"))) {
                wrong.add(file + ": reason '" + reason + "' is not fit to store and show");
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void bombsAreRefusedFromTheirHeadersWithTheirReason() throws Exception {
        MediaDigester digester = new MediaDigester();
        for (HostileImages.HostileFile file : HostileImages.all(ApiFuzzSeeds.DEFAULT)) {
            String reason = digester.digest(new ByteArrayInputStream(file.bytes())).decodeFailure();
            switch (file.name()) {
                case "png-zlib-bomb-16bit-rgba.png" -> assertThat(reason).startsWith("too large: 10000x10000 pixels of 64 bits");
                case "jpeg-scan-bomb.jpg" -> assertThat(reason).startsWith("too many JPEG scans");
                case "png-huge-dimensions.png", "jpeg-huge-dimensions.jpg", "gif-huge-image.gif",
                        "bmp-huge-dimensions.bmp", "tiff-huge-dimensions.tif", "webp-huge-dimensions.webp" ->
                        assertThat(reason).as(file.name()).startsWith("too large:");
                case "empty.jpg" -> assertThat(reason).isEqualTo("empty");
                case "not-an-image.jpg" -> assertThat(reason).isEqualTo("not an image");
                default -> {
                    // Checked by the test above.
                }
            }
        }
    }
}
