package org.vidcase.hashing.video;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.vidcase.hashing.MediaDigester;
import org.vidcase.hashing.PdqHash;
import org.vidcase.hashing.video.ffmpeg.FfmpegVideoHasher;
import org.vidcase.index.VideoFrameIndex;
import org.vidcase.synthetic.SyntheticImages;
import org.vidcase.testsupport.BenchmarkSupport;
import org.vidcase.testsupport.SyntheticVideos;

/**
 * Video figures for docs/benchmarks.md; prints them, never asserts a time.
 *
 * <pre>
 * java -Xmx6g -cp target/test-classes:target/classes:$(cat target/test-classpath.txt) \
 *     org.vidcase.hashing.video.VideoBenchmark --seconds 10 --videos 100000 --frames 60
 * </pre>
 *
 * <ol>
 * <li>Decoding and hashing on one core (FFmpeg with one thread, in process): generated 720p and 1080p
 * H.264 videos (procedural scenes, 30 fps), frames decoded per second with one frame a second hashed
 * (the server's setting) and with every frame hashed; next to it, the image baseline of the same run:
 * JPEG pictures of 1080p decoded and PDQ-hashed per second by the upload path's digester.</li>
 * <li>vPDQ comparison of two one-hour videos (3,600 frames each at one a second, synthetic frame hashes,
 * half of one a noisy copy of the other): the reference's brute force and the frame index.</li>
 * <li>Matching one video against many indexed videos ({@code --videos}, {@code --frames} each, random
 * frame hashes with five noisy copies of the query planted): build time, heap, search time, and the
 * planted copies found with their shares.</li>
 * </ol>
 */
public final class VideoBenchmark {

    public static void main(String[] args) throws Exception {
        int seconds = Integer.parseInt(BenchmarkSupport.arg(args, "--seconds", "10"));
        int videos = Integer.parseInt(BenchmarkSupport.arg(args, "--videos", "100000"));
        int frames = Integer.parseInt(BenchmarkSupport.arg(args, "--frames", "60"));
        System.out.printf(Locale.ROOT, "cores: %d, max heap %d MiB, java %s%n", Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20, System.getProperty("java.version"));
        double imagesPerSecond = imageBaseline();
        for (int[] size : new int[][] {{1280, 720}, {1920, 1080}}) {
            decode(size[0], size[1], seconds, imagesPerSecond);
        }
        compareHours();
        indexed(videos, frames);
    }

