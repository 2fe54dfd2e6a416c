package org.vidcase.fuzz;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Counts the rows of every table that holds case, evidence or reference data, limited to what this
 * run may have written: rows of cases opened since it started, reached through the foreign keys
 * (exhibits, media, locations, series, leads, ...), and other rows created since it started. The
 * tables are read from the database's own catalogue, so tables other branches add are counted too.
 * Bookkeeping tables that refusals write by design (the audit trail) or that the server changes on
 * its own (outbox, leases) are left out, and so are the inbox entries telling an owner their job ended.
 */
final class StoredRows implements AutoCloseable {

    private static final Set<String> BOOKKEEPING = Set.of("audit_event", "search_outbox", "search_refused", "index_replica",
            "evidence_orphan", "flyway_schema_history");
    /** Rows of a counted table that the server writes on its own, whenever background work ends. */
    private static final Map<String, String> WRITTEN_IN_THE_BACKGROUND = Map.of("notification", "kind <> 'job-ended'");

    private final DataSource db;
    private final List<String> tables = new ArrayList<>();
    /** One connection and statement for the run: counted after every request, planning it each time would cost most. */
    private final Connection connection;
    private final PreparedStatement statement;

    StoredRows(DataSource db, Instant since) {
        this.db = db;
        String sql = build(since);
        try {
            this.connection = db.getConnection();
            this.statement = connection.prepareStatement(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("preparing the row count failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() throws SQLException {
        statement.close();
        connection.close();
    }

    List<String> tables() {
        return List.copyOf(tables);
    }

    Map<String, Long> count() {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (ResultSet r = statement.executeQuery()) {
            while (r.next()) {
                counts.put(r.getString(1), r.getLong(2));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("counting rows failed: " + e.getMessage(), e);
        }
        return counts;
    }

    /** The tables whose counts differ, with before and after. */
    static Map<String, String> changed(Map<String, Long> before, Map<String, Long> after) {
        Map<String, String> changed = new LinkedHashMap<>();
        after.forEach((table, n) -> {
            Long was = before.get(table);
            if (!n.equals(was)) {
                changed.put(table, was + " -> " + n);
            }
        });
        return changed;
    }

    private String build(Instant since) {
        Map<String, Set<String>> columns = new HashMap<>();
        Map<String, List<String[]>> foreignKeys = new HashMap<>();
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            try (ResultSet r = s.executeQuery("SELECT table_name, column_name FROM information_schema.columns "
                    + "WHERE table_schema = current_schema()")) {
                while (r.next()) {
                    columns.computeIfAbsent(r.getString(1), t -> new HashSet<>()).add(r.getString(2));
                }
            }
            try (ResultSet r = s.executeQuery("SELECT cl.relname, a.attname, pcl.relname, pa.attname FROM pg_constraint k "
                    + "JOIN pg_class cl ON cl.oid = k.conrelid JOIN pg_class pcl ON pcl.oid = k.confrelid "
                    + "JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = k.conkey[1] "
                    + "JOIN pg_attribute pa ON pa.attrelid = k.confrelid AND pa.attnum = k.confkey[1] "
                    + "WHERE k.contype = 'f' AND array_length(k.conkey, 1) = 1 "
                    + "AND k.connamespace = current_schema()::regnamespace ORDER BY cl.relname, a.attname")) {
                while (r.next()) {
                    foreignKeys.computeIfAbsent(r.getString(1), t -> new ArrayList<>())
                            .add(new String[] {r.getString(2), r.getString(3), r.getString(4)});
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading the catalogue failed: " + e.getMessage(), e);
        }
        String start = "TIMESTAMPTZ '" + since + "'";
        String runCases = "(SELECT id FROM vid_case WHERE created_at >= " + start + ")";
        List<String> parts = new ArrayList<>();
        for (String table : columns.keySet().stream().sorted().toList()) {
            if (BOOKKEEPING.contains(table) || !columns.get(table).contains("id") && !foreignKeys.containsKey(table)
                    && !columns.get(table).contains("created_at")) {
                continue;
            }
            String scope = scope(table, columns, foreignKeys, start, runCases, 0);
            tables.add(table);
            String own = WRITTEN_IN_THE_BACKGROUND.get(table);
            String where = scope == null ? own : own == null ? scope : "(" + scope + ") AND " + own;
            parts.add("SELECT '" + table + "', count(*) FROM " + table + (where == null ? "" : " WHERE " + where));
        }
        return String.join(" UNION ALL ", parts);
    }

    private static String scope(String table, Map<String, Set<String>> columns, Map<String, List<String[]>> foreignKeys,
                                String start, String runCases, int depth) {
        Set<String> cols = columns.getOrDefault(table, Set.of());
        if (table.equals("vid_case")) {
            return "created_at >= " + start;
        }
        if (cols.contains("case_id")) {
            return "case_id IN " + runCases + (cols.contains("created_at")
                    ? " OR (case_id IS NULL AND created_at >= " + start + ")" : "");
        }
        if (depth < 4) {
            for (String[] fk : foreignKeys.getOrDefault(table, List.of())) {
                if (fk[1].equals(table)) {
                    continue;
                }
                String parent = scope(fk[1], columns, foreignKeys, start, runCases, depth + 1);
                if (parent != null) {
                    return fk[0] + " IN (SELECT " + fk[2] + " FROM " + fk[1] + " WHERE " + parent + ")";
                }
            }
        }
        return cols.contains("created_at") ? "created_at >= " + start : null;
    }
}
