package org.vidcase.localstack;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import io.agroal.api.AgroalDataSource;
import io.agroal.api.configuration.supplier.AgroalDataSourceConfigurationSupplier;
import io.agroal.api.security.NamePrincipal;
import io.agroal.api.security.SimplePassword;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.http.HttpHost;
import org.elasticsearch.client.RestClient;
import org.flywaydb.core.Flyway;
import org.vidcase.search.infra.MediaDocument;
import org.vidcase.search.infra.MediaDocumentLoader;
import org.vidcase.search.infra.MediaSearchIndex;
import org.vidcase.search.service.SearchIndexer;
import org.vidcase.search.service.SearchIndexingConfig;
import org.vidcase.shared.search.SearchConfig;
import org.vidcase.testsupport.BenchmarkSupport;

/**
 * Indexing throughput through the transactional outbox, on the local stack's PostgreSQL and
 * Elasticsearch with the real schema (Flyway) and the server's own dispatcher code. Prints its
 * figures; never asserts a time.
 *
 * <pre>
 * java -Xmx2g -cp ... org.vidcase.localstack.OutboxIndexingBenchmark --items 100000
 * </pre>
 *
 * <p>Seeds {@code --items} hash-only items with a location each (file name and Windows path), as an
 * import's COPY would: the triggers queue every item twice (the item and its location). It
 * indexes them directly into the empty index, then drains that outbox with one dispatcher, then
 * measures the baseline (the same documents read and bulk-indexed directly, without the outbox)
 * and, after each of two UPDATEs of every item, the outbox drained by one and by two dispatchers at
 * once (as two replicas would).
 */
public final class OutboxIndexingBenchmark {

    public static void main(String[] args) throws Exception {
        int items = Integer.parseInt(BenchmarkSupport.arg(args, "--items", "100000"));
        int batch = Integer.parseInt(BenchmarkSupport.arg(args, "--batch", "500"));
        System.out.printf(Locale.ROOT, "VIDCase outbox indexing benchmark: JVM %s, %d cores, max heap %d MB, args %s%n",
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20, String.join(" ", args));
        Path run = Files.createTempDirectory("vidcase-outbox-bench");
        try (PostgresService pg = PostgresService.start(run.resolve("pg"));
             ElasticsearchService es = ElasticsearchService.start(StackPaths.fromSystemProperties(), run);
             RestClient rest = RestClient.builder(HttpHost.create(es.url())).build();
             AgroalDataSource owner = pool(pg.jdbcUrl(), PostgresService.OWNER, pg.ownerPassword());
             AgroalDataSource app = pool(pg.jdbcUrl(), PostgresService.APP_USER, pg.appPassword())) {
            Flyway.configure().dataSource(pg.jdbcUrl(), PostgresService.OWNER, pg.ownerPassword())
                    .placeholders(Map.of("appUser", PostgresService.APP_USER)).locations("classpath:db/migration")
                    .load().migrate();
            ElasticsearchClient client = new ElasticsearchClient(new RestClientTransport(rest, new JacksonJsonpMapper()));
            MediaSearchIndex index = new MediaSearchIndex(client, searchConfig());
            index.ensureExists();

            long t0 = System.nanoTime();
            long queued = seed(owner, items);
            double seedSeconds = (System.nanoTime() - t0) / 1e9;
            System.out.printf(Locale.ROOT, "seeded %,d items with a location each in %.1f s; %,d outbox rows queued%n",
                    items, seedSeconds, queued);

            double cold = direct(app, index, batch);
            System.out.printf(Locale.ROOT, "direct read + bulk, no outbox, into an empty index: %,.0f items/s%n", cold);
            double first = drain(app, index, batch, 1, items);
            System.out.printf(Locale.ROOT, "outbox as the import left it (%,d rows, 2 per item), 1 dispatcher: %,.0f items/s%n",
                    queued, first);
            double direct = direct(app, index, batch);
            System.out.printf(Locale.ROOT, "baseline, direct read + bulk, no outbox (documents replaced): %,.0f items/s%n",
                    direct);
            for (int dispatchers = 1; dispatchers <= 2; dispatchers++) {
                try (Connection c = owner.getConnection(); Statement s = c.createStatement()) {
                    s.executeUpdate("UPDATE media_item SET notes = 'pass " + dispatchers + "'");
                }
                double rate = drain(app, index, batch, dispatchers, items);
                System.out.printf(Locale.ROOT, "outbox, every item changed once (1 row per item), %d dispatcher(s): "
                        + "%,.0f items/s (%.2f x baseline)%n", dispatchers, rate, rate / direct);
            }
            try (Connection c = app.getConnection(); Statement s = c.createStatement();
                 ResultSet r = s.executeQuery("SELECT count(*) FROM search_outbox")) {
                r.next();
                System.out.printf(Locale.ROOT, "outbox rows left: %d%n", r.getLong(1));
            }
            long count = client.count(c -> c.index(index.alias())).count();
            System.out.printf(Locale.ROOT, "documents in the index: %,d of %,d items%n", count, items);
        }
    }

