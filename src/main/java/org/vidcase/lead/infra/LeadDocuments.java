package org.vidcase.lead.infra;

import java.sql.Array;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.vidcase.search.text.SearchText;

/**
 * Reads the current state of leads into their search documents. The index has only the core
 * {@code whitespace} analyzer, so text is folded and split here with {@link SearchText}, the same
 * way queries are: title, reference, description, comments and the values of live clues (a
 * withdrawn clue is not found any more).
 */
public final class LeadDocuments {

    /** A lead's document. */
    public record Document(UUID id, Map<String, Object> source) {
    }

    private static final class Draft {
        final Map<String, Object> source = new LinkedHashMap<>();
        final Set<String> all = new LinkedHashSet<>();
        final Set<String> title = new LinkedHashSet<>();
        final Set<String> clues = new LinkedHashSet<>();
        final Set<String> types = new LinkedHashSet<>();
        final List<String> assignees = new ArrayList<>();
    }

    public List<Document> load(Connection c, Collection<UUID> ids) throws SQLException {
        Map<UUID, Draft> drafts = new LinkedHashMap<>();
        Array array = c.createArrayOf("uuid", ids.toArray());
        try (PreparedStatement s = c.prepareStatement("""
                SELECT id, case_id, reference, title, description, status, coalesce(score_override, score), due_date,
                       created_at, updated_at FROM lead WHERE id = ANY(?)""")) {
            s.setArray(1, array);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    Draft d = new Draft();
                    UUID id = r.getObject(1, UUID.class);
                    d.source.put("id", id.toString());
                    d.source.put("case_id", r.getObject(2, UUID.class).toString());
                    String reference = r.getString(3);
                    d.source.put("reference", reference);
                    d.title.addAll(SearchText.indexTokens(r.getString(4)));
                    d.title.addAll(SearchText.indexTokens(reference));
                    d.all.addAll(d.title);
                    d.all.addAll(SearchText.indexTokens(r.getString(5)));
                    String status = r.getString(6);
                    d.source.put("status", status);
                    d.source.put("open", !"CLOSED".equals(status));
                    d.source.put("score", r.getShort(7));
                    Date due = r.getDate(8);
                    d.source.put("due_date", due == null ? null : due.toLocalDate().toString());
                    d.source.put("created_at", instant(r.getTimestamp(9)));
                    d.source.put("updated_at", instant(r.getTimestamp(10)));
                    drafts.put(id, d);
                }
            }
        }
        if (drafts.isEmpty()) {
            return List.of();
        }
        try (PreparedStatement s = c.prepareStatement(
                "SELECT lead_id, username FROM lead_assignee WHERE lead_id = ANY(?) ORDER BY username")) {
            s.setArray(1, array);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    drafts.get(r.getObject(1, UUID.class)).assignees.add(r.getString(2));
                }
            }
        }
        try (PreparedStatement s = c.prepareStatement(
                "SELECT lead_id, clue_type, value FROM lead_clue WHERE lead_id = ANY(?) AND withdrawn_at IS NULL")) {
            s.setArray(1, array);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    Draft d = drafts.get(r.getObject(1, UUID.class));
                    d.types.add(r.getString(2));
                    List<String> tokens = SearchText.indexTokens(r.getString(3));
                    d.clues.addAll(tokens);
                    d.all.addAll(tokens);
                }
            }
        }
        try (PreparedStatement s = c.prepareStatement("SELECT lead_id, body FROM lead_comment WHERE lead_id = ANY(?)")) {
            s.setArray(1, array);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    drafts.get(r.getObject(1, UUID.class)).all.addAll(SearchText.indexTokens(r.getString(2)));
                }
            }
        }
        List<Document> out = new ArrayList<>(drafts.size());
        drafts.forEach((id, d) -> {
            d.source.put("assignees", d.assignees);
            d.source.put("clue_types", List.copyOf(d.types));
            d.source.put("search_text", String.join(" ", d.all));
            d.source.put("title_text", String.join(" ", d.title));
            d.source.put("clue_text", String.join(" ", d.clues));
            out.add(new Document(id, d.source));
        });
        return out;
    }

    private static String instant(Timestamp t) {
        return t == null ? null : t.toInstant().toString();
    }
}
