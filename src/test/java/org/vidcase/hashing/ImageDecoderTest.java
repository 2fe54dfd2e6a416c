package org.vidcase.hashing;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vidcase.hashing.DecodeResult.Decoded;
import org.vidcase.hashing.DecodeResult.Failed;

class ImageDecoderTest {

    private final ImageDecoder decoder = new ImageDecoder();
    private final PdqHasher hasher = new PdqHasher();

    @Test
    void pngKeepsPixelsExactly() {
        BufferedImage original = PatternImages.rgb(160, 120);

        Decoded decoded = decode(PatternImages.encode(original, "png"));

        assertThat(decoded.mimeType()).isEqualTo("image/png");
        assertThat(decoded.formatName()).isEqualTo("png");
        assertThat(decoded.width()).isEqualTo(160);
        assertThat(decoded.height()).isEqualTo(120);
        assertThat(hasher.hash(decoded.image())).isEqualTo(hasher.hash(original));
    }

    @Test
    void sixteenBitPngsDecodeToTheirEightBitEquivalents() {
        Decoded gray = decode(PatternImages.encode(PatternImages.gray16(100, 80), "png"));
        Decoded colour = decode(PatternImages.encode(PatternImages.rgb16(100, 80), "png"));

        assertThat(gray.image().getColorModel().getComponentSize(0)).isEqualTo(16);
        assertThat(colour.image().getColorModel().getComponentSize(0)).isEqualTo(16);
        assertThat(hasher.hash(gray.image())).isEqualTo(hasher.hash(PatternImages.gray8(100, 80)));
        assertThat(hasher.hash(colour.image())).isEqualTo(hasher.hash(PatternImages.rgb(100, 80)));
    }

    @Test
    void palettePngHashesLikeItsColours() {
        BufferedImage original = PatternImages.palette(90, 70);

        Decoded decoded = decode(PatternImages.encode(original, "png"));

        assertThat(decoded.image().getRGB(10, 20)).isEqualTo(original.getRGB(10, 20));
        assertThat(hasher.hash(decoded.image())).isEqualTo(hasher.hash(original));
    }

    @Test
    void alphaPngIsHashedOnItsColoursIgnoringAlpha() {
        Decoded colour = decode(PatternImages.encode(PatternImages.argb(120, 100), "png"));
        Decoded gray = decode(PatternImages.encode(PatternImages.grayAlpha(120, 100), "png"));

        assertThat(colour.image().getColorModel().hasAlpha()).isTrue();
        assertThat(gray.image().getColorModel().hasAlpha()).isTrue();
        assertThat(hasher.hash(colour.image())).isEqualTo(hasher.hash(PatternImages.rgb(120, 100)));
        assertThat(hasher.hash(gray.image())).isEqualTo(hasher.hash(PatternImages.gray8(120, 100)));
    }

    @Test
    void gifDecodesItsFirstFrame() {
        BufferedImage first = PatternImages.palette(40, 30);
        BufferedImage second = PatternImages.solid(40, 30, 0x0000FF);

        Decoded decoded = decode(PatternImages.animatedGif(List.of(first, second)));

        assertThat(decoded.mimeType()).isEqualTo("image/gif");
        assertThat(decoded.image().getRGB(5, 5)).isEqualTo(first.getRGB(5, 5));
        assertThat(hasher.hash(decoded.image())).isEqualTo(hasher.hash(first));
    }

    @Test
    void bmpAndTiffKeepPixelsExactly() {
        BufferedImage original = PatternImages.rgb(130, 90);
        PdqResult expected = hasher.hash(original);

        Decoded bmp = decode(PatternImages.encode(original, "bmp"));
        Decoded tiff = decode(PatternImages.encode(original, "tiff"));

        assertThat(bmp.mimeType()).isEqualTo("image/bmp");
        assertThat(tiff.mimeType()).isEqualTo("image/tiff");
        assertThat(hasher.hash(bmp.image())).isEqualTo(expected);
        assertThat(hasher.hash(tiff.image())).isEqualTo(expected);
    }

    @Test
    void jpegStaysCloseToItsSource() {
        BufferedImage original = PatternImages.rgb(256, 192);

        Decoded decoded = decode(PatternImages.encode(original, "jpeg"));

        assertThat(decoded.mimeType()).isEqualTo("image/jpeg");
        // 31 bits is PDQ's customary threshold for "same picture".
        assertThat(hasher.hash(decoded.image()).hash().hammingDistance(hasher.hash(original).hash()))
                .isLessThanOrEqualTo(31);
    }

    @Test
    void cmykJpegIsConvertedToRgb() {
        Decoded decoded = decode(PatternImages.cmykJpeg(64, 48));

        BufferedImage image = decoded.image();
        assertThat(image.getWidth()).isEqualTo(64);
        assertThat(channels(image.getRGB(8, 8))).allSatisfy(c -> assertThat(c).isGreaterThan(230)); // no ink: white
        List<Integer> cyan = channels(image.getRGB(56, 8));
        assertThat(cyan.get(0)).isLessThan(80);
        assertThat(cyan.get(1)).isGreaterThan(150);
        assertThat(cyan.get(2)).isGreaterThan(200);
        assertThat(channels(image.getRGB(8, 40))).allSatisfy(c -> assertThat(c).isLessThan(40)); // black ink
    }

