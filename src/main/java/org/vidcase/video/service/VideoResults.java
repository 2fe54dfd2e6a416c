package org.vidcase.video.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.hibernate.Session;
import org.vidcase.audit.domain.AuditOutcome;
import org.vidcase.audit.service.AuditAction;
import org.vidcase.audit.service.AuditEntry;
import org.vidcase.audit.service.AuditTrail;
import org.vidcase.hashing.PdqHash;
import org.vidcase.hashing.video.KeyFrameSelector.KeyFrame;
import org.vidcase.hashing.video.VideoFrameHash;
import org.vidcase.hashing.video.VideoHashResult;
import org.vidcase.hashing.video.VideoInfo;
import org.vidcase.hashing.video.VpdqSignature;
import org.vidcase.index.VideoFrameIndex;
import org.vidcase.matching.KnownHashIndex;
import org.vidcase.matching.KnownMatch;
import org.vidcase.matching.MatchQuery;
import org.vidcase.matching.MatchRecorder.VideoMatch;
import org.vidcase.matching.MatchSummary;
import org.vidcase.matching.MatchType;
import org.vidcase.matching.MatchingConfig;
import org.vidcase.matching.MatchingService;
import org.vidcase.matching.ReferenceVideoIndex;
import org.vidcase.media.infra.EvidenceStore;
import org.vidcase.media.infra.EvidenceStore.StagedEvidence;

/**
 * Records what decoding a video came to, in one transaction: its vPDQ hash, its key frames (stored
 * encrypted beforehand, removed again if the transaction fails, so nothing is half-stored), its
 * container facts and state, its matches with the reference sets (vPDQ against known videos, each
 * frame against known pictures) and their decision, series suggestions from pictures of the case's
 * series that a frame shows, and the audit event. A video that could not be hashed is marked
 * FAILED with the reason and stays a hash-only item.
 */
@ApplicationScoped
public class VideoResults {

    private static final int MIN_QUALITY = 50;

    private final EntityManager em;
    private final EvidenceStore store;
    private final MatchingService matching;
    private final KnownHashIndex known;
    private final ReferenceVideoIndex referenceVideos;
    private final MatchingConfig matchingConfig;
    private final VideoConfig config;
    private final AuditTrail trail;

    public VideoResults(EntityManager em, EvidenceStore store, MatchingService matching, KnownHashIndex known,
                        ReferenceVideoIndex referenceVideos, MatchingConfig matchingConfig, VideoConfig config,
                        AuditTrail trail) {
        this.em = em;
        this.store = store;
        this.matching = matching;
        this.known = known;
        this.referenceVideos = referenceVideos;
        this.matchingConfig = matchingConfig;
        this.config = config;
        this.trail = trail;
    }

    /** @return what became of the item, for the job's message */
    public String record(UUID mediaId, UUID caseId, VideoHashResult result, String actor) throws IOException {
        if (result instanceof VideoHashResult.Failed failed) {
            return QuarkusTransaction.requiringNew().call(() -> failed(mediaId, caseId, failed, actor));
        }
        VideoHashResult.Hashed hashed = (VideoHashResult.Hashed) result;
        List<StoredKeyFrame> stored = storeKeyFrames(hashed.keyFrames(), caseId);
        try {
            return QuarkusTransaction.requiringNew().call(() -> hashed(mediaId, caseId, hashed, stored, actor));
        } catch (RuntimeException e) {
            stored.forEach(k -> store.remove(k.objectKey()));
            throw e;
        }
    }

    private record StoredKeyFrame(KeyFrame frame, String objectKey, String wrappedKey, String sha256, long size,
                                  int width, int height) {
    }

    /** Key frames are the case's evidence: encrypted under data keys wrapped under the case's key. */
    private List<StoredKeyFrame> storeKeyFrames(List<KeyFrame> keyFrames, UUID caseId) throws IOException {
        List<StoredKeyFrame> out = new ArrayList<>();
        try {
            for (KeyFrame k : keyFrames) {
                StagedEvidence staged = store.stage(new ByteArrayInputStream(k.picture()), "keyframes/", caseId);
                out.add(new StoredKeyFrame(k, staged.stagingKey(), staged.wrappedKey().storageForm(),
                        staged.digest().sha256(), staged.digest().size(),
                        staged.digest().width() == null ? 0 : staged.digest().width(),
                        staged.digest().height() == null ? 0 : staged.digest().height()));
            }
        } catch (IOException | RuntimeException e) {
            out.forEach(k -> store.remove(k.objectKey()));
            throw e;
        }
        return out;
    }

