package org.vidcase.matching;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Reads imported reference entries from PostgreSQL into an index batch, streaming (the connection
 * must not be in auto-commit mode, so the driver fetches with a cursor). PhotoDNA is reduced to its
 * SHA-256 by the database.
 */
public final class ReferenceEntryLoader {

    private static final String ENTRIES = """
            SELECT e.id, e.md5, e.sha1, e.sha256, e.pdq, e.pdq_quality, sha256(e.photodna)
            FROM hash_set_entry e JOIN hash_set s ON s.id = e.hash_set_id
            WHERE s.import_state = 'IMPORTED' AND e.withdrawn_rev IS NULL
            """;

    private ReferenceEntryLoader() {
    }

    /** Every entry of every imported set. */
    public static void readAll(Connection c, ReferenceIndexes.Batch batch, int minQuality) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(ENTRIES)) {
            read(s, batch, minQuality);
        }
    }

    /** The entries of one imported set. */
    public static void readSet(Connection c, int indexId, ReferenceIndexes.Batch batch, int minQuality)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement(ENTRIES + " AND e.id >= ? AND e.id < ?")) {
            s.setLong(1, EntryIds.first(indexId));
            s.setLong(2, EntryIds.end(indexId));
            read(s, batch, minQuality);
        }
    }

    /**
     * The entries a set kept entry by entry (the hub subscription) gained between two of its
     * revisions and still holds at the later one.
     */
    public static void readAdded(Connection c, int indexId, long afterRevision, long uptoRevision,
                                 ReferenceIndexes.Batch batch, int minQuality) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                SELECT e.id, e.md5, e.sha1, e.sha256, e.pdq, e.pdq_quality, sha256(e.photodna)
                FROM hash_set_entry e JOIN hash_set s ON s.id = e.hash_set_id
                WHERE s.index_id = ? AND e.added_rev > ? AND e.added_rev <= ?
                  AND (e.withdrawn_rev IS NULL OR e.withdrawn_rev > ?)""")) {
            s.setInt(1, indexId);
            s.setLong(2, afterRevision);
            s.setLong(3, uptoRevision);
            s.setLong(4, uptoRevision);
            read(s, batch, minQuality);
        }
    }

    /** The ids of the entries such a set withdrew between two of its revisions. */
    public static long[] readWithdrawn(Connection c, int indexId, long afterRevision, long uptoRevision)
            throws SQLException {
        java.util.List<Long> ids = new java.util.ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("""
                SELECT e.id FROM hash_set_entry e JOIN hash_set s ON s.id = e.hash_set_id
                WHERE s.index_id = ? AND e.withdrawn_rev > ? AND e.withdrawn_rev <= ?""")) {
            s.setInt(1, indexId);
            s.setLong(2, afterRevision);
            s.setLong(3, uptoRevision);
            s.setFetchSize(20_000);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
        }
        return ids.stream().mapToLong(Long::longValue).toArray();
    }

    private static void read(PreparedStatement s, ReferenceIndexes.Batch batch, int minQuality) throws SQLException {
        s.setFetchSize(20_000);
        try (ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                short stored = rs.getShort(6);
                Integer quality = rs.wasNull() ? null : (int) stored;
                batch.add(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), quality,
                        rs.getBytes(7), minQuality);
            }
        }
    }
}
