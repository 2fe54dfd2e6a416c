package org.vidcase.localstack;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.apache.http.HttpHost;
import org.elasticsearch.client.RestClient;
import org.vidcase.index.PdqMatch;
import org.vidcase.index.PdqRadiusIndex;
import org.vidcase.testsupport.BenchmarkSupport;

/**
 * Find similar at scale, both ways the issue asks to compare: Elasticsearch's exact {@code flat}
 * kNN on the bit-vector field with the case filter inside the query, and the in-memory
 * {@link PdqRadiusIndex} (filtered by case before anything leaves the process). Ground truth is a
 * brute-force scan in Java over the same items, with the same case filter and all 8 hashes of each
 * probe (a probe is an upload with its rotations and reflections: 8 hashes). Prints its figures;
 * never asserts a time.
 *
 * <pre>
 * java -Xmx4g -cp ... org.vidcase.localstack.FindSimilarBenchmark --items 1000000 --cases 1000 --visible 20 --probes 200
 * </pre>
 *
 * <p>Items are random 256-bit hashes spread over {@code --cases} cases; the caller may see
 * {@code --visible} of them. For each probe, neighbours are planted at distances 0, 4, ..., 28 and
 * 31 from one of its 8 hashes, half in visible cases (must be found) and half in others (must not).
 */
public final class FindSimilarBenchmark {

    private static final int RADIUS = 31;
    private static final String INDEX = "bench-similar";

    public static void main(String[] args) throws Exception {
        int items = Integer.parseInt(BenchmarkSupport.arg(args, "--items", "1000000"));
        int cases = Integer.parseInt(BenchmarkSupport.arg(args, "--cases", "1000"));
        int visible = Integer.parseInt(BenchmarkSupport.arg(args, "--visible", "20"));
        int probes = Integer.parseInt(BenchmarkSupport.arg(args, "--probes", "200"));
        System.out.printf(Locale.ROOT, "VIDCase find-similar benchmark: JVM %s, %d cores, max heap %d MB, args %s%n",
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20, String.join(" ", args));

        SplittableRandom random = new SplittableRandom(42);
        long[][] hashes = new long[items][];
        int[] caseOf = new int[items];
        long[][][] probeHashes = new long[probes][8][];
        int planted = 0;
        int[] distances = {0, 4, 8, 12, 16, 20, 24, 28, 31};
        for (int p = 0; p < probes; p++) {
            for (int d = 0; d < 8; d++) {
                probeHashes[p][d] = randomHash(random);
            }
        }
        int next = 0;
        for (int p = 0; p < probes && next + 2 * distances.length < items; p++) {
            for (int d : distances) {
                for (int side = 0; side < 2; side++) {
                    hashes[next] = flip(probeHashes[p][random.nextInt(8)], d, random);
                    caseOf[next] = side == 0 ? random.nextInt(visible) : visible + random.nextInt(cases - visible);
                    next++;
                    planted++;
                }
            }
        }
        for (; next < items; next++) {
            hashes[next] = randomHash(random);
            caseOf[next] = random.nextInt(cases);
        }
        List<String> visibleCases = new ArrayList<>();
        for (int c = 0; c < visible; c++) {
            visibleCases.add("case-" + c);
        }

        // Ground truth: brute force over the same items with the same filter and all 8 hashes.
        long start = System.nanoTime();
        List<Set<Integer>> truth = new ArrayList<>();
        for (int p = 0; p < probes; p++) {
            Set<Integer> near = new HashSet<>();
            for (int i = 0; i < items; i++) {
                if (caseOf[i] < visible && minDistance(probeHashes[p], hashes[i]) <= RADIUS) {
                    near.add(i);
                }
            }
            truth.add(near);
        }
        double bruteMs = (System.nanoTime() - start) / 1e6 / probes;
        System.out.printf(Locale.ROOT, "%,d items over %d cases (caller sees %d), %d probes x 8 hashes, %d planted "
                + "neighbours; brute-force scan %.1f ms a probe%n", items, cases, visible, probes, planted, bruteMs);

        inMemory(hashes, caseOf, probeHashes, truth, visible);
        elasticsearch(hashes, caseOf, probeHashes, truth, visibleCases);
    }

