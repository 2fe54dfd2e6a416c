package org.vidcase.hub.service;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.Session;
import org.vidcase.audit.service.AuditAction;
import org.vidcase.audit.service.AuditDetails;
import org.vidcase.audit.service.Audited;
import org.vidcase.exchange.format.DeltaEntry;
import org.vidcase.exchange.format.DeltaPage;
import org.vidcase.exchange.format.MediaKind;
import org.vidcase.exchange.format.VpdqFrame;
import org.vidcase.exchange.service.ExchangeSettings;
import org.vidcase.shared.security.Login;

/**
 * The hub's changes for the nodes: every entry whose change number is after the cursor, oldest
 * change first, in its current state (a withdrawn entry as a tombstone). The cursor is the last
 * change number of the page; asking again with the same cursor gives the same entries or newer
 * states of them, so a node that applies a page twice changes nothing. Change numbers are assigned
 * under the merge lock and so commit in order: a page never skips a change committed later.
 */
@ApplicationScoped
public class DeltaService {

    private static final String PAGE = """
            SELECT e.id, e.live, e.md5, e.sha1, e.sha256, e.pdq, e.pdq_quality, e.photodna, e.vpdq, e.media_type,
                   e.category, e.status, e.baseline, e.submissions, e.agreeing, e.series_group,
                   (SELECT count(DISTINCT s.country) FROM hub_series s WHERE s.group_id = e.series_group),
                   e.victim_identified, e.offender_identified, e.distributed, e.first_submitted, e.change_seq
            FROM hub_entry e WHERE e.change_seq > ? ORDER BY e.change_seq LIMIT ?
            """;

    private final ExchangeSettings settings;
    private final NodeRegistry registry;
    private final SecurityIdentity identity;
    private final EntityManager em;
    private final ObjectMapper json;

    public DeltaService(ExchangeSettings settings, NodeRegistry registry, SecurityIdentity identity, EntityManager em,
                        ObjectMapper json) {
        this.settings = settings;
        this.registry = registry;
        this.identity = identity;
        this.em = em;
        this.json = json;
    }

    @Audited(AuditAction.HUB_DELTAS)
    public DeltaPage page(String cursor, int limit) {
        settings.requireHub("Deltas");
        String client = Login.of(identity.getPrincipal()).map(Login::client).orElse(null);
        registry.activeNode(client).orElseThrow(() -> new PackageRefusedException(403, "Client " + client
                + " is not a registered, active node of this hub"));
        long after = parse(cursor);
        int size = Math.max(1, Math.min(limit, settings.config().maxPageSize()));
        List<DeltaEntry> entries = new ArrayList<>();
        long[] last = {after};
        boolean more = em.unwrap(Session.class).doReturningWork(c -> {
            try (PreparedStatement s = c.prepareStatement(PAGE)) {
                s.setLong(1, after);
                s.setInt(2, size + 1);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        if (entries.size() == size) {
                            return true;
                        }
                        entries.add(entry(rs));
                        last[0] = rs.getLong(22);
                    }
                }
            }
            return false;
        });
        AuditDetails.record("delta for " + client + " after " + after + ": " + entries.size() + " entries"
                + (more ? ", more to come" : ""));
        return new DeltaPage(Long.toString(last[0]), more, entries);
    }

    private DeltaEntry entry(ResultSet rs) throws java.sql.SQLException {
        long id = rs.getLong(1);
        if (!rs.getBoolean(2)) {
            return DeltaEntry.tombstone(id);
        }
        short q = rs.getShort(7);
        Integer quality = rs.wasNull() ? null : (int) q;
        long group = rs.getLong(16);
        boolean hasGroup = !rs.wasNull();
        java.sql.Date first = rs.getDate(21);
        return new DeltaEntry(id, true, rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), quality,
                rs.getString(8), frames(rs.getString(9)), MediaKind.valueOf(rs.getString(10)), rs.getString(11),
                rs.getString(12), rs.getBoolean(13), rs.getInt(14), rs.getInt(15), hasGroup ? "INTL-" + group : null,
                hasGroup ? rs.getInt(17) : 0, rs.getBoolean(18), rs.getBoolean(19), rs.getBoolean(20),
                first == null ? null : first.toLocalDate());
    }

    private List<VpdqFrame> frames(String text) {
        if (text == null) {
            return null;
        }
        try {
            return json.readValue(text, new TypeReference<List<VpdqFrame>>() { });
        } catch (IOException e) {
            throw new IllegalStateException("stored vPDQ frames cannot be read", e);
        }
    }

    private static long parse(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return 0;
        }
        try {
            long value = Long.parseLong(cursor.strip());
            if (value < 0) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("cursor must be a cursor this hub gave (a number), not '"
                    + (cursor.length() > 40 ? cursor.substring(0, 40) + "..." : cursor) + "'");
        }
    }
}
