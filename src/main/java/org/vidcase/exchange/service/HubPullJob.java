package org.vidcase.exchange.service;

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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.vidcase.audit.domain.AuditOutcome;
import org.vidcase.audit.service.AuditAction;
import org.vidcase.audit.service.AuditEntry;
import org.vidcase.audit.service.AuditTrail;
import org.vidcase.exchange.format.DeltaPage;
import org.vidcase.exchange.infra.HubClient;
import org.vidcase.hashset.service.RematchJob;
import org.vidcase.hashset.service.RematchParameters;
import org.vidcase.hashset.service.RematchService;
import org.vidcase.jobs.service.JobContext;
import org.vidcase.jobs.service.JobHandler;
import org.vidcase.matching.KnownHashIndex;
import org.vidcase.matching.MatchQuery;
import org.vidcase.matching.MatchingService;
import org.vidcase.matching.NewItem;
import org.vidcase.media.service.SeriesTextWritten;

/**
 * Pulls the hub's changes into the subscription set, a page at a time from the stored cursor, each
 * page one transaction (so a pull stopped anywhere resumes where the cursor stands, and a page
 * applied twice changes nothing). After each page this replica's index takes the changes at once
 * and the others follow the set's revision; then the open cases' items are matched against the new
 * entries (by their exact hashes) and the items whose entries were withdrawn or changed are decided
 * again, as a deactivated set's are, with their categorisation history written by matching. When
 * the pull added entries with a PDQ or vPDQ, the set's re-matching ({@link RematchJob}, then the
 * videos') is queued once at its end, so that near copies filed before are matched too.
 */
@ApplicationScoped
public class HubPullJob implements JobHandler {

    public static final String TYPE = "exchange-pull";
    private static final int MAX_REPLICA_WAIT_MS = 30_000;

    /** Which set the pull feeds. */
    public record Parameters(UUID setId, int indexId) {
    }

    private static final String CANDIDATES = """
            SELECT i.id, i.md5, i.sha1, i.sha256, i.photodna, i.pdq, i.pdq_quality, i.pdq_variants
            FROM media_item i JOIN vid_case c ON c.id = i.case_id
            WHERE c.status = 'OPEN'
              AND (i.md5 = ANY (?) OR i.sha1 = ANY (?) OR i.sha256 = ANY (?) OR i.photodna = ANY (?))
            """;

    private final HubClient hub;
    private final AgroalDataSource dataSource;
    private final KnownHashIndex index;
    private final MatchingService matching;
    private final ExchangeSettings settings;
    private final AuditTrail trail;
    private final ObjectMapper json;
    private final Event<SeriesTextWritten> seriesText;
    private final RematchService rematchService;

    public HubPullJob(HubClient hub, AgroalDataSource dataSource, KnownHashIndex index, MatchingService matching,
                      ExchangeSettings settings, AuditTrail trail, ObjectMapper json,
                      Event<SeriesTextWritten> seriesText, RematchService rematchService) {
        this.hub = hub;
        this.dataSource = dataSource;
        this.index = index;
        this.matching = matching;
        this.settings = settings;
        this.trail = trail;
        this.json = json;
        this.seriesText = seriesText;
        this.rematchService = rematchService;
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
        Parameters p = json.readValue(context.parameters(), Parameters.class);
        index.awaitLoaded(context::cancelled);
        Totals totals = new Totals();
        int pageSize = Math.max(1, Math.min(settings.config().hub().pageSize(), 10_000));
        try {
            while (!context.cancelled()) {
                String cursor = cursor(p.setId());
                DeltaPage page = hub.deltas(cursor, pageSize);
                if (page.entries().isEmpty()) {
                    if (page.cursor() != null && !page.cursor().equals(cursor)) {
                        QuarkusTransaction.requiringNew().run(() -> moveCursor(p.setId(), cursor, page.cursor()));
                    }
                    break;
                }
                SubscriptionWriter.Applied applied = QuarkusTransaction.requiringNew().call(() -> {
                    try (Connection c = dataSource.getConnection()) {
                        return SubscriptionWriter.apply(c, p.setId(), p.indexId(), cursor, page);
                    }
                });
                if (applied.skipped()) {
                    // Another pull moved the cursor on meanwhile: read where it stands now.
                    continue;
                }
                totals.add(applied);
                if (!totals.nearCopyHashes && !applied.added().isEmpty()) {
                    totals.nearCopyHashes = QuarkusTransaction.requiringNew().call(() -> {
                        try (Connection c = dataSource.getConnection()) {
                            return holdsNearCopyHashes(c, applied.added());
                        }
                    });
                }
                applied.refused().forEach(context::error);
                Timestamp committed = databaseNow();
                index.sync(p.indexId());
                awaitReplicas(committed, context);
                totals.matched += rematch(p, applied, context.owner());
                context.checkpoint(page.cursor());
                context.advance(page.entries().size());
                if (!page.more()) {
                    break;
                }
            }
        } catch (RuntimeException e) {
            if (context.stopping()) {
                return;
            }
            QuarkusTransaction.requiringNew().run(() -> lastError(p.setId(), e.getMessage()));
            trail.appendSeparately(AuditEntry.of(context.owner(), AuditAction.EXCHANGE_PULL, p.setId().toString(), null,
                    AuditOutcome.FAILED, null, null, "pull from " + settings.hubUrlIfSet().orElse("the hub") + " failed after "
                            + totals.describe() + ": " + e.getMessage()));
            throw e;
        }
        if (context.stopping()) {
            return;
        }
        // Items filed before match the new entries by exact hash above; near copies (PDQ, and vPDQ for
        // videos) need every open item compared, which the set's re-matching does once per pull.
        UUID nearCopies = totals.nearCopyHashes && !context.cancelled()
                ? QuarkusTransaction.requiringNew().call(() -> queueNearCopyMatching(p, context.owner())) : null;
        String summary = totals.describe() + (context.cancelled() ? " (cancelled)" : "")
                + (nearCopies == null ? "" : "; near copies filed before are matched by job " + nearCopies);
        context.message(summary);
        context.result(json.writeValueAsString(Map.of("added", totals.added, "updated", totals.updated,
                "withdrawn", totals.withdrawn, "refused", totals.refused, "itemsDecided", totals.matched)));
        trail.appendSeparately(AuditEntry.of(context.owner(), AuditAction.EXCHANGE_PULL, p.setId().toString(), null,
                context.cancelled() ? AuditOutcome.REFUSED : AuditOutcome.SUCCESS, null, null,
                "pull from " + settings.hubUrlIfSet().orElse("the hub") + ": " + summary));
    }