    private static void inMemory(long[][] hashes, int[] caseOf, long[][][] probes, List<Set<Integer>> truth, int visible) {
        BenchmarkSupport.resetPeakHeap();
        long before = usedHeap();
        long start = System.nanoTime();
        PdqRadiusIndex.Builder builder = PdqRadiusIndex.builder().expectedSize(hashes.length);
        for (int i = 0; i < hashes.length; i++) {
            builder.add(i, 0, hashes[i]);
        }
        PdqRadiusIndex index = builder.build();
        double buildSeconds = (System.nanoTime() - start) / 1e9;
        long heap = usedHeap() - before;
        long[] latencies = new long[probes.length];
        double recall = 0;
        for (int round = 0; round < 2; round++) {
            recall = 0;
            for (int p = 0; p < probes.length; p++) {
                long t = System.nanoTime();
                Set<Integer> found = new HashSet<>();
                for (long[] hash : probes[p]) {
                    for (PdqMatch match : index.search(hash, RADIUS)) {
                        if (caseOf[(int) match.entryId()] < visible) {
                            found.add((int) match.entryId());
                        }
                    }
                }
                latencies[p] = System.nanoTime() - t;
                recall += recall(found, truth.get(p));
            }
        }
        System.out.printf(Locale.ROOT, "in-memory PdqRadiusIndex: build %.1f s, heap %.0f bytes an item; a probe (8 hashes) "
                        + "p50 %.2f ms, p99 %.2f ms; recall %.4f%n", buildSeconds, (double) heap / hashes.length,
                percentile(latencies, 50), percentile(latencies, 99), recall / probes.length);
    }

    private static void elasticsearch(long[][] hashes, int[] caseOf, long[][][] probes, List<Set<Integer>> truth,
                                      List<String> visibleCases) throws Exception {
        Path run = Files.createTempDirectory("vidcase-bench-es");
        try (ElasticsearchService es = ElasticsearchService.start(StackPaths.fromSystemProperties(), run);
             RestClient rest = RestClient.builder(HttpHost.create(es.url()))
                     .setRequestConfigCallback(r -> r.setSocketTimeout(120_000)).build()) {
            ElasticsearchClient client = new ElasticsearchClient(new RestClientTransport(rest, new JacksonJsonpMapper()));
            client.indices().create(c -> c.index(INDEX).withJson(new StringReader("""
                    {"settings": {"number_of_shards": 1, "number_of_replicas": 0, "refresh_interval": "-1"},
                     "mappings": {"dynamic": "strict", "properties": {
                       "case_id": {"type": "keyword"},
                       "pdq": {"type": "dense_vector", "element_type": "bit", "dims": 256, "index": true,
                               "similarity": "l2_norm", "index_options": {"type": "flat"}}}}}""")));
            long start = System.nanoTime();
            int batch = 5_000;
            for (int from = 0; from < hashes.length; from += batch) {
                BulkRequest.Builder bulk = new BulkRequest.Builder().index(INDEX);
                for (int i = from; i < Math.min(hashes.length, from + batch); i++) {
                    int id = i;
                    Map<String, Object> doc = Map.of("case_id", "case-" + caseOf[i], "pdq", bytes(hashes[i]));
                    bulk.operations(o -> o.index(x -> x.id(Integer.toString(id)).document(doc)));
                }
                var response = client.bulk(bulk.build());
                if (response.errors()) {
                    throw new IllegalStateException("bulk refused: " + response.items().get(0).error());
                }
            }
            client.indices().refresh(r -> r.index(INDEX));
            double indexSeconds = (System.nanoTime() - start) / 1e9;
            client.indices().forcemerge(f -> f.index(INDEX).maxNumSegments(1L));
            List<FieldValue> filter = visibleCases.stream().map(FieldValue::of).toList();
            long[] latencies = new long[probes.length];
            long[] single = new long[probes.length * 8];
            double recall = 0;
            for (int round = 0; round < 2; round++) {
                recall = 0;
                for (int p = 0; p < probes.length; p++) {
                    long t = System.nanoTime();
                    Set<Integer> found = new HashSet<>();
                    for (int d = 0; d < 8; d++) {
                        List<Float> vector = vector(probes[p][d]);
                        long q = System.nanoTime();
                        SearchResponse<Void> response = client.search(s -> s.index(INDEX).size(100).source(src -> src.fetch(false))
                                .knn(k -> k.field("pdq").queryVector(vector).k(100).numCandidates(200)
                                        .similarity((float) RADIUS)
                                        .filter(f -> f.terms(x -> x.field("case_id").terms(v -> v.value(filter))))),
                                Void.class);
                        single[p * 8 + d] = System.nanoTime() - q;
                        for (Hit<Void> hit : response.hits().hits()) {
                            found.add(Integer.parseInt(hit.id()));
                        }
                    }
                    latencies[p] = System.nanoTime() - t;
                    recall += recall(found, truth.get(p));
                }
            }
            System.out.printf(Locale.ROOT, "Elasticsearch flat kNN (1 shard, 512 MB heap): bulk indexing %,.0f items/s; "
                            + "a query p50 %.1f ms, p99 %.1f ms; a probe (8 queries) p50 %.1f ms, p99 %.1f ms; recall %.4f%n",
                    hashes.length / indexSeconds, percentile(single, 50), percentile(single, 99),
                    percentile(latencies, 50), percentile(latencies, 99), recall / probes.length);
        }
    }

