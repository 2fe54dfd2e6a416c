package org.vidcase.index;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Measures the hash indexes on synthetic data and prints the figures; it never asserts a time.
 *
 * <pre>
 * java -Xms3g -Xmx3g -XX:+AlwaysPreTouch -XX:+UseTransparentHugePages -cp ... \
 *     org.vidcase.index.IndexBenchmark --sizes 1000000,10000000 --radius 31 --queries 20000 --seed 42
 * </pre>
 *
 * <p>Per size: random 256-bit hashes, with planted near duplicates of some query hashes at known
 * distances; build time; index memory per hash (from array lengths, and as heap delta); radius
 * queries per second on one and on several threads; a linear-scan baseline in the same run; exact
 * recall against that scan on a sample; checks that every planted hash within the radius is found
 * with its distance and none beyond it; then exact-digest lookups per second for SHA-256 and MD5.
 * Options: {@code --threads N} (default 2), {@code --extra-radii 0,10}, {@code --compare-tables
 * 12,16} (rebuild with forced table counts), {@code --baseline-queries N}, {@code --recall-sample N},
 * {@code --lookups N}, {@code --only pdq|exact}.
 */
public final class IndexBenchmark {

    private final Options options;
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();

    private IndexBenchmark(Options options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        IndexBenchmark benchmark = new IndexBenchmark(options);
        benchmark.printEnvironment(args);
        for (int size : options.sizes) {
            if (!options.only.equals("exact")) {
                benchmark.runPdq(size);
            }
            if (!options.only.equals("pdq")) {
                benchmark.runExact(size, DigestType.SHA256);
                benchmark.runExact(size, DigestType.MD5);
            }
        }
        printf("%nload average at end: %.2f%n", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    // ---------------------------------------------------------------- PDQ radius index

    private void runPdq(int size) throws Exception {
        printf("%n=== PDQ radius index, %,d random hashes, radius %d ===%n", size, options.radius);
        PdqData data = PdqData.generate(size, options.queries, options.radius, options.seed);
        printf("planted: %,d queries x distances %s (%,d entries)%n", data.plantedQueries,
                Arrays.toString(data.plantedDistances), data.plantedQueries * data.plantedDistances.length);

        long heapBefore = usedHeapAfterGc();
        long addStart = System.nanoTime();
        PdqRadiusIndex.Builder builder = PdqRadiusIndex.builder().expectedSize(size).defaultRadius(options.radius)
                .mergePolicy(MergePolicy.manual());
        long[] hashes = data.hashes;
        for (int i = 0; i < size; i++) {
            builder.add(i, i % 64, hashes[4 * i], hashes[4 * i + 1], hashes[4 * i + 2], hashes[4 * i + 3]);
        }
        long buildStart = System.nanoTime();
        PdqRadiusIndex index = builder.build();
        long buildEnd = System.nanoTime();
        builder = null;
        long heapDelta = usedHeapAfterGc() - heapBefore;
        IndexStats stats = index.stats();
        printf("layout: %s%n", index.describeLayout());
        printf("build: streaming entries in %.2f s, build() %.2f s%n", seconds(buildStart - addStart),
                seconds(buildEnd - buildStart));
        printf("memory: %.1f bytes/hash from array sizes (%,d MiB; incl. 32 B hash, 8 B entry id, 4 B set id),"
                        + " %.1f bytes/hash heap delta%n", stats.memoryBytes() / (double) size, stats.memoryBytes() >> 20,
                heapDelta / (double) size);

        Throughput single = timeQueries(index, data.queries, options.radius, 1);
        printf("radius %d, 1 thread : %,10.0f queries/s (per-thread CPU time: %,.0f queries/s), latency p50 %.0f us,"
                        + " p99 %.0f us, %.2f matches/query%n", options.radius, single.perSecond, single.perCpuSecond,
                single.p50Micros, single.p99Micros, single.matchesPerQuery);
        Throughput parallel = timeQueries(index, data.queries, options.radius, options.threads);
        printf("radius %d, %d threads: %,10.0f queries/s%n", options.radius, options.threads, parallel.perSecond);
        for (int radius : options.extraRadii) {
            Throughput other = timeQueries(index, data.queries, radius, 1);
            printf("radius %d, 1 thread : %,10.0f queries/s, %.2f matches/query%n", radius, other.perSecond,
                    other.matchesPerQuery);
        }

        BaselineAndRecall check = checkAgainstLinearScan(index, data);
        printf("linear-scan baseline: %,10.1f queries/s (%d queries) -> index is %.0fx faster on 1 thread%n",
                check.linearPerSecond, check.queries, single.perSecond / check.linearPerSecond);
        printf("recall vs linear scan: %.6f on %d queries (%,d expected matches, %,d returned, %d wrong distances,"
                + " %d unexpected)%n", check.recall(), check.queries, check.expected, check.returned,
                check.wrongDistance, check.unexpected);
        checkPlanted(index, data);

        index = null;
        for (int tables : options.compareTables) {
            compareLayout(data, tables);
        }
    }

    private void compareLayout(PdqData data, int tables) throws Exception {
        int size = data.size;
        PdqEntries entries = new PdqEntries(size);
        for (int i = 0; i < size; i++) {
            entries.add(i, i % 64, data.hashes[4 * i], data.hashes[4 * i + 1], data.hashes[4 * i + 2],
                    data.hashes[4 * i + 3]);
        }
        long start = System.nanoTime();
        PdqRadiusIndex index = PdqRadiusIndex.builder().entries(entries).baseTables(tables)
                .defaultRadius(options.radius).mergePolicy(MergePolicy.manual()).build();
        long built = System.nanoTime();
        entries = null;
        Throughput single = timeQueries(index, data.queries, options.radius, 1);
        printf("compare %s: build %.2f s, %.1f bytes/hash, %,.0f queries/s on 1 thread%n", index.describeLayout(),
                seconds(built - start), index.stats().memoryBytes() / (double) size, single.perSecond);
    }

    /** Runs every query once to warm up, then times them all, split across {@code threadCount}. */
    private Throughput timeQueries(PdqRadiusIndex index, long[][] queries, int radius, int threadCount)
            throws Exception {
        for (int i = 0; i < Math.min(queries.length, 5000); i++) {
            index.search(queries[i], radius);
        }
        if (threadCount == 1) {
            long[] latencies = new long[queries.length];
            long matches = 0;
            long cpuStart = threads.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            for (int i = 0; i < queries.length; i++) {
                long queryStart = System.nanoTime();
                matches += index.search(queries[i], radius).size();
                latencies[i] = System.nanoTime() - queryStart;
            }
            long elapsed = System.nanoTime() - start;
            long cpu = threads.getCurrentThreadCpuTime() - cpuStart;
            Arrays.sort(latencies);
            return new Throughput(queries.length / seconds(elapsed), queries.length / seconds(cpu),
                    latencies[latencies.length / 2] / 1e3, latencies[(int) (latencies.length * 0.99)] / 1e3,
                    matches / (double) queries.length);
        }
        ExecutorService pool = Executors.newFixedThreadPool(threadCount);
        try {
            List<Callable<Long>> tasks = new ArrayList<>();
            for (int t = 0; t < threadCount; t++) {
                int first = t;
                tasks.add(() -> {
                    long matches = 0;
                    for (int i = first; i < queries.length; i += threadCount) {
                        matches += index.search(queries[i], radius).size();
                    }
                    return matches;
                });
            }
            long start = System.nanoTime();
            long matches = 0;
            for (Future<Long> result : pool.invokeAll(tasks)) {
                matches += result.get();
            }
            long elapsed = System.nanoTime() - start;
            return new Throughput(queries.length / seconds(elapsed), Double.NaN, Double.NaN, Double.NaN,
                    matches / (double) queries.length);
        } finally {
            pool.shutdown();
        }
    }

    /**
     * Linear scan of the raw hash array for a sample (half planted queries, half plain random ones),
     * timed as the baseline, and compared entry by entry with the index's answers.
     */
    private BaselineAndRecall checkAgainstLinearScan(PdqRadiusIndex index, PdqData data) {
        int sample = Math.min(options.recallSample, data.queries.length);
        int[] sampleQueries = new int[sample];
        int unplanted = data.queries.length - data.plantedQueries;
        for (int i = 0; i < sample; i++) {
            boolean planted = i % 2 == 0 && i / 2 < data.plantedQueries;
            sampleQueries[i] = planted ? i / 2 : data.plantedQueries + i % unplanted;
        }
        BaselineAndRecall result = new BaselineAndRecall();
        long scanTime = 0;
        for (int q : sampleQueries) {
            long[] query = data.queries[q];
            long start = System.nanoTime();
            long[] truth = linearScan(data.hashes, data.size, query, options.radius);
            scanTime += System.nanoTime() - start;
            List<PdqMatch> found = index.search(query, options.radius);
            result.compare(truth, found);
        }
        int timed = Math.min(sample, options.baselineQueries);
        if (timed < sample) {
            scanTime = 0;
            for (int i = 0; i < timed; i++) {
                long start = System.nanoTime();
                linearScan(data.hashes, data.size, data.queries[sampleQueries[i]], options.radius);
                scanTime += System.nanoTime() - start;
            }
        }
        result.queries = sample;
        result.linearPerSecond = timed / seconds(scanTime);
        return result;
    }

    /** All entries within {@code radius}, encoded as {@code entryId << 9 | distance}, ascending. */
    private static long[] linearScan(long[] hashes, int size, long[] query, int radius) {
        long q0 = query[0];
        long q1 = query[1];
        long q2 = query[2];
        long q3 = query[3];
        long[] hits = new long[8];
        int n = 0;
        for (int i = 0, at = 0; i < size; i++, at += 4) {
            int distance = Long.bitCount(hashes[at] ^ q0) + Long.bitCount(hashes[at + 1] ^ q1)
                    + Long.bitCount(hashes[at + 2] ^ q2) + Long.bitCount(hashes[at + 3] ^ q3);
            if (distance <= radius) {
                if (n == hits.length) {
                    hits = Arrays.copyOf(hits, 2 * n);
                }
                hits[n++] = ((long) i << 9) | distance;
            }
        }
        return Arrays.copyOf(hits, n);
    }

    private void checkPlanted(PdqRadiusIndex index, PdqData data) {
        long foundWithin = 0;
        long missedWithin = 0;
        long wrongDistance = 0;
        long returnedBeyond = 0;
        long beyond = 0;
        for (int q = 0; q < data.plantedQueries; q++) {
            List<PdqMatch> found = index.search(data.queries[q], options.radius);
            for (int k = 0; k < data.plantedDistances.length; k++) {
                long entryId = data.plantedEntry[q * data.plantedDistances.length + k];
                int distance = data.plantedDistances[k];
                PdqMatch match = found.stream().filter(m -> m.entryId() == entryId).findFirst().orElse(null);
                if (distance <= options.radius) {
                    if (match == null) {
                        missedWithin++;
                    } else {
                        foundWithin++;
                        wrongDistance += match.distance() == distance ? 0 : 1;
                    }
                } else {
                    beyond++;
                    returnedBeyond += match == null ? 0 : 1;
                }
            }
        }
        printf("planted within radius: %,d found, %d missed, %d with a wrong distance; planted beyond radius:"
                + " %,d, of which returned: %d%n", foundWithin, missedWithin, wrongDistance, beyond, returnedBeyond);
    }

    // ---------------------------------------------------------------- exact digests

    private void runExact(int size, DigestType type) throws Exception {
        printf("%n=== exact %s index, %,d random digests ===%n", type, size);
        long heapBefore = usedHeapAfterGc();
        long addStart = System.nanoTime();
        ExactHashIndex.Builder builder = ExactHashIndex.builder(type).expectedSize(size)
                .mergePolicy(MergePolicy.manual());
        byte[] digest = new byte[type.bytes()];
        for (int i = 0; i < size; i++) {
            builder.add(i, i % 64, SyntheticDigests.digest(options.seed, i, digest));
        }
        long buildStart = System.nanoTime();
        ExactHashIndex index = builder.build();
        long buildEnd = System.nanoTime();
        builder = null;
        long heapDelta = usedHeapAfterGc() - heapBefore;
        printf("build: streaming entries in %.2f s, build() %.2f s; memory %.1f bytes/entry from array sizes,"
                        + " %.1f heap delta%n", seconds(buildStart - addStart), seconds(buildEnd - buildStart),
                index.stats().memoryBytes() / (double) size, heapDelta / (double) size);

        int lookups = options.lookups;
        byte[][] queries = new byte[lookups][];
        long[] expected = new long[lookups];
        SplittableRandom random = new SplittableRandom(options.seed ^ 0x5DEECE66DL);
        for (int i = 0; i < lookups; i++) {
            boolean hit = (i & 1) == 0;
            long entry = hit ? random.nextInt(size) : -1;
            queries[i] = hit
                    ? SyntheticDigests.digest(options.seed, entry, new byte[type.bytes()])
                    : SyntheticDigests.digest(~options.seed, random.nextLong(), new byte[type.bytes()]);
            expected[i] = entry;
        }
        for (int i = 0; i < Math.min(lookups, 200_000); i++) {
            index.lookup(queries[i]);
        }
        long correct = 0;
        long cpuStart = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        for (int i = 0; i < lookups; i++) {
            long[] ids = index.lookup(queries[i]);
            correct += expected[i] < 0 ? (ids.length == 0 ? 1 : 0) : (ids.length == 1 && ids[0] == expected[i] ? 1 : 0);
        }
        double perSecond = lookups / seconds(System.nanoTime() - start);
        double perCpuSecond = lookups / seconds(threads.getCurrentThreadCpuTime() - cpuStart);
        double parallel = timeLookupsInParallel(index, queries);
        String[] hex = new String[Math.min(lookups, 500_000)];
        for (int i = 0; i < hex.length; i++) {
            hex[i] = HexFormat.of().formatHex(queries[i]);
        }
        start = System.nanoTime();
        for (String h : hex) {
            index.lookup(h);
        }
        double hexPerSecond = hex.length / seconds(System.nanoTime() - start);
        printf("lookups (50%% hits, byte[]): %,.0f /s on 1 thread (per-thread CPU time: %,.0f /s), %,.0f /s on %d"
                        + " threads; hex strings: %,.0f /s on 1 thread; correct answers: %,d of %,d%n", perSecond,
                perCpuSecond, parallel, options.threads, hexPerSecond, correct, lookups);
    }

    private double timeLookupsInParallel(ExactHashIndex index, byte[][] queries) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(options.threads);
        try {
            List<Callable<Long>> tasks = new ArrayList<>();
            for (int t = 0; t < options.threads; t++) {
                int first = t;
                tasks.add(() -> {
                    long found = 0;
                    for (int i = first; i < queries.length; i += options.threads) {
                        found += index.lookup(queries[i]).length;
                    }
                    return found;
                });
            }
            long start = System.nanoTime();
            for (Future<Long> result : pool.invokeAll(tasks)) {
                result.get();
            }
            return queries.length / seconds(System.nanoTime() - start);
        } finally {
            pool.shutdown();
        }
    }

    // ---------------------------------------------------------------- environment and helpers

    private void printEnvironment(String[] args) {
        Runtime runtime = Runtime.getRuntime();
        printf("IndexBenchmark %s%n", String.join(" ", args));
        printf("JVM: %s %s (%s), %s%n", System.getProperty("java.vm.name"), System.getProperty("java.vm.version"),
                System.getProperty("java.vendor"), System.getProperty("os.arch"));
        printf("JVM arguments: %s%n", ManagementFactory.getRuntimeMXBean().getInputArguments());
        List<String> collectors = new ArrayList<>();
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            collectors.add(gc.getName());
        }
        printf("cores available: %d, max heap: %,d MiB, collectors: %s%n", runtime.availableProcessors(),
                runtime.maxMemory() >> 20, collectors);
        printf("transparent huge pages: %s; load average at start: %.2f (other processes share this machine)%n",
                transparentHugePages(), ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        printf("CPU available: a pure arithmetic loop runs %.2fx as fast on %d threads as on 1 (ideal: %d)%n",
                arithmeticSpeedup(options.threads), options.threads, options.threads);
        printf("options: sizes %s, radius %d, queries %,d, seed %d, threads %d, extra radii %s, recall sample %d,"
                        + " lookups %,d%n", Arrays.toString(options.sizes), options.radius, options.queries, options.seed,
                options.threads, Arrays.toString(options.extraRadii), options.recallSample, options.lookups);
    }

    /**
     * Other processes share this machine; this control tells whether the multi-threaded figures
     * below had the cores to scale at all.
     */
    private static double arithmeticSpeedup(int threadCount) {
        int rounds = 100_000_000;
        arithmetic(rounds / 10, 1);
        long start = System.nanoTime();
        arithmetic(rounds, 1);
        long single = System.nanoTime() - start;
        ExecutorService pool = Executors.newFixedThreadPool(threadCount);
        try {
            List<Callable<Long>> tasks = new ArrayList<>();
            for (int t = 0; t < threadCount; t++) {
                long seed = t + 2;
                tasks.add(() -> arithmetic(rounds, seed));
            }
            start = System.nanoTime();
            for (Future<Long> result : pool.invokeAll(tasks)) {
                result.get();
            }
            return threadCount * single / (double) (System.nanoTime() - start);
        } catch (Exception e) {
            return Double.NaN;
        } finally {
            pool.shutdown();
        }
    }

    private static long arithmetic(int rounds, long seed) {
        long x = seed;
        for (int i = 0; i < rounds; i++) {
            x = x * 6364136223846793005L + 1442695040888963407L;
        }
        return x;
    }

    private static String transparentHugePages() {
        try {
            return Files.readString(Path.of("/sys/kernel/mm/transparent_hugepage/enabled")).trim();
        } catch (Exception e) {
            return "unknown";
        }
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    private static void printf(String format, Object... args) {
        System.out.printf(Locale.ROOT, format, args);
    }

    private record Throughput(double perSecond, double perCpuSecond, double p50Micros, double p99Micros,
                              double matchesPerQuery) {
    }

    private static final class BaselineAndRecall {
        int queries;
        double linearPerSecond;
        long expected;
        long returned;
        long matched;
        long wrongDistance;
        long unexpected;

        void compare(long[] truth, List<PdqMatch> found) {
            expected += truth.length;
            returned += found.size();
            for (PdqMatch match : found) {
                int at = Arrays.binarySearch(truth, (match.entryId() << 9) | match.distance());
                if (at >= 0) {
                    matched++;
                } else if (Arrays.stream(truth).anyMatch(t -> t >>> 9 == match.entryId())) {
                    wrongDistance++;
                } else {
                    unexpected++;
                }
            }
        }

        double recall() {
            return expected == 0 ? 1.0 : matched / (double) expected;
        }
    }

    /** Random hashes plus, for the first queries, entries planted at exact distances from them. */
    private static final class PdqData {
        int size;
        long[] hashes;
        long[][] queries;
        int plantedQueries;
        int[] plantedDistances;
        long[] plantedEntry;

        static PdqData generate(int size, int queryCount, int radius, long seed) {
            PdqData data = new PdqData();
            SplittableRandom random = new SplittableRandom(seed);
            data.size = size;
            data.hashes = new long[4 * size];
            for (int i = 0; i < data.hashes.length; i++) {
                data.hashes[i] = random.nextLong();
            }
            data.queries = new long[queryCount][];
            for (int q = 0; q < queryCount; q++) {
                data.queries[q] = new long[] {random.nextLong(), random.nextLong(), random.nextLong(), random.nextLong()};
            }
            data.plantedDistances = plantedDistances(radius);
            int perQuery = data.plantedDistances.length;
            data.plantedQueries = Math.min(Math.min(1000, queryCount / 4), size / (2 * perQuery));
            data.plantedEntry = new long[data.plantedQueries * perQuery];
            int stride = size / (data.plantedQueries * perQuery + 1);
            int[] bits = new int[256];
            for (int q = 0; q < data.plantedQueries; q++) {
                for (int k = 0; k < perQuery; k++) {
                    int entry = (q * perQuery + k) * stride + random.nextInt(stride);
                    long[] hash = data.queries[q].clone();
                    flipDistinctBits(hash, data.plantedDistances[k], bits, random);
                    System.arraycopy(hash, 0, data.hashes, 4 * entry, 4);
                    data.plantedEntry[q * perQuery + k] = entry;
                }
            }
            return data;
        }

        /** 0, 8, 16, 24, 40 and the boundary cases radius and radius + 1, without duplicates. */
        private static int[] plantedDistances(int radius) {
            return Arrays.stream(new int[] {0, 8, 16, 24, radius, radius + 1, 40})
                    .filter(d -> d >= 0 && d <= 256).distinct().sorted().toArray();
        }

        private static void flipDistinctBits(long[] hash, int count, int[] bits, SplittableRandom random) {
            for (int i = 0; i < bits.length; i++) {
                bits[i] = i;
            }
            for (int i = 0; i < count; i++) {
                int j = i + random.nextInt(bits.length - i);
                int bit = bits[j];
                bits[j] = bits[i];
                bits[i] = bit;
                hash[bit >>> 6] ^= 1L << bit;
            }
        }
    }

    /** Uniform pseudo-random digests that can be regenerated from (seed, index) for hit lookups. */
    private static final class SyntheticDigests {
        static byte[] digest(long seed, long index, byte[] out) {
            long state = seed * 0x9E3779B97F4A7C15L + index * 0xBF58476D1CE4E5B9L;
            for (int i = 0; i < out.length; i += 8) {
                long word = mix(state + i);
                for (int b = 0; b < 8 && i + b < out.length; b++) {
                    out[i + b] = (byte) (word >>> (8 * b));
                }
            }
            return out;
        }

        private static long mix(long z) {
            z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
            z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
            return z ^ (z >>> 31);
        }
    }

    private static final class Options {
        int[] sizes = {1_000_000};
        int radius = PdqRadiusIndex.DEFAULT_RADIUS;
        int queries = 20_000;
        long seed = 42;
        int threads = 2;
        int[] extraRadii = {10};
        int[] compareTables = {};
        int baselineQueries = 200;
        int recallSample = 200;
        int lookups = 2_000_000;
        String only = "all";

        static Options parse(String[] args) {
            Options options = new Options();
            for (int i = 0; i < args.length; i += 2) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("missing value for " + args[i]);
                }
                String value = args[i + 1];
                switch (args[i]) {
                    case "--sizes" -> options.sizes = ints(value);
                    case "--radius" -> options.radius = Integer.parseInt(value);
                    case "--queries" -> options.queries = Integer.parseInt(value);
                    case "--seed" -> options.seed = Long.parseLong(value);
                    case "--threads" -> options.threads = Integer.parseInt(value);
                    case "--extra-radii" -> options.extraRadii = ints(value);
                    case "--compare-tables" -> options.compareTables = ints(value);
                    case "--baseline-queries" -> options.baselineQueries = Integer.parseInt(value);
                    case "--recall-sample" -> options.recallSample = Integer.parseInt(value);
                    case "--lookups" -> options.lookups = Integer.parseInt(value);
                    case "--only" -> options.only = value;
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
            }
            return options;
        }

        private static int[] ints(String csv) {
            return csv.isBlank() ? new int[0] : Arrays.stream(csv.split(",")).map(String::trim)
                    .mapToInt(Integer::parseInt).toArray();
        }
    }
}
