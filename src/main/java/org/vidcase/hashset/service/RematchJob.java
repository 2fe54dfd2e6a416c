package org.vidcase.hashset.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.vidcase.audit.domain.AuditOutcome;
import org.vidcase.audit.service.AuditAction;
import org.vidcase.audit.service.AuditEntry;
import org.vidcase.audit.service.AuditTrail;
import org.vidcase.jobs.service.JobContext;
import org.vidcase.jobs.service.JobHandler;
import org.vidcase.matching.EntryIds;
import org.vidcase.matching.KnownHashIndex;
import org.vidcase.matching.MatchQuery;
import org.vidcase.matching.MatchSummary;
import org.vidcase.matching.MatchingService;
import org.vidcase.matching.NewItem;

/**
 * Retroactive matching: when a set's entries start to count (imported into an active set, or
 * activated) every media item of the open cases is matched against that set; when they stop
 * (deactivated) the items it matched are decided again without it. Pages by item id, one
 * transaction per page; resumes after the last committed page.
 */
@ApplicationScoped
public class RematchJob implements JobHandler {

    public static final String TYPE = "hash-set-rematch";
    static final int PAGE = 2_000;

    private static final String ITEMS = """
            SELECT i.id, i.md5, i.sha1, i.sha256, i.photodna, i.pdq, i.pdq_quality, i.pdq_variants
            FROM media_item i JOIN vid_case c ON c.id = i.case_id
            WHERE c.status = 'OPEN' AND i.id > ? ORDER BY i.id LIMIT ?
            """;
    private static final String MATCHED_ITEMS = """
            SELECT DISTINCT m.media_id FROM media_match m
            WHERE m.entry_id >= ? AND m.entry_id < ? AND m.media_id > ? ORDER BY m.media_id LIMIT ?
            """;

    private final AgroalDataSource dataSource;
    private final MatchingService matching;
    private final KnownHashIndex index;
    private final AuditTrail trail;
    private final ObjectMapper json;

    public RematchJob(AgroalDataSource dataSource, MatchingService matching, KnownHashIndex index, AuditTrail trail,
                      ObjectMapper json) {
        this.index = index;
        this.dataSource = dataSource;
        this.matching = matching;
        this.trail = trail;
        this.json = json;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public boolean resumable() {
        return true;
    }

    @Override
    public void run(JobContext context) throws Exception {
        RematchParameters p = json.readValue(context.parameters(), RematchParameters.class);
        UUID after = context.checkpoint() == null ? new UUID(0, 0)
                : UUID.fromString(context.checkpoint());
        boolean deactivated = p.reason() == RematchParameters.Reason.DEACTIVATED;
        if (!deactivated) {
            // Queued with the import's last commit: the set may not be in the indexes yet.
            index.loadSet(p.indexId());
        }
        context.total(count(deactivated, p.indexId()));
        MatchSummary total = MatchSummary.NONE;
        while (!context.cancelled()) {
            UUID from = after;
            Page page = QuarkusTransaction.requiringNew().call(() -> {
                try (Connection c = dataSource.getConnection()) {
                    return deactivated ? decidePage(c, p.indexId(), from) : matchPage(c, p.indexId(), from);
                }
            });
            if (page.size == 0) {
                break;
            }
            total = total.plus(page.summary);
            after = page.last;
            context.checkpoint(after.toString());
            context.advance(page.size);
        }
        if (context.stopping()) {
            return;
        }
        String summary = (deactivated ? "set deactivated; items it matched decided again: " : "")
                + total.describe() + (context.cancelled() ? " (cancelled)" : "");
        context.message(summary);
        context.result(json.writeValueAsString(total));
        trail.appendSeparately(AuditEntry.of(context.owner(), AuditAction.HASHSET_REMATCH, p.setId().toString(), null,
                context.cancelled() ? AuditOutcome.REFUSED : AuditOutcome.SUCCESS, null, null,
                p.reason() + ": " + summary));
    }

    private long count(boolean deactivated, int indexId) throws Exception {
        return QuarkusTransaction.requiringNew().call(() -> {
            try (Connection c = dataSource.getConnection();
                 PreparedStatement s = c.prepareStatement(deactivated
                         ? "SELECT count(DISTINCT media_id) FROM media_match WHERE entry_id >= ? AND entry_id < ?"
                         : "SELECT count(*) FROM media_item i JOIN vid_case c ON c.id = i.case_id WHERE c.status = 'OPEN'")) {
                if (deactivated) {
                    s.setLong(1, EntryIds.first(indexId));
                    s.setLong(2, EntryIds.end(indexId));
                }
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    private Page matchPage(Connection c, int indexId, UUID after) throws Exception {
        List<NewItem> items = new ArrayList<>(PAGE);
        try (PreparedStatement s = c.prepareStatement(ITEMS)) {
            s.setObject(1, after);
            s.setInt(2, PAGE);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    short quality = rs.getShort(7);
                    Integer q = rs.wasNull() ? null : (int) quality;
                    items.add(new NewItem(rs.getObject(1, UUID.class), new MatchQuery(rs.getString(2), rs.getString(3),
                            rs.getString(4), rs.getBytes(5), rs.getString(6), q, rs.getBytes(8))));
                }
            }
        }
        if (items.isEmpty()) {
            return new Page(0, after, MatchSummary.NONE);
        }
        MatchSummary summary = matching.match(c, items, set -> set == indexId);
        return new Page(items.size(), items.get(items.size() - 1).mediaId(), summary);
    }

    private Page decidePage(Connection c, int indexId, UUID after) throws Exception {
        List<UUID> ids = new ArrayList<>(PAGE);
        try (PreparedStatement s = c.prepareStatement(MATCHED_ITEMS)) {
            s.setLong(1, EntryIds.first(indexId));
            s.setLong(2, EntryIds.end(indexId));
            s.setObject(3, after);
            s.setInt(4, PAGE);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getObject(1, UUID.class));
                }
            }
        }
        if (ids.isEmpty()) {
            return new Page(0, after, MatchSummary.NONE);
        }
        return new Page(ids.size(), ids.get(ids.size() - 1), matching.decide(c, ids));
    }

    private record Page(int size, UUID last, MatchSummary summary) {
    }
}