    private static double recall(Set<Integer> found, Set<Integer> truth) {
        if (truth.isEmpty()) {
            return 1;
        }
        int hit = 0;
        for (int t : truth) {
            hit += found.contains(t) ? 1 : 0;
        }
        return (double) hit / truth.size();
    }

    private static int minDistance(long[][] probe, long[] hash) {
        int best = 256;
        for (long[] h : probe) {
            int d = Long.bitCount(h[0] ^ hash[0]) + Long.bitCount(h[1] ^ hash[1]) + Long.bitCount(h[2] ^ hash[2])
                    + Long.bitCount(h[3] ^ hash[3]);
            best = Math.min(best, d);
        }
        return best;
    }

    private static double percentile(long[] nanos, int p) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)] / 1e6;
    }

    private static long usedHeap() {
        System.gc();
        Runtime r = Runtime.getRuntime();
        return r.totalMemory() - r.freeMemory();
    }

    private static long[] randomHash(SplittableRandom random) {
        return new long[] {random.nextLong(), random.nextLong(), random.nextLong(), random.nextLong()};
    }

    private static long[] flip(long[] hash, int bits, SplittableRandom random) {
        long[] out = hash.clone();
        Set<Integer> done = new HashSet<>();
        while (done.size() < bits) {
            int k = random.nextInt(256);
            if (done.add(k)) {
                out[k >> 6] ^= 1L << (k & 63);
            }
        }
        return out;
    }

    /** The hash as 32 signed bytes, most significant first, as the index stores a PDQ hash. */
    private static List<Integer> bytes(long[] hash) {
        List<Integer> out = new ArrayList<>(32);
        for (long word : hash) {
            for (int b = 7; b >= 0; b--) {
                out.add((int) (byte) (word >>> (8 * b)));
            }
        }
        return out;
    }

    private static List<Float> vector(long[] hash) {
        List<Float> out = new ArrayList<>(32);
        for (int b : bytes(hash)) {
            out.add((float) b);
        }
        return out;
    }
}
