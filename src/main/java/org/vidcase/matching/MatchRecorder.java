package org.vidcase.matching;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
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

    // Set-based statements over arrays: unnest() is estimated at a handful of rows, so the planner
    // probes the indexes row by row even while an import grows the tables faster than their statistics.
    private static final String INSERT_MATCHES = """
            INSERT INTO media_match (media_id, entry_id, hash_type, distance, dihedral, matched_at)
            SELECT f.media_id, f.entry_id, f.hash_type, f.distance, f.dihedral, now()
            FROM unnest(?::uuid[], ?::bigint[], ?::text[], ?::smallint[], ?::text[])
                AS f(media_id, entry_id, hash_type, distance, dihedral)
            ON CONFLICT DO NOTHING
            """;

    private static final String ACTIVE_MATCHES = """
            SELECT m.media_id, m.entry_id, m.hash_type, m.distance, s.kind, s.source, s.category_scheme, s.name,
                   s.set_version, e.category, e.series, e.victim_identified, e.offender_identified, e.distributed
            FROM unnest(?::uuid[]) AS item(id)
            JOIN media_match m ON m.media_id = item.id
            JOIN hash_set_entry e ON e.id = m.entry_id
            JOIN hash_set s ON s.id = e.hash_set_id
            WHERE s.active
            """;

    // Every SET expression sees the row as it was: the CASEs test the category source before the update.
    private static final String DECIDE = """
            UPDATE media_item i SET match_status = d.status, matched_at = now(), version = i.version + 1,
                category = CASE WHEN i.category_source IN ('HUMAN', 'IMPORT') THEN i.category ELSE d.category END,
                category_source = CASE WHEN i.category_source IN ('HUMAN', 'IMPORT') THEN i.category_source
                                       WHEN d.category IS NULL THEN NULL ELSE 'HASH_MATCH' END,
                categorised_by = CASE WHEN i.category_source IN ('HUMAN', 'IMPORT') THEN i.categorised_by
                                      WHEN d.category IS NULL THEN NULL ELSE d.decided_by END,
                categorised_at = CASE WHEN i.category_source IN ('HUMAN', 'IMPORT') THEN i.categorised_at
                                      WHEN d.category IS NULL THEN NULL
                                      WHEN i.category_source = 'HASH_MATCH' AND i.category = d.category
                                          THEN i.categorised_at
                                      ELSE now() END,
                series = CASE WHEN i.category_source IN ('HUMAN', 'IMPORT') THEN i.series
                              ELSE coalesce(i.series, d.series) END,
                victim_identified = CASE WHEN i.category_source IN ('HUMAN', 'IMPORT') THEN i.victim_identified
                                         ELSE coalesce(i.victim_identified, d.victim) END,
                offender_identified = CASE WHEN i.category_source IN ('HUMAN', 'IMPORT') THEN i.offender_identified
                                           ELSE coalesce(i.offender_identified, d.offender) END,
                distributed = CASE WHEN i.category_source IN ('HUMAN', 'IMPORT') THEN i.distributed
                                   ELSE coalesce(i.distributed, d.distributed) END
            FROM unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[], ?::boolean[], ?::boolean[],
                        ?::boolean[]) AS d(id, status, category, decided_by, series, victim, offender, distributed)
            WHERE i.id = d.id
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
        List<Object> mediaIds = new ArrayList<>();
        List<Object> entryIds = new ArrayList<>();
        List<Object> types = new ArrayList<>();
        List<Object> distances = new ArrayList<>();
        List<Object> dihedrals = new ArrayList<>();
        for (NewItem item : items) {
            List<KnownMatch> found = index.match(item.query(), setFilter);
            if (found.isEmpty()) {
                continue;
            }
            matched.add(item.mediaId());
            for (KnownMatch m : found) {
                mediaIds.add(item.mediaId());
                entryIds.add(m.entryId());
                types.add(m.type().name());
                distances.add((short) m.distance());
                dihedrals.add(m.dihedral());
            }
        }
        long rows = mediaIds.size();
        if (rows > 0) {
            try (PreparedStatement insert = c.prepareStatement(INSERT_MATCHES)) {
                insert.setArray(1, c.createArrayOf("uuid", mediaIds.toArray()));
                insert.setArray(2, c.createArrayOf("bigint", entryIds.toArray()));
                insert.setArray(3, c.createArrayOf("text", types.toArray()));
                insert.setArray(4, c.createArrayOf("smallint", distances.toArray()));
                insert.setArray(5, c.createArrayOf("text", dihedrals.toArray()));
                insert.executeUpdate();
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
        int n = byItem.size();
        Object[] ids = new Object[n];
        Object[] statuses = new Object[n];
        Object[] categories = new Object[n];
        Object[] decidedBy = new Object[n];
        Object[] series = new Object[n];
        Object[] victims = new Object[n];
        Object[] offenders = new Object[n];
        Object[] distributed = new Object[n];
        int i = 0;
        for (Map.Entry<UUID, List<RecordedMatch>> e : byItem.entrySet()) {
            Optional<MatchStatus> status = precedence.status(e.getValue());
            RecordedMatch decisive = precedence.decisive(e.getValue()).orElse(null);
            if (status.isPresent()) {
                if (status.get() == MatchStatus.ALERT) {
                    alert++;
                } else {
                    ignorable++;
                }
            }
            ids[i] = e.getKey();
            statuses[i] = status.map(Enum::name).orElse(null);
            categories[i] = decisive == null ? null : decisive.category();
            decidedBy[i] = decisive == null ? null : "hash set " + decisive.setLabel();
            series[i] = decisive == null ? null : decisive.series();
            victims[i] = decisive == null ? null : decisive.victimIdentified();
            offenders[i] = decisive == null ? null : decisive.offenderIdentified();
            distributed[i] = decisive == null ? null : decisive.distributed();
            i++;
        }
        try (PreparedStatement update = c.prepareStatement(DECIDE)) {
            update.setArray(1, c.createArrayOf("uuid", ids));
            update.setArray(2, c.createArrayOf("text", statuses));
            update.setArray(3, c.createArrayOf("text", categories));
            update.setArray(4, c.createArrayOf("text", decidedBy));
            update.setArray(5, c.createArrayOf("text", series));
            update.setArray(6, c.createArrayOf("boolean", victims));
            update.setArray(7, c.createArrayOf("boolean", offenders));
            update.setArray(8, c.createArrayOf("boolean", distributed));
            update.executeUpdate();
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
}