    private String failed(UUID mediaId, UUID caseId, VideoHashResult.Failed failed, String actor) {
        VideoInfo info = failed.info();
        int updated = em.createNativeQuery("""
                        UPDATE media_item SET video_state = 'FAILED', video_failure = ?2, video_container = ?3,
                               video_codec = ?4, video_duration_seconds = ?5, video_frame_rate = ?6,
                               version = version + 1
                        WHERE id = ?1 AND video_state = 'PENDING'""")
                .setParameter(1, mediaId).setParameter(2, truncate(failed.reason(), 2000))
                .setParameter(3, info == null ? null : truncate(info.container(), 100))
                .setParameter(4, info == null ? null : truncate(info.codec(), 100))
                .setParameter(5, info == null || info.durationSeconds() <= 0 ? null : info.durationSeconds())
                .setParameter(6, info == null || info.frameRate() <= 0 ? null : info.frameRate())
                .executeUpdate();
        if (updated == 0) {
            return "the item was no longer waiting to be decoded; nothing was changed";
        }
        trail.append(AuditEntry.of(actor, AuditAction.MEDIA_VIDEO_HASH, mediaId.toString(), caseId, AuditOutcome.FAILED,
                null, null, "kept hash-only: " + failed.reason()));
        return "kept hash-only: " + failed.reason();
    }

    private String hashed(UUID mediaId, UUID caseId, VideoHashResult.Hashed hashed, List<StoredKeyFrame> keyFrames,
                          String actor) throws SQLException {
        @SuppressWarnings("unchecked")
        List<Object> pending = em.createNativeQuery(
                "SELECT id FROM media_item WHERE id = ?1 AND video_state = 'PENDING' FOR UPDATE")
                .setParameter(1, mediaId).getResultList();
        if (pending.isEmpty()) {
            throw new IllegalStateException("video " + mediaId + " is no longer waiting to be decoded");
        }
        VideoInfo info = hashed.info();
        VpdqSignature pruned = hashed.signature().pruned(config.pruneDistance());
        em.createNativeQuery("""
                        INSERT INTO video_hash (media_id, case_id, frames, frame_count, sampled_frames, decoded_frames, hashed_at)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)""")
                .setParameter(1, mediaId).setParameter(2, caseId).setParameter(3, pruned.toBytes())
                .setParameter(4, pruned.size()).setParameter(5, hashed.signature().size())
                .setParameter(6, hashed.decodedFrames()).setParameter(7, Instant.now()).executeUpdate();
        for (int i = 0; i < keyFrames.size(); i++) {
            StoredKeyFrame k = keyFrames.get(i);
            VideoFrameHash f = k.frame().frame();
            em.createNativeQuery("""
                            INSERT INTO video_key_frame (media_id, ordinal, frame_number, timestamp_seconds, quality, pdq,
                                                         width, height, object_key, wrapped_key, sha256, size_bytes)
                            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)""")
                    .setParameter(1, mediaId).setParameter(2, (short) i).setParameter(3, f.frameNumber())
                    .setParameter(4, f.timestamp()).setParameter(5, (short) f.quality()).setParameter(6, f.hash().toHex())
                    .setParameter(7, k.width()).setParameter(8, k.height()).setParameter(9, k.objectKey())
                    .setParameter(10, k.wrappedKey()).setParameter(11, k.sha256()).setParameter(12, k.size())
                    .executeUpdate();
        }
        em.createNativeQuery("""
                        UPDATE media_item SET video_state = 'HASHED', video_failure = NULL, video_container = ?2,
                               video_codec = ?3, video_duration_seconds = ?4, video_frame_rate = ?5, width = ?6,
                               height = ?7, version = version + 1
                        WHERE id = ?1""")
                .setParameter(1, mediaId).setParameter(2, truncate(info.container(), 100))
                .setParameter(3, truncate(info.codec(), 100))
                .setParameter(4, info.durationSeconds() > 0 ? info.durationSeconds() : hashed.decodedFrames() / info.frameRate())
                .setParameter(5, info.frameRate()).setParameter(6, info.width()).setParameter(7, info.height())
                .executeUpdate();
        em.flush();
        List<VideoMatch> matches = matches(hashed.signature());
        MatchSummary summary = em.unwrap(Session.class).doReturningWork(c -> matching.recordVideo(c, mediaId, matches));
        int suggested = em.unwrap(Session.class).doReturningWork(c -> suggestSeries(c, mediaId, caseId,
                hashed.signature(), actor));
        String outcome = String.format(Locale.ROOT, "vPDQ hashed: %d frames sampled of %d decoded, %d stored, %d key "
                        + "frames; %s %s, %dx%d, %.1f fps; %d reference matches%s%s",
                hashed.signature().size(), hashed.decodedFrames(), pruned.size(), keyFrames.size(), info.container(),
                info.codec(), info.width(), info.height(), info.frameRate(), matches.size(),
                summary.alertItems() > 0 ? " (alert)" : summary.ignorableItems() > 0 ? " (ignorable)" : "",
                suggested > 0 ? "; suggested for a series" : "");
        trail.append(AuditEntry.of(actor, AuditAction.MEDIA_VIDEO_HASH, mediaId.toString(), caseId,
                AuditOutcome.SUCCESS, null, null, outcome));
        return outcome;
    }

