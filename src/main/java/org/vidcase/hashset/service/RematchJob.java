package org.vidcase.hashset.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
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
import org.vidcase.media.service.SeriesTextWritten;

/**
 * Retroactive matching: when a set's entries start to count (imported into an active set, or
 * activated) every media item of the open cases is matched against that set; when they stop
 * (deactivated) the items it matched are decided again without it. Pages by key, one transaction
 * per page, an audit event per case per page; resumes after the last committed page.
 *
 * <p>Before it scans, the job brings the index in line with the set's flag and waits until every
 * transaction that began before that has ended: an upload or import batch that was matched with
 * the old view of the set is then committed, and the scan sees it.
 */
@ApplicationScoped
public class RematchJob implements JobHandler {

    public static final String TYPE = "hash-set-rematch";
    static final int PAGE = 2_000;
    private static final Duration MAX_WAIT = Duration.ofMinutes(5);

    private static final String ITEMS = """
            SELECT i.id, i.md5, i.sha1, i.sha256, i.photodna, i.pdq, i.pdq_quality, i.pdq_variants
            FROM media_item i JOIN vid_case c ON c.id = i.case_id
            WHERE c.status = 'OPEN' AND i.id > ? ORDER BY i.id LIMIT ?
            """;
    // Keyset over the (entry_id, media_id) index; an item matched by several entries is decided
    // once per page it appears on, which is harmless.
    private static final String MATCHED_ITEMS = """
            SELECT m.entry_id, m.media_id FROM media_match m
            WHERE (m.entry_id, m.media_id) > (?, ?) AND m.entry_id < ?
            ORDER BY m.entry_id, m.media_id LIMIT ?
            """;
    private static final String CHANGED_BY_CASE = """
            SELECT i.case_id, count(*) FROM media_item i
            WHERE i.id = ANY (?) AND i.matched_at = now() GROUP BY i.case_id
            """;
    private static final String OLDER_TRANSACTIONS = """
            SELECT count(*) FROM pg_stat_activity
            WHERE datname = current_database() AND backend_type = 'client backend' AND pid <> pg_backend_pid()
              AND xact_start < ?
            """;

    private final AgroalDataSource dataSource;
    private final MatchingService matching;
    private final KnownHashIndex index;
    private final AuditTrail trail;
    private final ObjectMapper json;
    private final Event<SeriesTextWritten> seriesText;
    private final Event<HashSetStartedMatching> startedMatching;

    public RematchJob(AgroalDataSource dataSource, MatchingService matching, KnownHashIndex index, AuditTrail trail,
                      ObjectMapper json, Event<SeriesTextWritten> seriesText,
                      Event<HashSetStartedMatching> startedMatching) {
        this.seriesText = seriesText;
        this.startedMatching = startedMatching;
        this.dataSource = dataSource;
        this.matching = matching;
        this.index = index;
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
    public boolean tellsOwnerWhenEnded() {
        return false;
    }

    @Override
    public void run(JobContext context) throws Exception {
        RematchParameters p = json.readValue(context.parameters(), RematchParameters.class);
        boolean deactivated = p.reason() == RematchParameters.Reason.DEACTIVATED;
        index.awaitLoaded(context::cancelled);
        index.sync(p.indexId());
        List<String> unconfirmed = awaitReplicas(context);
        boolean settled = awaitOlderTransactions(context);
        String position = context.checkpoint();
        context.total(count(deactivated, p.indexId()));
        MatchSummary total = MatchSummary.NONE;
        while (!context.cancelled()) {
            String from = position;
            Page page = QuarkusTransaction.requiringNew().call(() -> {
                try (Connection c = dataSource.getConnection()) {
                    Page result = deactivated ? decidePage(c, p.indexId(), from) : matchPage(c, p.indexId(), from);
                    return result.withCases(auditByCase(c, result, p, context.owner()));
                }
            });
            if (page.size == 0) {
                break;
            }
            if (!page.cases.isEmpty()) {
                seriesText.fire(new SeriesTextWritten(page.cases));
            }
            total = total.plus(page.summary);
            position = page.position;
            context.checkpoint(position);
            context.advance(page.size);
        }
        if (context.stopping()) {
            return;
        }
        String summary = (deactivated ? "set deactivated; items it matched decided again: " : "")
                + total.describe() + (context.cancelled() ? " (cancelled)" : "")
                + (settled ? "" : "; transactions older than the change were still open after " + MAX_WAIT.toMinutes()
                        + " minutes: items they add may need matching again")
                + (unconfirmed.isEmpty() ? "" : "; replicas " + unconfirmed + " did not confirm serving the change within "
                        + MAX_WAIT.toMinutes() + " minutes: items they filed meanwhile may need matching again");
        context.message(summary);
        context.result(json.writeValueAsString(total));
        trail.appendSeparately(AuditEntry.of(context.owner(), AuditAction.HASHSET_REMATCH, p.setId().toString(), null,
                context.cancelled() ? AuditOutcome.REFUSED : AuditOutcome.SUCCESS, null, null,
                p.reason() + ": " + summary));
        if (!deactivated && !context.cancelled()) {
            startedMatching.fire(new HashSetStartedMatching(p.setId(), p.indexId(), context.owner()));
        }
    }

    /**
     * Waits until every live replica (one that confirmed within {@code vidcase.matching.replica-timeout})
     * confirms serving a hash_set state at least as new as now, so that no replica goes on filing
     * items against the old state once the scan has begun; returns those that did not in time.
     */
    private List<String> awaitReplicas(JobContext context) throws InterruptedException {
        Timestamp now = databaseNow();
        index.follow();
        long deadline = System.nanoTime() + MAX_WAIT.toNanos();
        List<String> waiting = List.of();
        while (!context.cancelled()) {
            waiting = index.replicasBehind(now);
            if (waiting.isEmpty() || System.nanoTime() > deadline) {
                break;
            }
            context.message("waiting for replicas to serve the change: " + waiting);
            Thread.sleep(200);
        }
        return waiting;
    }

    private Timestamp databaseNow() {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT clock_timestamp()");
             ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getTimestamp(1);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the database clock", e);
        }
    }

