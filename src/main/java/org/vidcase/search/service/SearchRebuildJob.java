package org.vidcase.search.service;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.vidcase.jobs.service.JobContext;
import org.vidcase.jobs.service.JobHandler;
import org.vidcase.search.infra.MediaDocument;
import org.vidcase.search.infra.MediaDocumentLoader;
import org.vidcase.search.infra.MediaSearchIndex;

/**
 * Rebuilds the media index from PostgreSQL without downtime (this Elasticsearch has no
 * {@code _reindex}): fills a new versioned index while the alias keeps serving the old one, then
 * switches the alias in one step. The dispatcher writes every change to the new index too while it
 * fills. Copies carry version 0, so any change queued meanwhile (seq 1 and up) wins over a copy,
 * whichever arrives first.
 */
@ApplicationScoped
public class SearchRebuildJob implements JobHandler {

    public static final String TYPE = "search-rebuild";
    private static final int PAGE = 1_000;

    private final AgroalDataSource dataSource;
    private final MediaSearchIndex index;
    private final MediaDocumentLoader loader = new MediaDocumentLoader();

    public SearchRebuildJob(AgroalDataSource dataSource, MediaSearchIndex index) {
        this.dataSource = dataSource;
        this.index = index;
    }

    @Override
    public String type() {
        return TYPE;
    }

    /** Not resumed: a rebuild cut short by a restart is marked failed (its partial index stays unused) and is started again by hand. */
    @Override
    public boolean resumable() {
        return false;
    }

    @Override
    public void run(JobContext context) throws Exception {
        String target = index.beginRebuild();
        boolean switched = false;
        try {
            // Every dispatcher must have seen the new target before the copy starts.
            Thread.sleep(2 * MediaSearchIndex.REBUILD_CHECK_MILLIS + 200);
            long copied = 0;
            long refusedCount = 0;
            try (Connection c = dataSource.getConnection()) {
                context.total(count(c));
                UUID after = new UUID(Long.MIN_VALUE, Long.MIN_VALUE);
                boolean first = true;
                while (!context.cancelled()) {
                    Map<UUID, Long> page = page(c, first ? null : after);
                    if (page.isEmpty()) {
                        break;
                    }
                    first = false;
                    Map<UUID, String> refused = new java.util.LinkedHashMap<>();
                    List<MediaDocument> documents = RefusedDocuments.load(loader, c, page, refused);
                    // Documents the index refuses are set aside as the dispatcher does; the rebuild goes on.
                    refusedCount += RefusedDocuments.settle(c, page.keySet(), refused, index.indexInto(target, documents));
                    copied += documents.size();
                    context.advance(page.size());
                    after = page.keySet().stream().reduce((a, b) -> b).orElseThrow();
                }
            }
            if (context.cancelled()) {
                return;
            }
            index.finishRebuild(target);
            switched = true;
            context.message("index " + target + " now serves the alias " + index.alias());
            context.result("{\"index\":\"" + target + "\",\"documents\":" + copied + ",\"refused\":" + refusedCount + "}");
        } finally {
            if (!switched) {
                index.abandonRebuild(target);
            }
        }
    }

    private static long count(Connection c) throws Exception {
        try (PreparedStatement s = c.prepareStatement("SELECT count(*) FROM media_item"); ResultSet r = s.executeQuery()) {
            r.next();
            return r.getLong(1);
        }
    }

    /** The next ids in id order, each with version 0 (see the class comment). */
    private static Map<UUID, Long> page(Connection c, UUID after) throws Exception {
        String sql = after == null ? "SELECT id FROM media_item ORDER BY id LIMIT ?"
                : "SELECT id FROM media_item WHERE id > ? ORDER BY id LIMIT ?";
        Map<UUID, Long> ids = new LinkedHashMap<>();
        try (PreparedStatement s = c.prepareStatement(sql)) {
            int i = 1;
            if (after != null) {
                s.setObject(i++, after);
            }
            s.setInt(i, PAGE);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    ids.put(r.getObject(1, UUID.class), 0L);
                }
            }
        }
        return ids;
    }
}