    @Test
    void webpDecodes() {
        Decoded decoded = decode(PatternImages.solidWebp(21, 13, 0xFF3366CC));

        assertThat(decoded.mimeType()).isEqualTo("image/webp");
        assertThat(decoded.width()).isEqualTo(21);
        assertThat(decoded.height()).isEqualTo(13);
        assertThat(decoded.image().getRGB(20, 12)).isEqualTo(0xFF3366CC);
    }

    @Test
    void refusesImagesAboveThePixelLimitBeforeDecodingThem() {
        byte[] png = PatternImages.encode(PatternImages.rgb(200, 100), "png");

        Failed failed = fail(new ImageDecoder(19_999).decode(new ByteArrayInputStream(png)));

        assertThat(failed.reason()).isEqualTo("too large: 20000 pixels");
        assertThat(failed.width()).isEqualTo(200);
        assertThat(failed.height()).isEqualTo(100);
        assertThat(new ImageDecoder(20_000).decode(new ByteArrayInputStream(png))).isInstanceOf(Decoded.class);
    }

    @Test
    void reportsTruncatedPng() {
        byte[] png = PatternImages.encode(PatternImages.rgb(200, 150), "png");

        Failed failed = fail(decoder.decode(new ByteArrayInputStream(Arrays.copyOf(png, png.length / 2))));

        assertThat(failed.reason()).isEqualTo("truncated");
        assertThat(failed.mimeType()).isEqualTo("image/png");
    }

    @Test
    void reportsTruncatedJpegInsteadOfHashingTheDecodersFiller() {
        byte[] jpeg = PatternImages.encode(PatternImages.rgb(400, 300), "jpeg");

        Failed failed = fail(decoder.decode(new ByteArrayInputStream(Arrays.copyOf(jpeg, jpeg.length / 2))));

        assertThat(failed.reason()).isEqualTo("truncated");
        assertThat(failed.width()).isEqualTo(400);
    }

    @Test
    void jpegMissingOnlyItsEndMarkerStillDecodes() {
        byte[] jpeg = PatternImages.encode(PatternImages.rgb(400, 300), "jpeg");

        assertThat(decoder.decode(new ByteArrayInputStream(Arrays.copyOf(jpeg, jpeg.length - 2))))
                .isInstanceOf(Decoded.class);
    }

    @Test
    void reportsContentThatIsNotAnImage() {
        Failed text = fail(decoder.decode(new ByteArrayInputStream("hello, world".getBytes(StandardCharsets.UTF_8))));
        Failed pdf = fail(decoder.decode(new ByteArrayInputStream("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII))));
        Failed empty = fail(decoder.decode(new ByteArrayInputStream(new byte[0])));

        assertThat(text.reason()).isEqualTo("not an image");
        assertThat(text.mimeType()).isEqualTo("application/octet-stream");
        assertThat(pdf.reason()).isEqualTo("not an image");
        assertThat(pdf.mimeType()).isEqualTo("application/pdf");
        assertThat(empty.reason()).isEqualTo("empty");
    }

    @Test
    void reportsImageFormatsWithoutAReader() {
        byte[] heif = {0, 0, 0, 24, 'f', 't', 'y', 'p', 'h', 'e', 'i', 'c', 0, 0, 0, 0};

        Failed failed = fail(decoder.decode(new ByteArrayInputStream(heif)));

        assertThat(failed.reason()).isEqualTo("unsupported format: image/heif");
    }

    @Test
    void reportsGarbageBehindAnImageSignature() {
        byte[] fakePng = PatternImages.encode(PatternImages.rgb(50, 50), "png");
        Arrays.fill(fakePng, 16, fakePng.length, (byte) 0x5A);
        byte[] fakeBmp = new byte[4000];
        new Random(5).nextBytes(fakeBmp);
        fakeBmp[0] = 'B';
        fakeBmp[1] = 'M';

        assertThat(fail(decoder.decode(new ByteArrayInputStream(fakePng))).reason()).startsWith("corrupt: ");
        assertThat(fail(decoder.decode(new ByteArrayInputStream(fakeBmp))).reason()).startsWith("corrupt: ");
    }

    @Test
    void decodesFilesAndReportsMissingOnes(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("no-extension");
        Files.write(file, PatternImages.encode(PatternImages.rgb(30, 20), "png"));

        assertThat(decoder.decode(file)).isInstanceOf(Decoded.class);
        assertThat(fail(decoder.decode(dir.resolve("missing.png"))).reason()).startsWith("unreadable: ");
    }

    private Decoded decode(byte[] bytes) {
        DecodeResult result = decoder.decode(new ByteArrayInputStream(bytes));
        assertThat(result).isInstanceOf(Decoded.class);
        return (Decoded) result;
    }

    private static Failed fail(DecodeResult result) {
        assertThat(result).isInstanceOf(Failed.class);
        return (Failed) result;
    }

    private static List<Integer> channels(int rgb) {
        return List.of((rgb >> 16) & 0xFF, (rgb >> 8) & 0xFF, rgb & 0xFF);
    }
}
