package org.vidcase.clustering;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.vidcase.hashing.DecodeResult;
import org.vidcase.hashing.Dihedral;
import org.vidcase.hashing.DihedralHashes;
import org.vidcase.hashing.ImageDecoder;
import org.vidcase.hashing.ImageSignature;
import org.vidcase.hashing.PdqHash;
import org.vidcase.hashing.PdqHasher;
import org.vidcase.hashing.SignatureExtractor;
import org.vidcase.hashing.ViewKind;
import org.vidcase.synthetic.SyntheticSetGenerator;
import org.vidcase.testsupport.BenchmarkSupport;

/**
 * Quality and speed of the series clustering; prints its figures and never asserts them.
 *
 * <pre>
 * java -Xmx6g -cp ... org.vidcase.clustering.ClusteringBenchmark --quality --scenes 100 --seeds 11,12,13
 * java -Xmx6g -cp ... org.vidcase.clustering.ClusteringBenchmark --speed --sizes 10000,100000
 * </pre>
 *
 * <p>Quality: for each seed, a synthetic set of each kind is written to a temporary folder (files
 * on disk, JPEG and PNG), decoded and hashed as at ingest, then clustered; pairwise precision,
 * recall and F1 are printed next to plain-PDQ single-link at the same radius, and for copies the
 * share of each kind of edited copy that ends up with its original.
 *
 * <p>Speed: already-hashed items (signature extraction is not timed), with as many views per item
 * as real signatures have; groups of 9 items share views up to 12 bits apart. The baseline in
 * the same run is plain-PDQ single-link over the same items (one view each).
 */
public final class ClusteringBenchmark {

    public static void main(String[] args) throws Exception {
        int threads = Integer.parseInt(BenchmarkSupport.arg(args, "--threads", "2"));
        System.out.printf(Locale.ROOT, "VIDCase clustering benchmark: JVM %s, %d cores, max heap %d MB, threads %d, args %s%n",
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20, threads, String.join(" ", args));
        if (List.of(args).contains("--quality")) {
            int scenes = Integer.parseInt(BenchmarkSupport.arg(args, "--scenes", "100"));
            for (String seed : BenchmarkSupport.arg(args, "--seeds", "11,12,13").split(",")) {
                quality(SyntheticSetGenerator.Kind.COPIES, Long.parseLong(seed), scenes, threads);
                quality(SyntheticSetGenerator.Kind.SHOTS, Long.parseLong(seed), Math.max(1, scenes / 2), threads);
            }
        }
        if (List.of(args).contains("--extract")) {
            extract();
        }
        if (List.of(args).contains("--speed")) {
            for (String size : BenchmarkSupport.arg(args, "--sizes", "10000,100000").split(",")) {
                speed(Integer.parseInt(size), threads);
            }
        }
    }

    private record Picture(SyntheticSetGenerator.Entry entry, ImageSignature signature, ImageSignature baseline) {
    }