    private static double imageBaseline() throws IOException {
        List<byte[]> jpegs = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            jpegs.add(SyntheticImages.jpeg(SyntheticImages.scene(900 + i, 1920, 1080), 0.9f));
        }
        MediaDigester digester = new MediaDigester();
        for (byte[] j : jpegs) {
            digester.digest(new ByteArrayInputStream(j));
        }
        int n = 0;
        long start = System.nanoTime();
        while (System.nanoTime() - start < 5_000_000_000L) {
            digester.digest(new ByteArrayInputStream(jpegs.get(n++ % jpegs.size())));
        }
        double rate = n / ((System.nanoTime() - start) / 1e9);
        System.out.printf(Locale.ROOT, "baseline: 1080p JPEG pictures decoded + hashed (MD5/SHA/PDQ+turns+views), one "
                + "thread: %.1f/s%n", rate);
        return rate;
    }

    private static void decode(int width, int height, int seconds, double imagesPerSecond) throws IOException {
        List<Long> scenes = new ArrayList<>();
        for (int s = 0; s < Math.max(1, seconds / 3); s++) {
            scenes.add(1000L + s);
        }
        SyntheticVideos.Spec spec = new SyntheticVideos.Spec(scenes, (double) seconds / scenes.size(), 30, width, height);
        Path file = Files.createTempFile("vidcase-bench-", ".mp4");
        try {
            SyntheticVideos.write(file, SyntheticVideos.Format.MP4, spec);
            for (double perHash : new double[] {1.0, 0.0}) {
                DecodeSettings settings = DecodeSettings.DEFAULTS.withSecondsPerHash(perHash).withMaxKeyFrames(0);
                run(file, settings);
                long start = System.nanoTime();
                VideoHashResult.Hashed r = run(file, settings);
                double elapsed = (System.nanoTime() - start) / 1e9;
                double fps = r.decodedFrames() / elapsed;
                System.out.printf(Locale.ROOT, "%dx%d H.264, %d frames (%d KiB), %s: %.0f frames decoded/s on one core, "
                                + "%d hashed (%.1f hashed/s); %.1fx the image baseline in frames%n", width, height,
                        r.decodedFrames(), Files.size(file) >> 10, perHash == 0 ? "every frame hashed" : "1 frame/s hashed",
                        fps, r.signature().size(), r.signature().size() / elapsed, fps / imagesPerSecond);
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static VideoHashResult.Hashed run(Path file, DecodeSettings settings) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new FfmpegVideoHasher(settings).hash(file, new DecoderProtocol.Writer(out), n -> { });
        return (VideoHashResult.Hashed) DecoderProtocol.read(new ByteArrayInputStream(out.toByteArray()));
    }

    private static void compareHours() {
        SplittableRandom random = new SplittableRandom(14);
        List<VideoFrameHash> a = new ArrayList<>();
        List<VideoFrameHash> b = new ArrayList<>();
        for (int i = 0; i < 3600; i++) {
            PdqHash h = random(random);
            a.add(new VideoFrameHash(i * 30, i, 90, h));
            b.add(new VideoFrameHash(i * 30, i, 90, i % 2 == 0 ? noisy(h, 16, random) : random(random)));
        }
        VpdqSignature va = new VpdqSignature(a);
        VpdqSignature vb = new VpdqSignature(b);
        VpdqComparison.compare(va, vb, 31, 50);
        long start = System.nanoTime();
        VpdqComparison.Result r = VpdqComparison.compare(va, vb, 31, 50);
        double brute = (System.nanoTime() - start) / 1e6;
        VideoFrameIndex index = new VideoFrameIndex();
        start = System.nanoTime();
        index.add(1, 0, va.distinctUsableWords(50));
        double build = (System.nanoTime() - start) / 1e6;
        start = System.nanoTime();
        VideoFrameIndex.Match m = index.search(vb.distinctUsableWords(50), 31, g -> true).get(0);
        double search = (System.nanoTime() - start) / 1e6;
        System.out.printf(Locale.ROOT, "two one-hour videos (3,600 frames each): brute force %.0f ms (query %.1f%%, "
                        + "compared %.1f%%); frame index: build %.0f ms, search %.0f ms (query %.1f%%, compared %.1f%%)%n",
                brute, r.queryPercent(), r.comparedPercent(), build, search, m.queryPercent(), m.comparedPercent());
    }

    private static void indexed(int videos, int frames) {
        SplittableRandom random = new SplittableRandom(42);
        int queryFrames = 300;
        long[] query = new long[queryFrames * 4];
        for (int i = 0; i < query.length; i++) {
            query[i] = random.nextLong();
        }
        long[] keys = new long[videos];
        int[] groups = new int[videos];
        long[][] words = new long[videos][];
        for (int v = 0; v < videos; v++) {
            keys[v] = v;
            words[v] = new long[frames * 4];
            boolean planted = v % (videos / 5) == 7;
            for (int f = 0; f < frames; f++) {
                for (int w = 0; w < 4; w++) {
                    words[v][4 * f + w] = planted ? query[(4 * f + w) % query.length] ^ (w == 0 ? noiseBits(random) : 0)
                            : random.nextLong();
                }
            }
        }
        BenchmarkSupport.resetPeakHeap();
        System.gc();
        long before = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
        VideoFrameIndex index = new VideoFrameIndex();
        long start = System.nanoTime();
        index.addAll(keys, groups, words);
        double build = (System.nanoTime() - start) / 1e9;
        words = null;
        System.gc();
        long after = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
        index.search(query, 31, g -> true);
        int rounds = 20;
        start = System.nanoTime();
        List<VideoFrameIndex.Match> found = null;
        for (int i = 0; i < rounds; i++) {
            found = index.search(query, 31, g -> true);
        }
        double perQuery = (System.nanoTime() - start) / 1e6 / rounds;
        long planted = found.stream().filter(m -> m.key() % (videos / 5) == 7 && m.comparedPercent() == 100).count();
        System.out.printf(Locale.ROOT, "%,d videos x %d frames indexed (%,d frame hashes): build %.1f s, heap %+,d MiB "
                        + "(%.0f bytes a frame); one %d-frame video matched against all: %.1f ms, %d videos share frames, "
                        + "%d of 5 planted copies found at 100%% compared%n", videos, frames, (long) videos * frames, build,
                (after - before) >> 20, (after - before) / (double) ((long) videos * frames), queryFrames, perQuery,
                found.size(), planted);
    }

    private static long noiseBits(SplittableRandom random) {
        long bits = 0;
        for (int i = 0; i < 10; i++) {
            bits |= 1L << random.nextInt(64);
        }
        return bits;
    }

    private static PdqHash random(SplittableRandom r) {
        return PdqHash.fromWords(r.nextLong(), r.nextLong(), r.nextLong(), r.nextLong());
    }

    private static PdqHash noisy(PdqHash h, int bits, SplittableRandom r) {
        byte[] b = h.toBytes();
        for (int i = 0; i < bits; i++) {
            int k = r.nextInt(256);
            b[k / 8] ^= (byte) (1 << (k % 8));
        }
        return PdqHash.fromBytes(b);
    }
}
