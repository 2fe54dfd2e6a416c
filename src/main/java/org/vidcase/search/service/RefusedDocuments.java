package org.vidcase.search.service;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.vidcase.search.infra.MediaDocument;
import org.vidcase.search.infra.MediaDocumentLoader;
import org.vidcase.search.infra.Refusal;

/** The items the index would not take (V15): recorded, counted, and cleared once indexed. */
final class RefusedDocuments {

    /** How many there are, the newest's time and reason. */
    record Summary(long count, Instant latestAt, String latestReason) {
    }

    private RefusedDocuments() {
    }

    /**
     * The documents of the items; when the batch's cannot all be built (an item's stored state
     * breaks the loader), each item is loaded alone and the ones that fail are set aside in
     * {@code refused}, so that one item never holds up the rest.
     */
    static List<MediaDocument> load(MediaDocumentLoader loader, Connection c, Map<UUID, Long> versions, Map<UUID, String> refused) throws SQLException {
        try {
            return loader.load(c, versions);
        } catch (RuntimeException batch) {
            List<MediaDocument> documents = new ArrayList<>(versions.size());
            for (Map.Entry<UUID, Long> item : versions.entrySet()) {
                try {
                    documents.addAll(loader.load(c, Map.of(item.getKey(), item.getValue())));
                } catch (RuntimeException one) {
                    refused.put(item.getKey(), "no document could be made of its state: " + one);
                }
            }
            return documents;
        }
    }

    /**
     * The items of the batch that no longer exist (deleted with a disposed case): their documents are
     * removed from the index.
     */
    static Set<UUID> gone(Connection c, Collection<UUID> batch, List<MediaDocument> loaded, Map<UUID, String> refused)
            throws SQLException {
        Set<UUID> missing = new HashSet<>(batch);
        loaded.forEach(d -> missing.remove(UUID.fromString(d.id())));
        missing.removeAll(refused.keySet());
        if (missing.isEmpty()) {
            return missing;
        }
        try (PreparedStatement s = c.prepareStatement("SELECT id FROM media_item WHERE id = ANY(?)")) {
            s.setArray(1, c.createArrayOf("uuid", missing.toArray()));
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    missing.remove(r.getObject(1, UUID.class));
                }
            }
        }
        return missing;
    }

    /**
     * Settles a batch after its bulk request: a failure retrying may cure throws (the batch is tried
     * again); documents the index refused join those that could not be built in search_refused;
     * the others leave it.
     *
     * @return how many of the batch were set aside
     */
    static int settle(Connection c, Collection<UUID> batch, Map<UUID, String> refused, List<Refusal> failures)
            throws SQLException {
        List<Refusal> retryable = failures.stream().filter(f -> !f.permanent()).toList();
        if (!retryable.isEmpty()) {
            throw new IllegalStateException(retryable.size() + " documents not taken, first: " + retryable.get(0));
        }
        failures.forEach(f -> refused.put(UUID.fromString(f.id()), "refused by the index: " + f.status() + " " + f.reason()));
        Set<UUID> taken = new HashSet<>(batch);
        taken.removeAll(refused.keySet());
        record(c, refused);
        clear(c, taken);
        return refused.size();
    }

    static void record(Connection c, Map<UUID, String> refused) throws SQLException {
        if (refused.isEmpty()) {
            return;
        }
        try (PreparedStatement s = c.prepareStatement("""
                INSERT INTO search_refused (media_id, reason, refused_at) VALUES (?, ?, now())
                ON CONFLICT (media_id) DO UPDATE SET reason = EXCLUDED.reason, refused_at = EXCLUDED.refused_at""")) {
            for (Map.Entry<UUID, String> e : refused.entrySet()) {
                String reason = e.getValue() == null ? "unknown" : e.getValue();
                s.setObject(1, e.getKey());
                s.setString(2, reason.length() > 2000 ? reason.substring(0, 2000) : reason);
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    static void clear(Connection c, Collection<UUID> indexed) throws SQLException {
        if (indexed.isEmpty()) {
            return;
        }
        try (PreparedStatement s = c.prepareStatement("DELETE FROM search_refused WHERE media_id = ANY(?)")) {
            s.setArray(1, c.createArrayOf("uuid", indexed.toArray()));
            s.executeUpdate();
        }
    }

    static Summary summary(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                SELECT (SELECT count(*) FROM search_refused), refused_at, reason
                  FROM (SELECT 1) one LEFT JOIN LATERAL (SELECT refused_at, reason FROM search_refused
                                                          ORDER BY refused_at DESC LIMIT 1) latest ON true""");
             ResultSet r = s.executeQuery()) {
            r.next();
            Timestamp at = r.getTimestamp(2);
            return new Summary(r.getLong(1), at == null ? null : at.toInstant(), r.getString(3));
        }
    }
}
