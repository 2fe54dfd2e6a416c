package org.vidcase.matching;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiPredicate;
import java.util.function.IntPredicate;
import org.vidcase.matching.HashSetKind;
import org.vidcase.matching.HashSetSource;

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

    private static final String ENTRIES = """
            SELECT e.id, s.kind, s.source, s.category_scheme, s.name, s.set_version, e.category, e.series,
                   e.victim_identified, e.offender_identified, e.distributed, s.active AND e.withdrawn_rev IS NULL
            FROM unnest(?::bigint[]) AS x(id)
            JOIN hash_set_entry e ON e.id = x.id
            JOIN hash_set s ON s.id = e.hash_set_id
            """;

    private static final String ACTIVE_MATCHES = """
            SELECT m.media_id, m.entry_id, m.hash_type, m.distance, s.kind, s.source, s.category_scheme, s.name,
                   s.set_version, e.category, e.series, e.victim_identified, e.offender_identified, e.distributed
            FROM unnest(?::uuid[]) AS item(id)
            JOIN media_match m ON m.media_id = item.id
            JOIN hash_set_entry e ON e.id = m.entry_id
            JOIN hash_set s ON s.id = e.hash_set_id
            WHERE s.active AND e.withdrawn_rev IS NULL
            """;

    // Every SET expression sees the row as it was: the CASEs test the category source before the update.
    // A category the machine gives or takes away goes into the item's categorisation history, as a
    // person's does: "before" reads the rows as they were (every part of the statement sees one snapshot).
    private static final String DECIDE = """
            WITH d AS (
                SELECT * FROM unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[], ?::boolean[], ?::boolean[],
                                     ?::boolean[]) AS d(id, status, category, decided_by, series, victim, offender, distributed)
            ), before AS (
                SELECT i.id, i.category, i.category_source FROM media_item i JOIN d ON d.id = i.id
            ), decided AS (
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
                -- Series and flags: an item with details of its own (from a tool export) keeps them as they
                -- are; one without takes the decisive match's, which then follow the match (hash_details).
                series = CASE WHEN i.category_source IN ('HUMAN', 'IMPORT') THEN i.series
                              WHEN i.hash_details OR (i.series IS NULL AND i.victim_identified IS NULL
                                   AND i.offender_identified IS NULL AND i.distributed IS NULL) THEN d.series
                              ELSE i.series END,
                victim_identified = CASE WHEN i.category_source IN ('HUMAN', 'IMPORT') THEN i.victim_identified
                                         WHEN i.hash_details OR (i.series IS NULL AND i.victim_identified IS NULL
                                              AND i.offender_identified IS NULL AND i.distributed IS NULL)
                                             THEN d.victim
                                         ELSE i.victim_identified END,
                offender_identified = CASE WHEN i.category_source IN ('HUMAN', 'IMPORT') THEN i.offender_identified
                                           WHEN i.hash_details OR (i.series IS NULL AND i.victim_identified IS NULL
                                                AND i.offender_identified IS NULL AND i.distributed IS NULL)
                                               THEN d.offender
                                           ELSE i.offender_identified END,
                distributed = CASE WHEN i.category_source IN ('HUMAN', 'IMPORT') THEN i.distributed
                                   WHEN i.hash_details OR (i.series IS NULL AND i.victim_identified IS NULL
                                        AND i.offender_identified IS NULL AND i.distributed IS NULL) THEN d.distributed
                                   ELSE i.distributed END,
                hash_details = CASE WHEN i.category_source IN ('HUMAN', 'IMPORT') THEN i.hash_details
                                    WHEN i.hash_details OR (i.series IS NULL AND i.victim_identified IS NULL
                                         AND i.offender_identified IS NULL AND i.distributed IS NULL)
                                        THEN (d.series IS NOT NULL OR d.victim IS NOT NULL OR d.offender IS NOT NULL
                                              OR d.distributed IS NOT NULL)
                                    ELSE false END
            FROM d
            WHERE i.id = d.id
            RETURNING i.id, i.category, i.category_source, i.victim_identified, i.offender_identified, i.distributed,
                      i.self_generated, i.suspected, i.categorised_by, i.categorised_at
            )
            INSERT INTO media_categorisation (id, media_id, category, source, victim_identified, offender_identified,
                                              distributed, self_generated, suspected, note, categorised_by, categorised_at)
            SELECT gen_random_uuid(), x.id, x.category, 'HASH_MATCH', x.victim_identified, x.offender_identified,
                   x.distributed, x.self_generated, x.suspected,
                   CASE WHEN x.category IS NULL THEN 'category withdrawn: no reference-set match gives one any more'
                        ELSE 'categorised by a reference-set match' END,
                   coalesce(x.categorised_by, 'vidcase (reference sets)'), coalesce(x.categorised_at, now())
            FROM decided x JOIN before b ON b.id = x.id
            WHERE (b.category_source IS NULL OR b.category_source = 'HASH_MATCH')
              AND b.category IS DISTINCT FROM x.category
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

    /** Matches items against every active set and records the outcome. */
    public MatchSummary match(Connection c, List<NewItem> items) throws SQLException {
        return match(c, items, set -> true);
    }

    /**
     * Matches stored items against the sets the filter admits, stores new matches, and decides again
     * the items that gained one. Items without any match are left as they are.
     */
    public MatchSummary match(Connection c, List<NewItem> items, IntPredicate setFilter) throws SQLException {
        if (items.isEmpty()) {
            return MatchSummary.NONE;
        }
        Found found = find(items, setFilter);
        long rows = found.insert(c, null);
        MatchSummary decided = decide(c, found.byItem.keySet());
        return new MatchSummary(items.size(), decided.alertItems(), decided.ignorableItems(), rows);
    }

    /**
     * Matches items that are about to be inserted and decides them in memory, so that their rows
     * are written decided; {@link Prepared#insertMatches} then stores the matches of the items that
     * were actually inserted. Entries of inactive sets do not count.
     */
    public Prepared prepare(Connection c, List<NewItem> items) throws SQLException {
        Found found = find(items, set -> true);
        if (found.byItem.isEmpty()) {
            return new Prepared(found, Map.of());
        }
        Map<Long, EntryInfo> entries = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement(ENTRIES)) {
            s.setArray(1, c.createArrayOf("bigint", found.entryIds().toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    entries.put(rs.getLong(1), new EntryInfo(HashSetKind.valueOf(rs.getString(2)),
                            HashSetSource.valueOf(rs.getString(3)), rs.getString(4),
                            rs.getString(5) + " " + rs.getString(6), rs.getString(7), rs.getString(8), bool(rs, 9),
                            bool(rs, 10), bool(rs, 11), rs.getBoolean(12)));
                }
            }
        }
        Map<UUID, Decision> decisions = new HashMap<>();
        for (Map.Entry<UUID, List<KnownMatch>> e : found.byItem.entrySet()) {
            List<RecordedMatch> recorded = new ArrayList<>();
            for (KnownMatch m : e.getValue()) {
                EntryInfo info = entries.get(m.entryId());
                if (info != null && info.active()) {
                    recorded.add(info.recorded(m, usableCategory));
                }
            }
            Decision d = decision(recorded);
            if (d.status() != null) {
                decisions.put(e.getKey(), d);
            }
        }
        return new Prepared(found, decisions);
    }

    /**
     * A decoded video's match with a reference entry: by vPDQ (with both shares) or by a frame near
     * a known picture (with the frame's time).
     */
    public record VideoMatch(long entryId, MatchType type, int distance, Double queryPercent, Double comparedPercent,
                             Double frameSeconds) {
    }

    /** Stores a decoded video's new matches and decides the item again. */
    public MatchSummary recordVideo(Connection c, UUID mediaId, List<VideoMatch> matches) throws SQLException {
        if (!matches.isEmpty()) {
            try (PreparedStatement s = c.prepareStatement("""
                    INSERT INTO media_match (media_id, entry_id, hash_type, distance, dihedral, matched_at,
                                             query_percent, compared_percent, frame_seconds)
                    VALUES (?, ?, ?, ?, NULL, now(), ?, ?, ?) ON CONFLICT DO NOTHING""")) {
                for (VideoMatch m : matches) {
                    s.setObject(1, mediaId);
                    s.setLong(2, m.entryId());
                    s.setString(3, m.type().name());
                    s.setShort(4, (short) m.distance());
                    s.setObject(5, m.queryPercent() == null ? null : m.queryPercent().floatValue(), java.sql.Types.REAL);
                    s.setObject(6, m.comparedPercent() == null ? null : m.comparedPercent().floatValue(),
                            java.sql.Types.REAL);
                    s.setObject(7, m.frameSeconds() == null ? null : m.frameSeconds().floatValue(), java.sql.Types.REAL);
                    s.addBatch();
                }
                s.executeBatch();
            }
        }
        return decide(c, List.of(mediaId));
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
            s.setArray(1, c.createArrayOf("uuid", mediaIds.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    byItem.get(rs.getObject(1, UUID.class)).add(recorded(rs));
                }
            }
        }
        long alert = 0;
        long ignorable = 0;
        int n = byItem.size();
        Object[][] columns = new Object[8][n];
        int i = 0;
        for (Map.Entry<UUID, List<RecordedMatch>> e : byItem.entrySet()) {
            Decision d = decision(e.getValue());
            alert += d.status() == MatchStatus.ALERT ? 1 : 0;
            ignorable += d.status() == MatchStatus.IGNORABLE ? 1 : 0;
            columns[0][i] = e.getKey();
            columns[1][i] = d.status() == null ? null : d.status().name();
            columns[2][i] = d.category();
            columns[3][i] = d.decidedBy();
            columns[4][i] = d.series();
            columns[5][i] = d.victimIdentified();
            columns[6][i] = d.offenderIdentified();
            columns[7][i] = d.distributed();
            i++;
        }
        String[] types = {"uuid", "text", "text", "text", "text", "boolean", "boolean", "boolean"};
        try (PreparedStatement update = c.prepareStatement(DECIDE)) {
            for (int col = 0; col < types.length; col++) {
                update.setArray(col + 1, c.createArrayOf(types[col], columns[col]));
            }
            update.executeUpdate();
        }
        return new MatchSummary(mediaIds.size(), alert, ignorable, 0);
    }

    /** What the precedence rules make of an item's matches with active sets. */
    public Decision decision(List<RecordedMatch> matches) {
        MatchStatus status = precedence.status(matches).orElse(null);
        RecordedMatch decisive = precedence.decisive(matches).orElse(null);
        if (decisive == null) {
            return new Decision(status, null, null, null, null, null, null);
        }
        return new Decision(status, decisive.category(), "hash set " + decisive.setLabel(), decisive.series(),
                decisive.victimIdentified(), decisive.offenderIdentified(), decisive.distributed());
    }

    private Found find(List<NewItem> items, IntPredicate setFilter) {
        Found found = new Found();
        for (NewItem item : items) {
            List<KnownMatch> matches = index.match(item.query(), setFilter);
            if (!matches.isEmpty()) {
                found.byItem.put(item.mediaId(), matches);
            }
        }
        return found;
    }

    private RecordedMatch recorded(ResultSet rs) throws SQLException {
        String setScheme = rs.getString(7);
        String category = rs.getString(10);
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

    /**
     * The outcome for one item: status (null: unknown), and from the decisive match the category
     * (null: none usable), who decided ("hash set NAME VERSION"), series and flags.
     */
    public record Decision(MatchStatus status, String category, String decidedBy, String series,
                           Boolean victimIdentified, Boolean offenderIdentified, Boolean distributed) {
    }

    /** Items matched and decided before their insert. */
    public static final class Prepared {

        public static final Prepared NONE = new Prepared(new Found(), Map.of());

        private final Found found;
        private final Map<UUID, Decision> decisions;

        private Prepared(Found found, Map<UUID, Decision> decisions) {
            this.found = found;
            this.decisions = decisions;
        }

        /** The decision for an item, or null if it matched nothing that counts. */
        public Decision decision(UUID mediaId) {
            return decisions.get(mediaId);
        }

        /** Stores the matches of the items that were inserted; returns what they came to. */
        public MatchSummary insertMatches(Connection c, Set<UUID> inserted) throws SQLException {
            long rows = found.insert(c, inserted);
            long alert = 0;
            long ignorable = 0;
            for (UUID id : inserted) {
                Decision d = decisions.get(id);
                if (d != null) {
                    alert += d.status() == MatchStatus.ALERT ? 1 : 0;
                    ignorable += d.status() == MatchStatus.IGNORABLE ? 1 : 0;
                }
            }
            return new MatchSummary(inserted.size(), alert, ignorable, rows);
        }
    }

    /** The matches found for a group of items, before they are stored. */
    private static final class Found {
        final Map<UUID, List<KnownMatch>> byItem = new LinkedHashMap<>();

        Set<Long> entryIds() {
            Set<Long> ids = new HashSet<>();
            byItem.values().forEach(list -> list.forEach(m -> ids.add(m.entryId())));
            return ids;
        }

        /** Inserts the matches of the given items (all if null); returns the rows offered. */
        long insert(Connection c, Set<UUID> only) throws SQLException {
            List<Object> mediaIds = new ArrayList<>();
            List<Object> entryIds = new ArrayList<>();
            List<Object> types = new ArrayList<>();
            List<Object> distances = new ArrayList<>();
            List<Object> dihedrals = new ArrayList<>();
            for (Map.Entry<UUID, List<KnownMatch>> e : byItem.entrySet()) {
                if (only != null && !only.contains(e.getKey())) {
                    continue;
                }
                for (KnownMatch m : e.getValue()) {
                    mediaIds.add(e.getKey());
                    entryIds.add(m.entryId());
                    types.add(m.type().name());
                    distances.add((short) m.distance());
                    dihedrals.add(m.dihedral());
                }
            }
            if (mediaIds.isEmpty()) {
                return 0;
            }
            try (PreparedStatement insert = c.prepareStatement(INSERT_MATCHES)) {
                insert.setArray(1, c.createArrayOf("uuid", mediaIds.toArray()));
                insert.setArray(2, c.createArrayOf("bigint", entryIds.toArray()));
                insert.setArray(3, c.createArrayOf("text", types.toArray()));
                insert.setArray(4, c.createArrayOf("smallint", distances.toArray()));
                insert.setArray(5, c.createArrayOf("text", dihedrals.toArray()));
                insert.executeUpdate();
            }
            return mediaIds.size();
        }
    }

    /** What an entry and its set contribute to a decision. */
    private record EntryInfo(HashSetKind kind, HashSetSource source, String scheme, String setLabel, String category,
                             String series, Boolean victimIdentified, Boolean offenderIdentified,
                             Boolean distributed, boolean active) {

        RecordedMatch recorded(KnownMatch m, BiPredicate<String, String> usableCategory) {
            boolean usable = category != null && usableCategory.test(scheme, category);
            return new RecordedMatch(m.entryId(), setLabel, m.type(), m.distance(), kind, source,
                    usable ? category : null, series, victimIdentified, offenderIdentified, distributed);
        }
    }
}
