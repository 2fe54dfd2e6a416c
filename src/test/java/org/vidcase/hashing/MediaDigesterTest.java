package org.vidcase.hashing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MediaDigesterTest {

    private final MediaDigester digester = new MediaDigester();

    @Test
    void imageGetsDigestsDimensionsAndPdq() throws Exception {
        byte[] png = PatternImages.encode(PatternImages.rgb(200, 120), "png");

        OneShotStream stream = new OneShotStream(png);
        MediaDigest digest = digester.digest(stream);

        assertDigestsOf(png, digest);
        assertThat(stream.served).isEqualTo(png.length);
        assertThat(digest.mimeType()).isEqualTo("image/png");
        assertThat(digest.width()).isEqualTo(200);
        assertThat(digest.height()).isEqualTo(120);
        assertThat(digest.pdq()).isEqualTo(new PdqHasher().hash(PatternImages.rgb(200, 120)));
        assertThat(digest.decodeFailure()).isNull();
    }

    @Test
    void bytesAfterTheImageAreDigestedToo() throws Exception {
        byte[] jpeg = PatternImages.encode(PatternImages.rgb(64, 64), "jpeg");
        byte[] trailer = new byte[100_000];
        new Random(3).nextBytes(trailer);
        byte[] withTrailer = Arrays.copyOf(jpeg, jpeg.length + trailer.length);
        System.arraycopy(trailer, 0, withTrailer, jpeg.length, trailer.length);

        OneShotStream stream = new OneShotStream(withTrailer);
        MediaDigest digest = digester.digest(stream);

        assertDigestsOf(withTrailer, digest);
        assertThat(digest.pdq()).isNotNull();
        assertThat(stream.served).isEqualTo(withTrailer.length);
    }

    @Test
    void nonImageGetsDigestsAndAReason() throws Exception {
        byte[] data = new byte[3_000_000];
        new Random(1).nextBytes(data);
        data[0] = 'x';

        OneShotStream stream = new OneShotStream(data);
        MediaDigest digest = digester.digest(stream);

        assertDigestsOf(data, digest);
        assertThat(stream.served).isEqualTo(data.length);
        assertThat(digest.mimeType()).isEqualTo("application/octet-stream");
        assertThat(digest.pdq()).isNull();
        assertThat(digest.width()).isNull();
        assertThat(digest.decodeFailure()).isEqualTo("not an image");
    }

    @Test
    void emptyInput() throws Exception {
        MediaDigest digest = digester.digest(new OneShotStream(new byte[0]));

        assertDigestsOf(new byte[0], digest);
        assertThat(digest.md5()).isEqualTo("d41d8cd98f00b204e9800998ecf8427e");
        assertThat(digest.decodeFailure()).isEqualTo("empty");
    }

    @Test
    void truncatedPngGetsDigestsAndAReason() throws Exception {
        byte[] png = PatternImages.encode(PatternImages.rgb(300, 200), "png");
        byte[] truncated = Arrays.copyOf(png, png.length * 2 / 3);

        OneShotStream stream = new OneShotStream(truncated);
        MediaDigest digest = digester.digest(stream);

        assertDigestsOf(truncated, digest);
        assertThat(stream.served).isEqualTo(truncated.length);
        assertThat(digest.mimeType()).isEqualTo("image/png");
        assertThat(digest.pdq()).isNull();
        assertThat(digest.decodeFailure()).isEqualTo("truncated");
    }

    @Test
    void tooLargeImageKeepsItsDimensions() throws Exception {
        byte[] png = PatternImages.encode(PatternImages.rgb(200, 100), "png");

        MediaDigest digest = new MediaDigester(new ImageDecoder(10_000)).digest(new OneShotStream(png));

        assertDigestsOf(png, digest);
        assertThat(digest.decodeFailure()).isEqualTo("too large: 20000 pixels");
        assertThat(digest.width()).isEqualTo(200);
        assertThat(digest.height()).isEqualTo(100);
    }

    @Test
    void readFailureOfTheSourceIsThrownNotReportedAsCorruptImage() {
        byte[] png = PatternImages.encode(PatternImages.rgb(300, 200), "png");
        InputStream failing = new OneShotStream(png) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (served > png.length / 2) {
                    throw new IOException("disk on fire");
                }
                return super.read(b, off, len);
            }
        };

        assertThatThrownBy(() -> digester.digest(failing)).isInstanceOf(IOException.class).hasMessage("disk on fire");
    }

    @Test
    void digestsFiles(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("notes.jpg");
        byte[] text = "not a jpeg, whatever the name says".getBytes(StandardCharsets.UTF_8);
        Files.write(file, text);

        MediaDigest digest = digester.digest(file);

        assertDigestsOf(text, digest);
        assertThat(digest.decodeFailure()).isEqualTo("not an image");
    }

    private static void assertDigestsOf(byte[] data, MediaDigest digest) throws Exception {
        assertThat(digest.size()).isEqualTo(data.length);
        assertThat(digest.md5()).isEqualTo(hex("MD5", data));
        assertThat(digest.sha1()).isEqualTo(hex("SHA-1", data));
        assertThat(digest.sha256()).isEqualTo(hex("SHA-256", data));
    }

    private static String hex(String algorithm, byte[] data) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(data));
    }

    /** Serves its bytes once: it cannot be rewound, and counts what it serves. */
    private static class OneShotStream extends InputStream {
        private final ByteArrayInputStream bytes;
        long served;

        OneShotStream(byte[] data) {
            this.bytes = new ByteArrayInputStream(data);
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = bytes.read(b, off, len);
            served += Math.max(n, 0);
            return n;
        }

        @Override
        public boolean markSupported() {
            return false;
        }

        @Override
        public synchronized void reset() {
            throw new IllegalStateException("a one-shot stream cannot be rewound");
        }
    }
}
