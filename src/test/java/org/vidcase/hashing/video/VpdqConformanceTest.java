package org.vidcase.hashing.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.vidcase.hashing.video.ffmpeg.FfmpegVideoHasher;

/**
 * The vPDQ reference's regression rule on every shared sample video ({@code conformance/vpdq} in the
 * test resources): every frame hashed (seconds per hash 0), at the video's own size and downsampled
 * to 128x128, compared line by line with the reference's hashes: the same frame numbers in order,
 * and each pair of frames nearer than 31 bits (its match-hashes-byline, which counts a pair as a
 * match when the distance is below the tolerance) unless either frame's quality is below 50.
 * Decoders and scalers differ between FFmpeg builds, so the hashes are not expected to be
 * bit-identical; the distribution of distances is printed (docs/benchmarks.md quotes it).
 */
class VpdqConformanceTest {

    private static final int DISTANCE_TOLERANCE = 31;
    private static final int QUALITY_TOLERANCE = 50;
    private static final DistanceHistogram ALL = new DistanceHistogram();

    @TestFactory
    Stream<DynamicTest> everySampleVideoPassesTheReferenceRule() throws IOException {
        Path root = resource("conformance/vpdq");
        List<Path> videos;
        try (Stream<Path> files = Files.list(root.resolve("videos"))) {
            videos = files.filter(p -> p.toString().endsWith(".mp4")).sorted().toList();
        }
        assertThat(videos).as("the shared sample videos").hasSize(14);
        return videos.stream().flatMap(video -> {
            String name = video.getFileName().toString().replace(".mp4", "");
            Path full = root.resolve("sample-hashes/" + name + ".txt");
            Path small = root.resolve("sample-hashes/" + name + "-128x128.txt");
            Stream<DynamicTest> own = Stream.of(dynamicTest(name, () -> check(video, full, 0)));
            return Files.exists(small) ? Stream.concat(own, Stream.of(dynamicTest(name + " 128x128",
                    () -> check(video, small, 128)))) : own;
        });
    }

    @AfterAll
    static void printDistribution() {
        System.out.println("vPDQ conformance, per-frame distance to the reference: " + ALL);
    }

    private static void check(Path video, Path expectedFile, int size) throws IOException {
        VpdqSignature expected;
        try (var reader = Files.newBufferedReader(expectedFile)) {
            expected = VpdqHashFile.read(reader);
        }
        VpdqSignature actual = hashEveryFrame(video, size);
        assertThat(actual.frames().stream().map(VideoFrameHash::frameNumber).toList())
                .as("frame numbers of %s", video.getFileName())
                .isEqualTo(expected.frames().stream().map(VideoFrameHash::frameNumber).toList());
        DistanceHistogram histogram = new DistanceHistogram();
        int compared = 0;
        int matched = 0;
        for (int i = 0; i < expected.size(); i++) {
            VideoFrameHash e = expected.frames().get(i);
            VideoFrameHash a = actual.frames().get(i);
            assertThat(a.timestamp()).isCloseTo(e.timestamp(), org.assertj.core.data.Offset.offset(0.0011));
            if (e.quality() < QUALITY_TOLERANCE || a.quality() < QUALITY_TOLERANCE) {
                continue;
            }
            compared++;
            int d = e.hash().hammingDistance(a.hash());
            histogram.add(d);
            if (d < DISTANCE_TOLERANCE) {
                matched++;
            }
        }
        synchronized (ALL) {
            ALL.addAll(histogram);
        }
        System.out.printf(Locale.ROOT, "%s: %d frames compared, %d matched; %s%n", expectedFile.getFileName(),
                compared, matched, histogram);
        assertThat(compared).as("frames compared").isPositive();
        assertThat(matched).as("frames of %s within the reference's tolerance", expectedFile.getFileName())
                .isEqualTo(compared);
    }

    static VpdqSignature hashEveryFrame(Path video, int size) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DecoderProtocol.Writer writer = new DecoderProtocol.Writer(bytes);
        new FfmpegVideoHasher(DecodeSettings.DEFAULTS.withSecondsPerHash(0).withMaxKeyFrames(0), size, size)
                .hash(video, writer, n -> { });
        VideoHashResult result = DecoderProtocol.read(new ByteArrayInputStream(bytes.toByteArray()));
        assertThat(result).as("hashing %s", video.getFileName()).isInstanceOf(VideoHashResult.Hashed.class);
        return ((VideoHashResult.Hashed) result).signature();
    }

    static Path resource(String name) {
        try {
            var url = VpdqConformanceTest.class.getClassLoader().getResource(name);
            assertThat(url).as("test resource %s (copied from the vPDQ reference repository's sample set)", name).isNotNull();
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Counts of per-frame distances, printed as quantiles and buckets. */
    static final class DistanceHistogram {
        private final long[] counts = new long[257];
        private long total;

        void add(int distance) {
            counts[distance]++;
            total++;
        }

        void addAll(DistanceHistogram other) {
            for (int i = 0; i < counts.length; i++) {
                counts[i] += other.counts[i];
            }
            total += other.total;
        }

        int quantile(double q) {
            long seen = 0;
            for (int d = 0; d < counts.length; d++) {
                seen += counts[d];
                if (seen >= Math.ceil(q * total)) {
                    return d;
                }
            }
            return 256;
        }

        @Override
        public String toString() {
            if (total == 0) {
                return "no frames";
            }
            long exact = counts[0];
            long upTo4 = 0;
            long upTo10 = 0;
            long upTo20 = 0;
            long upTo30 = 0;
            for (int d = 0; d <= 30; d++) {
                upTo4 += d <= 4 ? counts[d] : 0;
                upTo10 += d <= 10 ? counts[d] : 0;
                upTo20 += d <= 20 ? counts[d] : 0;
                upTo30 += counts[d];
            }
            int max = 0;
            for (int d = 0; d < counts.length; d++) {
                if (counts[d] > 0) {
                    max = d;
                }
            }
            return String.format(Locale.ROOT, "n=%d, 0: %.1f%%, <=4: %.1f%%, <=10: %.1f%%, <=20: %.1f%%, <=30: %.1f%%, "
                            + "median %d, p95 %d, p99 %d, max %d", total, pct(exact), pct(upTo4), pct(upTo10),
                    pct(upTo20), pct(upTo30), quantile(0.5), quantile(0.95), quantile(0.99), max);
        }

        private double pct(long n) {
            return n * 100.0 / total;
        }
    }
}
