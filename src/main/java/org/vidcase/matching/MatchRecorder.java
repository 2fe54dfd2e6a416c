package org.vidcase.matching;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.IntPredicate;
import org.vidcase.hashset.domain.HashSetKind;
import org.vidcase.hashset.domain.HashSetSource;
import java.util.function.BiPredicate;

/**
 * Matches media items against the reference indexes and records the outcome on the caller's
 * connection, and so in the caller's transaction: an upload or an import batch commits with its
 * matches or not at all. Plain Java over JDBC; {@link MatchingService} is the server's instance.
 *
 * <p>Every match is stored (set entry, hash type, distance, dihedral variant). The item's status
 * and category are then decided from all its matches with active sets by {@link MatchPrecedence}:
 * a category from a hash match ("pre-categorised by hash", source HASH_MATCH) never replaces one a
 * person gave (HUMAN) or one imported from another tool (IMPORT), and is withdrawn again when the
 * set that gave it is deactivated.
 */
public final class MatchRecorder {

    /** Finds the entries an item matches, in the sets the filter admits. */
    @FunctionalInterface
    public interface Matcher {
        List<KnownMatch> match(MatchQuery query, IntPredicate setFilter);
    }

    private static final String INSERT_MATCH = """
            INSERT INTO media_match (media_id, entry_id, hash_type, distance, dihedral, matched_at)
            VALUES (?, ?, ?, ?, ?, now()) ON CONFLICT DO NOTHING
            """;

    private static final String ACTIVE_MATCHES = """
            SELECT m.media_id, m.entry_id, m.hash_type, m.distance, s.kind, s.source, s.category_scheme, s.name,
                   s.set_version, e.category, e.series, e.victim_identified, e.offender_identified, e.distributed
            FROM media_match m
            JOIN hash_set_entry e ON e.id = m.entry_id
            JOIN hash_set s ON s.id = e.hash_set_id
            WHERE m.media_id = ANY (?) AND s.active
            """;

    // Every SET expression sees the row as it was: "kept" tests the category source before the update.
    private static final String DECIDE = """
            UPDATE media_item SET match_status = ?, matched_at = now(), version = version + 1,
                category = CASE WHEN category_source IN ('HUMAN', 'IMPORT') THEN category ELSE ? END,
                category_source = CASE WHEN category_source IN ('HUMAN', 'IMPORT') THEN category_source
                                       WHEN ?::text IS NULL THEN NULL ELSE 'HASH_MATCH' END,
                categorised_by = CASE WHEN category_source IN ('HUMAN', 'IMPORT') THEN categorised_by
                                      WHEN ?::text IS NULL THEN NULL ELSE ? END,
                categorised_at = CASE WHEN category_source IN ('HUMAN', 'IMPORT') THEN categorised_at
                                      WHEN ?::text IS NULL THEN NULL
                                      WHEN category_source = 'HASH_MATCH' AND category = ? THEN categorised_at
                                      ELSE now() END,
                series = CASE WHEN category_source IN ('HUMAN', 'IMPORT') THEN series ELSE coalesce(series, ?) END,
                victim_identified = CASE WHEN category_source IN ('HUMAN', 'IMPORT') THEN victim_identified
                                         ELSE coalesce(victim_identified, ?) END,
                offender_identified = CASE WHEN category_source IN ('HUMAN', 'IMPORT') THEN offender_identified
                                           ELSE coalesce(offender_identified, ?) END,
                distributed = CASE WHEN category_source IN ('HUMAN', 'IMPORT') THEN distributed
                                   ELSE coalesce(distributed, ?) END
            WHERE id = ?
            """;

    private final Matcher index;
    private final MatchPrecedence precedence;
    private final BiPredicate<String, String> usableCategory;

    /**
     * @param usableCategory whether a category of the given scheme (set scheme, category code) can be
     *                       given to items on this server
     */
    public MatchRecorder(Matcher index, MatchPrecedence precedence, BiPredicate<String, String> usableCategory) {
        this.index = index;
        this.precedence = precedence;
        this.usableCategory = usableCategory;
    }

    public MatchPrecedence precedence() {
        return precedence;
    }

    /** Matches items against every active set and records the outcome. */
    public MatchSummary match(Connection c, List<NewItem> items) throws SQLException {
        return match(c, items, set -> true);
    }