    private static long seed(AgroalDataSource ds, int items) throws Exception {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            UUID caseId = UUID.randomUUID();
            UUID seizureId = UUID.randomUUID();
            s.executeUpdate("INSERT INTO vid_case (id, reference, title, status, created_by, created_at, version) VALUES ('"
                    + caseId + "', 'BENCH-1', 'Outbox benchmark', 'OPEN', 'bench', now(), 0)");
            s.executeUpdate("INSERT INTO seizure (id, case_id, reference, created_by, created_at) VALUES ('" + seizureId
                    + "', '" + caseId + "', 'EXH-1', 'bench', now())");
            s.executeUpdate("""
                    INSERT INTO media_item (id, case_id, seizure_id, content_key, md5, pdq, category, source, created_by,
                                            created_at, version)
                    SELECT gen_random_uuid(), '%s', '%s', 'md5:' || md5(i::text), md5(i::text),
                           md5(i::text) || md5((i + 7)::text), (i %% 3)::text, 'IMPORT', 'bench', now(), 0
                      FROM generate_series(1, %d) i""".formatted(caseId, seizureId, items));
            s.executeUpdate("""
                    INSERT INTO media_location (id, media_id, seizure_id, location_key, file_name, path)
                    SELECT gen_random_uuid(), id, seizure_id, md5(id::text), 'IMG_' || substr(md5, 1, 6) || '.JPG',
                           'C:\\Users\\Bob\\Pictures\\' || substr(md5, 7, 2)
                      FROM media_item""");
            try (ResultSet r = s.executeQuery("SELECT count(*) FROM search_outbox")) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    /** Reads and bulk-indexes every item in id order, a batch at a time, as the dispatcher would without the outbox. */
    private static double direct(AgroalDataSource ds, MediaSearchIndex index, int batch) throws Exception {
        List<UUID> ids = new ArrayList<>();
        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT id FROM media_item ORDER BY id")) {
            while (r.next()) {
                ids.add(r.getObject(1, UUID.class));
            }
        }
        MediaDocumentLoader loader = new MediaDocumentLoader();
        long start = System.nanoTime();
        try (Connection c = ds.getConnection()) {
            for (int from = 0; from < ids.size(); from += batch) {
                Map<UUID, Long> versions = new HashMap<>();
                for (UUID id : ids.subList(from, Math.min(ids.size(), from + batch))) {
                    versions.put(id, 1L);
                }
                List<MediaDocument> documents = loader.load(c, versions);
                List<org.vidcase.search.infra.Refusal> failures = index.index(documents);
                if (!failures.isEmpty()) {
                    throw new IllegalStateException(failures.get(0).toString());
                }
            }
        }
        return ids.size() / ((System.nanoTime() - start) / 1e9);
    }

    /** Drains the outbox with that many dispatchers at once; items per second of wall time. */
    private static double drain(AgroalDataSource ds, MediaSearchIndex index, int batch, int dispatchers, int items)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(dispatchers);
        long start = System.nanoTime();
        try {
            List<Future<Long>> done = new ArrayList<>();
            for (int d = 0; d < dispatchers; d++) {
                SearchIndexer indexer = new SearchIndexer(ds, index, indexingConfig(batch));
                done.add(pool.submit(() -> {
                    long rows = 0;
                    int taken;
                    while ((taken = indexer.dispatchOnce()) > 0) {
                        rows += taken;
                    }
                    return rows;
                }));
            }
            for (Future<Long> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        return items / ((System.nanoTime() - start) / 1e9);
    }

    private static AgroalDataSource pool(String url, String user, String password) throws Exception {
        return AgroalDataSource.from(new AgroalDataSourceConfigurationSupplier().connectionPoolConfiguration(p -> p
                .maxSize(4).connectionFactoryConfiguration(f -> f.jdbcUrl(url).principal(new NamePrincipal(user))
                        .credential(new SimplePassword(password)))));
    }

    private static SearchConfig searchConfig() {
        return new SearchConfig() {
            public List<String> hosts() {
                return List.of();
            }

            public String indexPrefix() {
                return "bench";
            }

            public Duration connectTimeout() {
                return Duration.ofSeconds(2);
            }

            public Duration socketTimeout() {
                return Duration.ofSeconds(60);
            }
        };
    }

    private static SearchIndexingConfig indexingConfig(int batch) {
        return new SearchIndexingConfig() {
            public boolean enabled() {
                return true;
            }

            public int batchSize() {
                return batch;
            }

            public Duration pollInterval() {
                return Duration.ofMillis(500);
            }

            public Duration maxBackoff() {
                return Duration.ofSeconds(30);
            }
        };
    }
}