    /**
     * Matches the open cases' items that carry an exact hash of an added entry, and decides again
     * the items whose entries were withdrawn or changed; audits per case; returns the items decided.
     */
    private long rematch(Parameters p, SubscriptionWriter.Applied applied, String owner) {
        if (applied.added().isEmpty() && applied.withdrawn().isEmpty() && applied.updated().isEmpty()) {
            return 0;
        }
        Result result = QuarkusTransaction.requiringNew().call(() -> {
            try (Connection c = dataSource.getConnection()) {
                Set<UUID> touched = new LinkedHashSet<>();
                List<NewItem> candidates = candidates(c, applied.added());
                if (!candidates.isEmpty()) {
                    matching.match(c, candidates, set -> set == p.indexId());
                    candidates.forEach(i -> touched.add(i.mediaId()));
                }
                List<Long> changed = new ArrayList<>(applied.withdrawn());
                changed.addAll(applied.updated());
                List<UUID> matchedBefore = matchedItems(c, changed);
                if (!matchedBefore.isEmpty()) {
                    matching.decide(c, matchedBefore);
                    touched.addAll(matchedBefore);
                }
                Map<UUID, Long> byCase = byCase(c, touched);
                byCase.forEach((caseId, n) -> trail.append(AuditEntry.of(owner, AuditAction.EXCHANGE_PULL,
                        p.setId().toString(), caseId, AuditOutcome.SUCCESS, null, null, n + " items of this case matched "
                                + "or decided again against the hub subscription (revision " + applied.revision() + ")")));
                return new Result(touched.size(), byCase.keySet());
            }
        });
        if (!result.cases().isEmpty()) {
            seriesText.fire(new SeriesTextWritten(result.cases()));
        }
        return result.items();
    }

    private record Result(long items, Set<UUID> cases) {
    }