    /**
     * Matches items against the sets the filter admits, stores new matches, and decides again the
     * items that gained one. Items without any match are left as they are.
     */
    public MatchSummary match(Connection c, List<NewItem> items, IntPredicate setFilter) throws SQLException {
        if (items.isEmpty()) {
            return MatchSummary.NONE;
        }
        List<UUID> matched = new ArrayList<>();
        long rows = 0;
        try (PreparedStatement insert = c.prepareStatement(INSERT_MATCH)) {
            for (NewItem item : items) {
                List<KnownMatch> found = index.match(item.query(), setFilter);
                if (found.isEmpty()) {
                    continue;
                }
                matched.add(item.mediaId());
                for (KnownMatch m : found) {
                    insert.setObject(1, item.mediaId());
                    insert.setLong(2, m.entryId());
                    insert.setString(3, m.type().name());
                    insert.setShort(4, (short) m.distance());
                    insert.setString(5, m.dihedral());
                    insert.addBatch();
                    rows++;
                }
            }
            if (rows > 0) {
                insert.executeBatch();
            }
        }
        MatchSummary decided = decide(c, matched);
        return new MatchSummary(items.size(), decided.alertItems(), decided.ignorableItems(), rows);
    }

    /**
     * Decides status and category of these items again from their stored matches with active sets,
     * e.g. after a set was deactivated.
     */
    public MatchSummary decide(Connection c, Collection<UUID> mediaIds) throws SQLException {
        if (mediaIds.isEmpty()) {
            return MatchSummary.NONE;
        }
        Map<UUID, List<RecordedMatch>> byItem = new LinkedHashMap<>();
        for (UUID id : mediaIds) {
            byItem.put(id, new ArrayList<>());
        }
        try (PreparedStatement s = c.prepareStatement(ACTIVE_MATCHES)) {
            Array ids = c.createArrayOf("uuid", mediaIds.toArray());
            s.setArray(1, ids);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    byItem.get(rs.getObject(1, UUID.class)).add(recorded(rs));
                }
            }
        }
        long alert = 0;
        long ignorable = 0;
        try (PreparedStatement update = c.prepareStatement(DECIDE)) {
            for (Map.Entry<UUID, List<RecordedMatch>> e : byItem.entrySet()) {
                Optional<MatchStatus> status = precedence.status(e.getValue());
                Optional<RecordedMatch> decisive = precedence.decisive(e.getValue());
                if (status.isPresent()) {
                    if (status.get() == MatchStatus.ALERT) {
                        alert++;
                    } else {
                        ignorable++;
                    }
                }
                bind(update, status.orElse(null), decisive.orElse(null), e.getKey());
                update.addBatch();
            }
            update.executeBatch();
        }
        return new MatchSummary(mediaIds.size(), alert, ignorable, 0);
    }

    private RecordedMatch recorded(ResultSet rs) throws SQLException {
        String setScheme = rs.getString(7);
        String category = rs.getString(10);
        // A category of another scheme means something else here: the match counts, its category does not.
        boolean usable = category != null && usableCategory.test(setScheme, category);
        return new RecordedMatch(rs.getLong(2), rs.getString(8) + " " + rs.getString(9),
                MatchType.valueOf(rs.getString(3)), rs.getShort(4), HashSetKind.valueOf(rs.getString(5)),
                HashSetSource.valueOf(rs.getString(6)), usable ? category : null, rs.getString(11),
                bool(rs, 12), bool(rs, 13), bool(rs, 14));
    }

    private static Boolean bool(ResultSet rs, int column) throws SQLException {
        boolean value = rs.getBoolean(column);
        return rs.wasNull() ? null : value;
    }

    private static void bind(PreparedStatement u, MatchStatus status, RecordedMatch decisive, UUID mediaId)
            throws SQLException {
        String category = decisive == null ? null : decisive.category();
        u.setString(1, status == null ? null : status.name());
        u.setString(2, category);
        u.setString(3, category);
        u.setString(4, category);
        u.setString(5, decisive == null ? null : "hash set " + decisive.setLabel());
        u.setString(6, category);
        u.setString(7, category);
        u.setString(8, decisive == null ? null : decisive.series());
        setBoolean(u, 9, decisive == null ? null : decisive.victimIdentified());
        setBoolean(u, 10, decisive == null ? null : decisive.offenderIdentified());
        setBoolean(u, 11, decisive == null ? null : decisive.distributed());
        u.setObject(12, mediaId);
    }

    private static void setBoolean(PreparedStatement u, int i, Boolean value) throws SQLException {
        if (value == null) {
            u.setNull(i, Types.BOOLEAN);
        } else {
            u.setBoolean(i, value);
        }
    }
}
