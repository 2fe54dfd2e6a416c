package org.vidcase.search.service;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.vidcase.search.infra.MediaDocument;
import org.vidcase.search.infra.MediaDocumentLoader;
import org.vidcase.search.infra.MediaSearchIndex;
import org.vidcase.search.infra.Refusal;

/**
 * Feeds the search index from the outbox (V8): claims the oldest rows with {@code FOR UPDATE SKIP
 * LOCKED}, indexes the current state of their items with the newest seq as external version, and
 * deletes the rows in the same transaction. Elasticsearch down means the rows stay and the
 * dispatcher retries with a doubling wait; writes to PostgreSQL never wait for it.
 */
@ApplicationScoped
public class SearchIndexer {

    private static final Logger LOG = Logger.getLogger(SearchIndexer.class);
    private static final String CLAIM = "SELECT seq, media_id, object_kind, object_id FROM search_outbox ORDER BY seq LIMIT ? "
            + "FOR UPDATE SKIP LOCKED";

    /** What an operator sees in the health details. */
    public record Backlog(long rows, Instant oldest, String lastError, Instant lastErrorAt, long indexed,
                          long refused, Instant lastRefusedAt, String lastRefusal) {
    }

    private final AgroalDataSource dataSource;
    private final MediaSearchIndex index;
    private final SearchIndexingConfig config;
    private final MediaDocumentLoader loader = new MediaDocumentLoader();
    private volatile Thread worker;
    private volatile boolean running;
    private volatile String lastError;
    private volatile Instant lastErrorAt;
    private volatile long indexed;

    private final Map<String, IndexedObjects> others = new HashMap<>();

    @Inject
    public SearchIndexer(AgroalDataSource dataSource, MediaSearchIndex index, SearchIndexingConfig config,
                         Instance<IndexedObjects> kinds) {
        this(dataSource, index, config, kinds.stream().toList());
    }

    /** Media only, outside the container (benchmarks). */
    public SearchIndexer(AgroalDataSource dataSource, MediaSearchIndex index, SearchIndexingConfig config) {
        this(dataSource, index, config, List.<IndexedObjects>of());
    }

    private SearchIndexer(AgroalDataSource dataSource, MediaSearchIndex index, SearchIndexingConfig config,
                          List<IndexedObjects> kinds) {
        this.dataSource = dataSource;
        this.index = index;
        this.config = config;
        kinds.forEach(k -> others.put(k.kind(), k));
    }

    void start(@Observes StartupEvent event) {
        if (!config.enabled()) {
            return;
        }
        running = true;
        worker = new Thread(this::loop, "vidcase-search-indexer");
        worker.setDaemon(true);
        worker.start();
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        Thread t = worker;
        if (t != null) {
            t.interrupt();
        }
    }

    private void loop() {
        long wait = config.pollInterval().toMillis();
        while (running) {
            try {
                int done = dispatchOnce();
                if (lastError != null && done > 0) {
                    LOG.info("Search indexing caught up again after: " + lastError);
                    lastError = null;
                }
                wait = config.pollInterval().toMillis();
                if (done == 0) {
                    Thread.sleep(wait);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                if (!running) {
                    return;
                }
                if (lastError == null) {
                    LOG.warnf("Search indexing paused, will retry: %s", e.getMessage());
                }
                lastError = e.getClass().getSimpleName() + ": " + e.getMessage();
                lastErrorAt = Instant.now();
                try {
                    Thread.sleep(wait);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
                wait = Math.min(wait * 2, config.maxBackoff().toMillis());
            }
        }
    }

    /** One batch: claimed, indexed and deleted in one transaction; returns how many rows it took. */
    public int dispatchOnce() throws Exception {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                List<Long> seqs = new ArrayList<>();
                Map<UUID, Long> versions = new HashMap<>();
                Map<String, Set<UUID>> objects = new LinkedHashMap<>();
                try (PreparedStatement s = c.prepareStatement(CLAIM)) {
                    s.setInt(1, config.batchSize());
                    try (ResultSet r = s.executeQuery()) {
                        while (r.next()) {
                            long seq = r.getLong(1);
                            seqs.add(seq);
                            UUID media = r.getObject(2, UUID.class);
                            if (media != null) {
                                versions.merge(media, seq, Math::max);
                            } else {
                                objects.computeIfAbsent(r.getString(3), k -> new LinkedHashSet<>()).add(r.getObject(4, UUID.class));
                            }
                        }
                    }
                }
                if (seqs.isEmpty()) {
                    c.commit();
                    return 0;
                }
                // Seq order is not commit order: a batch's documents carry a version drawn now, after the
                // state they are read in, so a later batch always carries a higher one.
                long version;
                try (PreparedStatement s = c.prepareStatement("SELECT nextval('search_outbox_seq_seq')");
                     ResultSet r = s.executeQuery()) {
                    r.next();
                    version = r.getLong(1);
                }
                versions.replaceAll((id, seq) -> version);
                List<MediaDocument> documents = List.of();
                if (!versions.isEmpty()) {
                    Map<UUID, String> refused = new LinkedHashMap<>();
                    documents = RefusedDocuments.load(loader, c, versions, refused);
                    index.ensureExists();
                    List<Refusal> failures = new ArrayList<>(index.index(documents));
                    Set<UUID> gone = RefusedDocuments.gone(c, versions.keySet(), documents, refused);
                    failures.addAll(index.delete(gone, version));
                    RefusedDocuments.settle(c, versions.keySet(), refused, failures);
                    if (!refused.isEmpty()) {
                        LOG.warnf("%d media items could not be indexed and wait in search_refused (first: %s); "
                                + "the others of the batch were indexed", refused.size(), refused.entrySet().iterator().next());
                    }
                }
                for (Map.Entry<String, Set<UUID>> kind : objects.entrySet()) {
                    IndexedObjects target = others.get(kind.getKey());
                    if (target == null) {
                        LOG.warnf("%d search outbox rows of unknown kind '%s' dropped", kind.getValue().size(), kind.getKey());
                        continue;
                    }
                    target.index(c, kind.getValue(), version);
                }
                try (PreparedStatement s = c.prepareStatement("DELETE FROM search_outbox WHERE seq = ANY(?)")) {
                    Array array = c.createArrayOf("bigint", seqs.toArray());
                    s.setArray(1, array);
                    s.executeUpdate();
                }
                c.commit();
                indexed += documents.size() + objects.values().stream().mapToInt(Set::size).sum();
                return seqs.size();
            } catch (Exception e) {
                rollbackQuietly(c);
                throw e;
            }
        }
    }

    public Backlog backlog() throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT count(*), min(queued_at) FROM search_outbox");
             ResultSet r = s.executeQuery()) {
            r.next();
            Timestamp oldest = r.getTimestamp(2);
            RefusedDocuments.Summary refused = RefusedDocuments.summary(c);
            return new Backlog(r.getLong(1), oldest == null ? null : oldest.toInstant(), lastError, lastErrorAt, indexed,
                    refused.count(), refused.latestAt(), refused.latestReason());
        }
    }

    private static void rollbackQuietly(Connection c) {
        try {
            c.rollback();
        } catch (SQLException ignored) {
            // The connection is gone; the claimed rows are released with it.
        }
    }
}