    private static boolean holdsNearCopyHashes(Connection c, List<Long> added) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT EXISTS (SELECT 1 FROM hash_set_entry WHERE id = ANY (?) "
                + "AND (pdq IS NOT NULL OR vpdq IS NOT NULL))")) {
            s.setArray(1, c.createArrayOf("bigint", added.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    /** Queues the set's re-matching unless one is queued and not yet started (it will see these entries too). */
    private UUID queueNearCopyMatching(Parameters p, String owner) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("""
                SELECT id FROM job WHERE type = ? AND state = 'QUEUED' AND CAST(parameters AS jsonb) ->> 'setId' = ?
                LIMIT 1""")) {
            s.setString(1, RematchJob.TYPE);
            s.setString(2, p.setId().toString());
            try (ResultSet rs = s.executeQuery()) {
                if (rs.next()) {
                    return rs.getObject(1, UUID.class);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the queued jobs", e);
        }
        return rematchService.submit(p.setId(), owner, RematchParameters.Reason.ENTRIES_ADDED);
    }

    private static List<NewItem> candidates(Connection c, List<Long> added) throws SQLException {
        if (added.isEmpty()) {
            return List.of();
        }
        List<String> md5 = new ArrayList<>();
        List<String> sha1 = new ArrayList<>();
        List<String> sha256 = new ArrayList<>();
        List<byte[]> photoDna = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(
                "SELECT md5, sha1, sha256, photodna FROM hash_set_entry WHERE id = ANY (?)")) {
            s.setArray(1, c.createArrayOf("bigint", added.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    addIfPresent(md5, rs.getString(1));
                    addIfPresent(sha1, rs.getString(2));
                    addIfPresent(sha256, rs.getString(3));
                    if (rs.getBytes(4) != null) {
                        photoDna.add(rs.getBytes(4));
                    }
                }
            }
        }
        List<NewItem> items = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(CANDIDATES)) {
            s.setArray(1, c.createArrayOf("text", md5.toArray()));
            s.setArray(2, c.createArrayOf("text", sha1.toArray()));
            s.setArray(3, c.createArrayOf("text", sha256.toArray()));
            s.setArray(4, c.createArrayOf("bytea", photoDna.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    short q = rs.getShort(7);
                    Integer quality = rs.wasNull() ? null : (int) q;
                    items.add(new NewItem(rs.getObject(1, UUID.class), new MatchQuery(rs.getString(2), rs.getString(3),
                            rs.getString(4), rs.getBytes(5), rs.getString(6), quality, rs.getBytes(8))));
                }
            }
        }
        return items;
    }

    private static void addIfPresent(List<String> list, String value) {
        if (value != null) {
            list.add(value);
        }
    }

    private static List<UUID> matchedItems(Connection c, List<Long> entries) throws SQLException {
        if (entries.isEmpty()) {
            return List.of();
        }
        List<UUID> ids = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(
                "SELECT DISTINCT media_id FROM media_match WHERE entry_id = ANY (?) ORDER BY media_id")) {
            s.setArray(1, c.createArrayOf("bigint", entries.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getObject(1, UUID.class));
                }
            }
        }
        return ids;
    }

    private static Map<UUID, Long> byCase(Connection c, Set<UUID> items) throws SQLException {
        Map<UUID, Long> byCase = new LinkedHashMap<>();
        if (items.isEmpty()) {
            return byCase;
        }
        try (PreparedStatement s = c.prepareStatement(
                "SELECT case_id, count(*) FROM media_item WHERE id = ANY (?) GROUP BY case_id ORDER BY case_id")) {
            s.setArray(1, c.createArrayOf("uuid", items.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    byCase.put(rs.getObject(1, UUID.class), rs.getLong(2));
                }
            }
        }
        return byCase;
    }

    private String cursor(UUID setId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            try (Connection c = dataSource.getConnection();
                 PreparedStatement s = c.prepareStatement("SELECT cursor FROM exchange_subscription WHERE hash_set_id = ?")) {
                s.setObject(1, setId);
                try (ResultSet rs = s.executeQuery()) {
                    if (!rs.next()) {
                        throw new IllegalStateException("the subscription " + setId + " is gone");
                    }
                    return rs.getString(1);
                }
            }
        });
    }

    private void moveCursor(UUID setId, String from, String to) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("""
                     UPDATE exchange_subscription SET cursor = ?, pulled_at = now(), last_error = NULL
                     WHERE hash_set_id = ? AND cursor IS NOT DISTINCT FROM ?""")) {
            s.setString(1, to);
            s.setObject(2, setId);
            s.setString(3, from);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void lastError(UUID setId, String message) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement(
                     "UPDATE exchange_subscription SET last_error = ? WHERE hash_set_id = ?")) {
            s.setString(1, message == null ? "failed" : PackageRecords.fit(message, 2000));
            s.setObject(2, setId);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
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

    /**
     * Waits (a while at most) until every live replica serves the page, so that items they file
     * from now on are matched against it too.
     */
    private void awaitReplicas(Timestamp committed, JobContext context) throws InterruptedException {
        long deadline = System.currentTimeMillis() + MAX_REPLICA_WAIT_MS;
        index.follow();
        while (!context.cancelled() && System.currentTimeMillis() < deadline && !index.replicasBehind(committed).isEmpty()) {
            Thread.sleep(200);
        }
    }

    private static final class Totals {
        long added;
        long updated;
        long withdrawn;
        long refused;
        long matched;
        boolean nearCopyHashes;

        void add(SubscriptionWriter.Applied a) {
            added += a.added().size();
            updated += a.updated().size();
            withdrawn += a.withdrawn().size();
            refused += a.refused().size();
        }

        String describe() {
            return added + " entries added, " + updated + " updated, " + withdrawn + " withdrawn, " + refused
                    + " refused; " + matched + " items matched or decided again";
        }
    }
}