    private static void quality(SyntheticSetGenerator.Kind kind, long seed, int scenes, int threads) throws Exception {
        Path folder = Files.createTempDirectory("vidcase-clustering-" + kind.name().toLowerCase(Locale.ROOT));
        try {
            List<SyntheticSetGenerator.Entry> entries = new SyntheticSetGenerator(kind, seed, 6).write(folder, scenes);
            List<Picture> pictures = hash(entries, threads);
            SimilarityClusterer clusterer = new SimilarityClusterer(SimilarityClusterer.DEFAULT_RADIUS, threads);
            long start = System.nanoTime();
            Clustering ours = clusterer.cluster(pictures.stream().map(Picture::signature).toList());
            double oursSeconds = (System.nanoTime() - start) / 1e9;
            Clustering plain = clusterer.cluster(pictures.stream().map(Picture::baseline).toList());
            List<String> truth = pictures.stream().map(p -> p.entry().series()).toList();
            System.out.printf(Locale.ROOT, "%n%s seed %d: %d scenes, %d pictures (clustered in %.2f s)%n",
                    kind.name().toLowerCase(Locale.ROOT), seed, scenes, pictures.size(), oursSeconds);
            System.out.println("  signatures       " + PairwiseEvaluation.of(truth, groups(ours)));
            System.out.println("  plain PDQ        " + PairwiseEvaluation.of(truth, groups(plain)));
            if (kind == SyntheticSetGenerator.Kind.COPIES) {
                System.out.println("  copies found with their original (signatures / plain PDQ):");
                Map<String, int[]> perEdit = perEdit(pictures, ours, plain);
                perEdit.forEach((edit, counts) -> System.out.printf(Locale.ROOT, "    %-13s %3d / %3d of %d%n",
                        edit, counts[0], counts[1], counts[2]));
            }
        } finally {
            try (Stream<Path> files = Files.walk(folder)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static List<Integer> groups(Clustering clustering) {
        List<Integer> out = new ArrayList<>(clustering.size());
        for (int i = 0; i < clustering.size(); i++) {
            out.add(clustering.group(i));
        }
        return out;
    }

    private static Map<String, int[]> perEdit(List<Picture> pictures, Clustering ours, Clustering plain) {
        Map<String, Integer> originalOf = new LinkedHashMap<>();
        for (int i = 0; i < pictures.size(); i++) {
            if (pictures.get(i).entry().version().equals("original")) {
                originalOf.put(pictures.get(i).entry().series(), i);
            }
        }
        Map<String, int[]> counts = new LinkedHashMap<>();
        for (int i = 0; i < pictures.size(); i++) {
            SyntheticSetGenerator.Entry entry = pictures.get(i).entry();
            if (entry.version().equals("original")) {
                continue;
            }
            int original = originalOf.get(entry.series());
            int[] c = counts.computeIfAbsent(entry.version(), v -> new int[3]);
            c[0] += ours.group(i) == ours.group(original) ? 1 : 0;
            c[1] += plain.group(i) == plain.group(original) ? 1 : 0;
            c[2]++;
        }
        return counts;
    }

    private static List<Picture> hash(List<SyntheticSetGenerator.Entry> entries, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        ThreadLocal<ImageDecoder> decoders = ThreadLocal.withInitial(ImageDecoder::new);
        ThreadLocal<PdqHasher> hashers = ThreadLocal.withInitial(PdqHasher::new);
        ThreadLocal<SignatureExtractor> extractors = ThreadLocal.withInitial(SignatureExtractor::new);
        try {
            List<Future<Picture>> work = new ArrayList<>();
            for (SyntheticSetGenerator.Entry entry : entries) {
                work.add(pool.submit(() -> {
                    DecodeResult.Decoded decoded = (DecodeResult.Decoded) decoders.get().decode(entry.file());
                    DihedralHashes hashes = hashers.get().hashWithDihedrals(decoded.image());
                    ImageSignature baseline = hashes.quality() >= 50
                            ? ImageSignature.ofHash(hashes.get(Dihedral.ORIGINAL)) : ImageSignature.empty();
                    return new Picture(entry, extractors.get().extract(decoded.image(), hashes), baseline);
                }));
            }
            List<Picture> out = new ArrayList<>();
            for (Future<Picture> f : work) {
                out.add(f.get());
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * The cost of a signature at ingest next to the whole-picture PDQ hash with its 8 turns that
     * ingest computes anyway, on a decoded 1024 x 768 picture (decoding not counted).
     */
    private static void extract() {
        PdqHasher hasher = new PdqHasher();
        SignatureExtractor extractor = new SignatureExtractor();
        java.awt.image.BufferedImage image = org.vidcase.synthetic.ProceduralScene.of(5).render(1024, 768);
        DihedralHashes hashes = hasher.hashWithDihedrals(image);
        int views = 0;
        for (int round = 0; round < 2; round++) {
            long start = System.nanoTime();
            for (int i = 0; i < 100; i++) {
                hasher.hashWithDihedrals(image);
            }
            double pdqMs = (System.nanoTime() - start) / 1e8;
            start = System.nanoTime();
            for (int i = 0; i < 100; i++) {
                views = extractor.extract(image, hashes).size();
            }
            double signatureMs = (System.nanoTime() - start) / 1e8;
            if (round == 1) {
                System.out.printf(Locale.ROOT, "%nsignature of a 1024x768 picture (%d views): %.1f ms; PDQ with 8 turns: %.1f ms"
                        + " (ratio %.1fx)%n", views, signatureMs, pdqMs, signatureMs / pdqMs);
            }
        }
    }

    /** Views per item as real signatures have them (measured on synthetic scenes: 15 probing, 52 stored). */
    private static final int PROBING_VIEWS = 15;
    private static final int STORED_VIEWS = 45;
    private static final int GROUP = 9;
    private static final ViewKind[] BANDS = {ViewKind.TOP_BAND, ViewKind.BOTTOM_BAND, ViewKind.LEFT_BAND,
        ViewKind.RIGHT_BAND, ViewKind.TOP_STRIP, ViewKind.BOTTOM_STRIP};

    private static void speed(int size, int threads) throws IOException {
        SplittableRandom random = new SplittableRandom(size);
        List<ImageSignature> signatures = new ArrayList<>(size);
        List<ImageSignature> baseline = new ArrayList<>(size);
        PdqHash[] base = new PdqHash[PROBING_VIEWS + STORED_VIEWS];
        for (int i = 0; i < size; i++) {
            if (i % GROUP == 0) {
                for (int v = 0; v < base.length; v++) {
                    base[v] = randomHash(random);
                }
            }
            ImageSignature.Builder builder = new ImageSignature.Builder();
            PdqHash full = flip(base[0], random.nextInt(13), random);
            builder.add(ViewKind.FULL, full);
            for (int v = 1; v < 8; v++) {
                builder.add(ViewKind.FULL_TURNED, flip(base[v], random.nextInt(13), random));
            }
            builder.add(ViewKind.TRIMMED, flip(base[8], random.nextInt(13), random));
            for (int v = 9; v < PROBING_VIEWS; v++) {
                builder.add(BANDS[v - 9], flip(base[v], random.nextInt(13), random));
            }
            for (int v = PROBING_VIEWS; v < base.length; v++) {
                builder.add(ViewKind.CROP_WINDOW, flip(base[v], random.nextInt(13), random));
            }
            signatures.add(builder.build());
            baseline.add(ImageSignature.ofHash(full));
        }
        SimilarityClusterer clusterer = new SimilarityClusterer(SimilarityClusterer.DEFAULT_RADIUS, threads);
        BenchmarkSupport.resetPeakHeap();
        long start = System.nanoTime();
        Clustering plain = clusterer.cluster(baseline);
        double plainSeconds = (System.nanoTime() - start) / 1e9;
        BenchmarkSupport.resetPeakHeap();
        start = System.nanoTime();
        Clustering ours = clusterer.cluster(signatures);
        double oursSeconds = (System.nanoTime() - start) / 1e9;
        long heap = BenchmarkSupport.peakHeapMb();
        System.out.printf(Locale.ROOT, "%n%,d items (%d probing and %d stored views each): signatures %.1f s, "
                        + "plain PDQ %.1f s (ratio %.1fx), peak heap %,d MB; %,d and %,d groups (expected %,d)%n",
                size, PROBING_VIEWS, STORED_VIEWS + 2, oursSeconds, plainSeconds, oursSeconds / plainSeconds, heap,
                ours.groups(), plain.groups(), (size + GROUP - 1) / GROUP);
    }

    private static PdqHash randomHash(SplittableRandom random) {
        return PdqHash.fromWords(random.nextLong(), random.nextLong(), random.nextLong(), random.nextLong());
    }

    private static PdqHash flip(PdqHash hash, int bits, SplittableRandom random) {
        long[] w = {hash.word(0), hash.word(1), hash.word(2), hash.word(3)};
        for (int b = 0; b < bits; b++) {
            int k = random.nextInt(256);
            w[k >> 6] ^= 1L << (k & 63);
        }
        return PdqHash.fromWords(w[0], w[1], w[2], w[3]);
    }
}