    /** Waits until no transaction that began before now is open; false if one outlived the wait. */
    private boolean awaitOlderTransactions(JobContext context) throws InterruptedException {
        Timestamp now;
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT clock_timestamp()");
             ResultSet rs = s.executeQuery()) {
            rs.next();
            now = rs.getTimestamp(1);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the database clock", e);
        }
        long deadline = System.nanoTime() + MAX_WAIT.toNanos();
        while (System.nanoTime() < deadline && !context.cancelled()) {
            try (Connection c = dataSource.getConnection();
                 PreparedStatement s = c.prepareStatement(OLDER_TRANSACTIONS)) {
                s.setTimestamp(1, now);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    if (rs.getLong(1) == 0) {
                        return true;
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException("Could not read the open transactions", e);
            }
            Thread.sleep(200);
        }
        return false;
    }

    private long count(boolean deactivated, int indexId) throws Exception {
        return QuarkusTransaction.requiringNew().call(() -> {
            try (Connection c = dataSource.getConnection();
                 PreparedStatement s = c.prepareStatement(deactivated
                         ? "SELECT count(*) FROM media_match WHERE entry_id >= ? AND entry_id < ?"
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

    private Page matchPage(Connection c, int indexId, String after) throws Exception {
        List<NewItem> items = new ArrayList<>(PAGE);
        try (PreparedStatement s = c.prepareStatement(ITEMS)) {
            s.setObject(1, after == null ? new UUID(0, 0) : UUID.fromString(after));
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
            return new Page(0, after, List.of(), MatchSummary.NONE);
        }
        MatchSummary summary = matching.match(c, items, set -> set == indexId);
        return new Page(items.size(), items.get(items.size() - 1).mediaId().toString(),
                items.stream().map(NewItem::mediaId).toList(), summary);
    }

    private Page decidePage(Connection c, int indexId, String after) throws Exception {
        long afterEntry = EntryIds.first(indexId) - 1;
        UUID afterMedia = new UUID(0, 0);
        if (after != null) {
            int colon = after.indexOf(':');
            afterEntry = Long.parseLong(after.substring(0, colon));
            afterMedia = UUID.fromString(after.substring(colon + 1));
        }
        LinkedHashSet<UUID> ids = new LinkedHashSet<>();
        long lastEntry = afterEntry;
        UUID lastMedia = afterMedia;
        int rows = 0;
        try (PreparedStatement s = c.prepareStatement(MATCHED_ITEMS)) {
            s.setLong(1, afterEntry);
            s.setObject(2, afterMedia);
            s.setLong(3, EntryIds.end(indexId));
            s.setInt(4, PAGE);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    lastEntry = rs.getLong(1);
                    lastMedia = rs.getObject(2, UUID.class);
                    ids.add(lastMedia);
                    rows++;
                }
            }
        }
        if (rows == 0) {
            return new Page(0, after, List.of(), MatchSummary.NONE);
        }
        List<UUID> items = List.copyOf(ids);
        return new Page(rows, lastEntry + ":" + lastMedia, items, matching.decide(c, items));
    }

    /** One audit event per case whose items this page matched or decided again, in the page's transaction. */
    /** Audits the page per case it changed; returns those cases. */
    private Set<UUID> auditByCase(Connection c, Page page, RematchParameters p, String actor) throws SQLException {
        Set<UUID> cases = new HashSet<>();
        if (page.items.isEmpty()) {
            return cases;
        }
        try (PreparedStatement s = c.prepareStatement(CHANGED_BY_CASE)) {
            s.setArray(1, c.createArrayOf("uuid", page.items.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    cases.add(rs.getObject(1, UUID.class));
                    trail.append(AuditEntry.of(actor, AuditAction.HASHSET_REMATCH, p.setId().toString(),
                            rs.getObject(1, UUID.class), AuditOutcome.SUCCESS, null, null,
                            rs.getLong(2) + " items of this case " + (p.reason() == RematchParameters.Reason.DEACTIVATED
                                    ? "decided again without the deactivated set" : "matched against the set")
                                    + " (" + p.reason() + ")"));
                }
            }
        }
        return cases;
    }

    private record Page(int size, String position, List<UUID> items, MatchSummary summary, Set<UUID> cases) {
        Page(int size, String position, List<UUID> items, MatchSummary summary) {
            this(size, position, items, summary, Set.of());
        }

        Page withCases(Set<UUID> changed) {
            return new Page(size, position, items, summary, changed);
        }
    }
}