    /** vPDQ matches with known videos (past the configured shares) and frames near known pictures. */
    List<VideoMatch> matches(VpdqSignature signature) {
        int radius = matchingConfig.pdqRadius();
        List<VideoMatch> out = new ArrayList<>();
        for (VideoFrameIndex.Match m : referenceVideos.match(signature, radius)) {
            if (m.queryPercent() >= config.queryMatchPercent() && m.comparedPercent() >= config.comparedMatchPercent()) {
                out.add(new VideoMatch(m.key(), MatchType.VPDQ, (int) Math.round(100 - m.comparedPercent()),
                        m.queryPercent(), m.comparedPercent(), null));
            }
        }
        Map<Long, VideoMatch> nearestFrame = new HashMap<>();
        for (VideoFrameHash f : signature.frames()) {
            if (f.quality() < matchingConfig.pdqMinQuality()) {
                continue;
            }
            for (KnownMatch k : known.match(new MatchQuery(null, null, null, null, f.hash().toHex(), f.quality(), null))) {
                VideoMatch before = nearestFrame.get(k.entryId());
                if (k.type() == MatchType.PDQ && (before == null || k.distance() < before.distance())) {
                    nearestFrame.put(k.entryId(), new VideoMatch(k.entryId(), MatchType.FRAME_PDQ, k.distance(), null,
                            null, f.timestamp()));
                }
            }
        }
        out.addAll(nearestFrame.values());
        return out;
    }

    /**
     * A frame near a confirmed picture of an active series of the case suggests the video for that
     * series (the nearest wins), unless the video is in a series already or was rejected for it.
     *
     * @return 1 if suggested, else 0
     */
    private int suggestSeries(Connection c, UUID mediaId, UUID caseId, VpdqSignature signature, String actor)
            throws SQLException {
        List<PdqHash> frames = new ArrayList<>();
        for (VideoFrameHash f : signature.frames()) {
            if (f.quality() >= MIN_QUALITY) {
                frames.add(f.hash());
            }
        }
        if (frames.isEmpty()) {
            return 0;
        }
        UUID best = null;
        String bestPicture = null;
        int bestDistance = Integer.MAX_VALUE;
        int radius = matchingConfig.pdqRadius();
        try (PreparedStatement s = c.prepareStatement("""
                SELECT m.series_id, i.id, i.pdq FROM series_member m JOIN series s ON s.id = m.series_id
                JOIN media_item i ON i.id = m.media_item_id
                WHERE s.case_id = ? AND s.status = 'ACTIVE' AND m.state = 'CONFIRMED' AND i.pdq IS NOT NULL
                  AND (i.pdq_quality IS NULL OR i.pdq_quality >= ?) AND i.id <> ?
                  AND NOT EXISTS (SELECT 1 FROM series_member r WHERE r.series_id = m.series_id
                                  AND r.media_item_id = ? AND r.state = 'REJECTED')""")) {
            s.setObject(1, caseId);
            s.setInt(2, MIN_QUALITY);
            s.setObject(3, mediaId);
            s.setObject(4, mediaId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    PdqHash picture = PdqHash.fromHex(rs.getString(3));
                    for (PdqHash frame : frames) {
                        int d = frame.hammingDistance(picture);
                        if (d <= radius && d < bestDistance) {
                            bestDistance = d;
                            best = rs.getObject(1, UUID.class);
                            bestPicture = rs.getString(2);
                        }
                    }
                }
            }
        }
        if (best == null) {
            return 0;
        }
        try (PreparedStatement s = c.prepareStatement("""
                INSERT INTO series_member (series_id, media_item_id, state, joined_by, score, joined_at, added_by)
                SELECT ?, ?, 'SUGGESTED', 'CLUSTERING', ?, now(), 'vidcase (video frames)'
                WHERE NOT EXISTS (SELECT 1 FROM series_member WHERE media_item_id = ? AND state <> 'REJECTED')""")) {
            s.setObject(1, best);
            s.setObject(2, mediaId);
            s.setFloat(3, Math.max(0f, 1f - bestDistance / 32f));
            s.setObject(4, mediaId);
            if (s.executeUpdate() == 0) {
                return 0;
            }
        }
        try (PreparedStatement s = c.prepareStatement("UPDATE series SET version = version + 1, updated_at = now() WHERE id = ?");
             PreparedStatement e = c.prepareStatement(
                     "INSERT INTO series_event (series_id, at, actor, action, detail) VALUES (?, now(), ?, 'members-suggested', ?)")) {
            s.setObject(1, best);
            s.executeUpdate();
            e.setObject(1, best);
            e.setString(2, "vidcase (video frames)");
            e.setString(3, "{\"mediaItemIds\":[\"" + mediaId + "\"],\"reason\":\"a frame of the video is within "
                    + bestDistance + " of picture " + bestPicture + "\",\"requestedBy\":\"" + actor.replace("\"", "") + "\"}");
            e.executeUpdate();
        }
        return 1;
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
