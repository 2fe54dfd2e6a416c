package org.vidcase.video.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.vidcase.audit.domain.AuditOutcome;
import org.vidcase.audit.service.AuditAction;
import org.vidcase.audit.service.AuditEntry;
import org.vidcase.audit.service.AuditTrail;
import org.vidcase.hashing.video.VpdqSignature;
import org.vidcase.hashset.service.HashSetStartedMatching;
import org.vidcase.jobs.service.JobContext;
import org.vidcase.jobs.service.JobHandler;
import org.vidcase.jobs.service.JobService;
import org.vidcase.matching.EntryIds;
import org.vidcase.matching.MatchRecorder.VideoMatch;
import org.vidcase.matching.MatchSummary;
import org.vidcase.matching.MatchingService;
import org.vidcase.media.service.SeriesTextWritten;

/**
 * Retroactive matching of videos: when a set with picture or video hashes starts to count, the
 * videos of the open cases that were hashed before are matched against it as a newly decoded one
 * is (vPDQ against its known videos, each frame against its known pictures), their new matches
 * stored and each item decided again. A set that stops counting needs nothing here: the rematch
 * job decides again every item it matched, videos included. Pages by media id, one transaction a
 * page with an audit event per case whose videos matched; resumes after the last committed page.
 */
@ApplicationScoped
public class VideoRematchJob implements JobHandler {

    public static final String TYPE = "video-rematch";
    static final int PAGE = 200;

    private static final String HAS_FRAME_HASHES = """
            SELECT EXISTS (SELECT 1 FROM hash_set_entry WHERE id >= ? AND id < ? AND (vpdq IS NOT NULL OR pdq IS NOT NULL))
            """;
    private static final String VIDEOS = """
            SELECT h.media_id, h.case_id, h.frames FROM video_hash h JOIN vid_case c ON c.id = h.case_id
            WHERE c.status = 'OPEN' AND h.media_id > ? ORDER BY h.media_id LIMIT ?
            """;
    private static final String COUNT = """
            SELECT count(*) FROM video_hash h JOIN vid_case c ON c.id = h.case_id WHERE c.status = 'OPEN'
            """;

    private final AgroalDataSource dataSource;
    private final VideoResults results;
    private final MatchingService matching;
    private final JobService jobs;
    private final AuditTrail trail;
    private final ObjectMapper json;
    private final Event<SeriesTextWritten> seriesText;

    public VideoRematchJob(AgroalDataSource dataSource, VideoResults results, MatchingService matching, JobService jobs,
                           AuditTrail trail, ObjectMapper json, Event<SeriesTextWritten> seriesText) {
        this.seriesText = seriesText;
        this.dataSource = dataSource;
        this.results = results;
        this.matching = matching;
        this.jobs = jobs;
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

    /** Queued once the pictures were matched against the set, if the set holds hashes a video can match. */
    void onSetStartedMatching(@Observes HashSetStartedMatching started) {
        QuarkusTransaction.requiringNew().run(() -> {
            if (holdsFrameHashes(started.indexId())) {
                jobs.submit(TYPE, null, started.actor(), parameters(started));
            }
        });
    }

    private boolean holdsFrameHashes(int indexId) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(HAS_FRAME_HASHES)) {
            s.setLong(1, EntryIds.first(indexId));
            s.setLong(2, EntryIds.end(indexId));
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the set's entries", e);
        }
    }

    private String parameters(HashSetStartedMatching started) {
        try {
            return json.writeValueAsString(Map.of("setId", started.setId().toString(), "indexId", started.indexId()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void run(JobContext context) throws Exception {
        JsonNode p = json.readTree(context.parameters());
        String setId = p.get("setId").asText();
        int indexId = p.get("indexId").asInt();
        context.total(QuarkusTransaction.requiringNew().call(this::count));
        String position = context.checkpoint();
        long videos = 0;
        long matched = 0;
        long alert = 0;
        while (!context.cancelled() && !context.stopping()) {
            String from = position;
            Page page = QuarkusTransaction.requiringNew().call(() -> matchPage(from, indexId, setId, context.owner()));
            if (page.size == 0) {
                break;
            }
            if (!page.cases.isEmpty()) {
                // A set's entry may name a series: the decision wrote it, as the picture rematch does.
                seriesText.fire(new SeriesTextWritten(page.cases));
            }
            videos += page.size;
            matched += page.matched;
            alert += page.alert;
            position = page.position;
            context.checkpoint(position);
            context.advance(page.size);
        }
        if (context.stopping()) {
            return;
        }
        String summary = videos + " videos matched against the set's picture and video hashes; " + matched
                + " matched it, " + alert + " of them now alerts" + (context.cancelled() ? " (cancelled)" : "");
        context.message(summary);
        context.result(json.writeValueAsString(Map.of("videos", videos, "matched", matched, "alert", alert)));
        trail.appendSeparately(AuditEntry.of(context.owner(), AuditAction.HASHSET_REMATCH, setId, null,
                context.cancelled() ? AuditOutcome.REFUSED : AuditOutcome.SUCCESS, null, null, "videos: " + summary));
    }

    private long count() throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(COUNT);
             ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private Page matchPage(String after, int indexId, String setId, String actor) throws SQLException {
        long first = EntryIds.first(indexId);
        long end = EntryIds.end(indexId);
        List<UUID> ids = new ArrayList<>(PAGE);
        Map<UUID, Integer> matchedByCase = new TreeMap<>();
        long matched = 0;
        long alert = 0;
        try (Connection c = dataSource.getConnection()) {
            List<Row> rows = new ArrayList<>(PAGE);
            try (PreparedStatement s = c.prepareStatement(VIDEOS)) {
                s.setObject(1, after == null ? new UUID(0, 0) : UUID.fromString(after));
                s.setInt(2, PAGE);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        rows.add(new Row(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getBytes(3)));
                    }
                }
            }
            for (Row row : rows) {
                ids.add(row.mediaId);
                List<VideoMatch> withSet = results.matches(VpdqSignature.fromBytes(row.frames)).stream()
                        .filter(m -> m.entryId() >= first && m.entryId() < end).toList();
                if (withSet.isEmpty()) {
                    continue;
                }
                MatchSummary decided = matching.recordVideo(c, row.mediaId, withSet);
                matched++;
                alert += decided.alertItems();
                matchedByCase.merge(row.caseId, 1, Integer::sum);
            }
        }
        matchedByCase.forEach((caseId, n) -> trail.append(AuditEntry.of(actor, AuditAction.HASHSET_REMATCH, setId, caseId,
                AuditOutcome.SUCCESS, null, null, n + " videos of this case matched the set by their frames")));
        return new Page(ids.size(), ids.isEmpty() ? after : ids.get(ids.size() - 1).toString(), matched, alert,
                Set.copyOf(matchedByCase.keySet()));
    }

    private record Row(UUID mediaId, UUID caseId, byte[] frames) {
    }

    private record Page(int size, String position, long matched, long alert, Set<UUID> cases) {
    }
}
