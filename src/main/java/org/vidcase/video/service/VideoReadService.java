package org.vidcase.video.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.vidcase.audit.service.AuditAction;
import org.vidcase.audit.service.AuditCase;
import org.vidcase.audit.service.AuditDetails;
import org.vidcase.audit.service.AuditJustification;
import org.vidcase.audit.service.AuditObject;
import org.vidcase.audit.service.Audited;
import org.vidcase.cases.service.CaseAccess;
import org.vidcase.hashing.preview.BlurredPreview;
import org.vidcase.hashing.preview.Png;
import org.vidcase.hashing.preview.ContactSheet;
import org.vidcase.hashing.video.VpdqComparison;
import org.vidcase.hashing.video.VpdqHashFile;
import org.vidcase.hashing.video.VpdqSignature;
import org.vidcase.index.VideoFrameIndex;
import org.vidcase.matching.MatchingConfig;
import org.vidcase.matching.ReferenceVideoIndex;
import org.vidcase.media.infra.EvidenceStore;
import org.vidcase.shared.error.IntegrityViolationException;
import org.vidcase.shared.error.ResourceNotFoundException;
import org.vidcase.shared.error.RuleViolationException;
import org.vidcase.video.api.SimilarVideosView;
import org.vidcase.video.api.VideoView;
import org.vidcase.video.api.VideoView.KeyFrameView;
import org.vidcase.video.infra.CaseVideoIndex;

/**
 * What the case team sees of a video: its decoding and key frames, blurred greyscale previews
 * (audited as previews), a key frame itself (with a justification, audited as content access), its
 * vPDQ hash, and the videos that share frames with it in the cases the caller may see and in the
 * active reference sets.
 */
@ApplicationScoped
public class VideoReadService {

    private static final int MIN_QUALITY = 50;

    private final EntityManager em;
    private final CaseAccess access;
    private final EvidenceStore store;
    private final VideoConfig config;
    private final MatchingConfig matching;
    private final CaseVideoIndex caseVideos;
    private final ReferenceVideoIndex referenceVideos;

    public VideoReadService(EntityManager em, CaseAccess access, EvidenceStore store, VideoConfig config,
                            MatchingConfig matching, CaseVideoIndex caseVideos, ReferenceVideoIndex referenceVideos) {
        this.em = em;
        this.access = access;
        this.store = store;
        this.config = config;
        this.matching = matching;
        this.caseVideos = caseVideos;
        this.referenceVideos = referenceVideos;
    }

    @Audited(AuditAction.MEDIA_VIDEO_VIEW)
    public VideoView video(@AuditCase UUID caseId, @AuditObject UUID mediaId) {
        access.readable(caseId);
        Tuple item = videoItem(caseId, mediaId);
        @SuppressWarnings("unchecked")
        List<Tuple> hash = em.createNativeQuery("""
                SELECT frame_count, sampled_frames, decoded_frames, hashed_at FROM video_hash WHERE media_id = ?1""",
                Tuple.class).setParameter(1, mediaId).getResultList();
        List<KeyFrameView> keyFrames = new ArrayList<>();
        for (Tuple k : keyFrameRows(mediaId)) {
            int index = ((Number) k.get("ordinal")).intValue();
            double ts = ((Number) k.get("timestamp_seconds")).doubleValue();
            keyFrames.add(new KeyFrameView(index, ((Number) k.get("frame_number")).intValue(), ts,
                    ContactSheet.timestamp(ts), ((Number) k.get("quality")).intValue(), k.get("pdq", String.class),
                    ((Number) k.get("width")).intValue(), ((Number) k.get("height")).intValue(),
                    "/api/cases/" + caseId + "/media/" + mediaId + "/key-frames/" + index + "/preview"));
        }
        Tuple h = hash.isEmpty() ? null : hash.get(0);
        return new VideoView(caseId, mediaId, item.get("video_state", String.class), item.get("video_failure", String.class),
                item.get("video_container", String.class), item.get("video_codec", String.class),
                number(item, "video_duration_seconds"), number(item, "video_frame_rate"), integer(item, "width"),
                integer(item, "height"), h == null ? null : integer(h, "sampled_frames"),
                h == null ? null : integer(h, "frame_count"),
                h == null ? null : ((Number) h.get("decoded_frames")).longValue(),
                h == null ? null : instant(h.get("hashed_at")), keyFrames);
    }

    /** The stored vPDQ hash in the reference's text form. */
    @Audited(AuditAction.MEDIA_VIDEO_VIEW)
    public String vpdq(@AuditCase UUID caseId, @AuditObject UUID mediaId) {
        access.readable(caseId);
        videoItem(caseId, mediaId);
        return VpdqHashFile.write(signature(mediaId));
    }

    /** One key frame as a blurred greyscale PNG. */
    @Audited(AuditAction.MEDIA_PREVIEW)
    public byte[] preview(@AuditCase UUID caseId, @AuditObject UUID mediaId, int index) {
        access.readable(caseId);
        videoItem(caseId, mediaId);
        Tuple k = keyFrame(mediaId, index);
        AuditDetails.record("blurred preview of key frame " + index);
        return Png.encode(BlurredPreview.render(picture(k), config.previewMaxSide(), config.previewBlur()));
    }

    /** Every key frame, blurred and greyscale, in time order with its timestamp, as one PNG. */
    @Audited(AuditAction.MEDIA_PREVIEW)
    public byte[] sheet(@AuditCase UUID caseId, @AuditObject UUID mediaId) {
        access.readable(caseId);
        videoItem(caseId, mediaId);
        List<ContactSheet.Tile> tiles = new ArrayList<>();
        for (Tuple k : keyFrameRows(mediaId)) {
            tiles.add(new ContactSheet.Tile(BlurredPreview.render(picture(k), config.previewMaxSide(),
                    config.previewBlur()), ContactSheet.timestamp(((Number) k.get("timestamp_seconds")).doubleValue())));
        }
        if (tiles.isEmpty()) {
            throw new ResourceNotFoundException("Key frames of media item", mediaId);
        }
        AuditDetails.record("blurred contact sheet of " + tiles.size() + " key frames");
        return Png.encode(ContactSheet.render(tiles, 4));
    }

    /** A key frame as stored (JPEG), after its SHA-256 was verified: content access. */
    @Audited(AuditAction.MEDIA_KEY_FRAME_REVEAL)
    public byte[] reveal(@AuditCase UUID caseId, @AuditObject UUID mediaId, int index,
                         @AuditJustification @NotBlank(message = "a justification is required to reveal a frame")
                         @Size(max = 2000) String justification) {
        access.readable(caseId);
        videoItem(caseId, mediaId);
        Tuple k = keyFrame(mediaId, index);
        AuditDetails.record("key frame " + index + " at " + ContactSheet.timestamp(
                ((Number) k.get("timestamp_seconds")).doubleValue()) + " revealed");
        return verified(k);
    }

    @Audited(AuditAction.SEARCH_SIMILAR_VIDEOS)
    public SimilarVideosView similar(@AuditCase UUID caseId, @AuditObject UUID mediaId, UUID onlyCase, int radius) {
        access.readable(caseId);
        videoItem(caseId, mediaId);
        VpdqSignature probe = signature(mediaId);
        Set<UUID> visible;
        if (onlyCase != null) {
            access.readable(onlyCase);
            visible = Set.of(onlyCase);
        } else {
            visible = new HashSet<>(access.readableCaseIds());
        }
        List<SimilarVideosView.CaseVideo> items = new ArrayList<>();
        for (CaseVideoIndex.Hit hit : caseVideos.search(probe, radius)) {
            if (hit.video() == null || !visible.contains(hit.video().caseId()) || hit.video().mediaId().equals(mediaId)) {
                continue;
            }
            VideoFrameIndex.Match m = hit.match();
            items.add(new SimilarVideosView.CaseVideo(hit.video().caseId(), hit.video().mediaId(), round(m.queryPercent()),
                    round(m.comparedPercent()), m.comparedFrames(), matches(m)));
        }
        List<SimilarVideosView.KnownVideo> entries = new ArrayList<>();
        for (VideoFrameIndex.Match m : referenceVideos.match(probe, radius)) {
            Tuple e = (Tuple) em.createNativeQuery("""
                    SELECT s.id, s.name, s.kind, e.category, e.series FROM hash_set_entry e
                    JOIN hash_set s ON s.id = e.hash_set_id WHERE e.id = ?1""", Tuple.class)
                    .setParameter(1, m.key()).getSingleResult();
            entries.add(new SimilarVideosView.KnownVideo(e.get(0, UUID.class), e.get(1, String.class),
                    e.get(2, String.class), m.key(), round(m.queryPercent()), round(m.comparedPercent()),
                    m.comparedFrames(), matches(m), e.get(3, String.class), e.get(4, String.class)));
        }
        AuditDetails.record("vPDQ of " + probe.size() + " frames, radius " + radius + ": " + items.size()
                + " videos, " + entries.size() + " reference entries");
        return new SimilarVideosView(caseId, mediaId, VpdqComparison.distinctUsable(probe, MIN_QUALITY).size(), radius,
                items, entries);
    }

    private boolean matches(VideoFrameIndex.Match m) {
        return m.queryPercent() >= config.queryMatchPercent() && m.comparedPercent() >= config.comparedMatchPercent();
    }

    private Tuple videoItem(UUID caseId, UUID mediaId) {
        @SuppressWarnings("unchecked")
        List<Tuple> rows = em.createNativeQuery("""
                SELECT video_state, video_failure, video_container, video_codec, video_duration_seconds, video_frame_rate,
                       width, height FROM media_item WHERE id = ?1 AND case_id = ?2""", Tuple.class)
                .setParameter(1, mediaId).setParameter(2, caseId).getResultList();
        if (rows.isEmpty()) {
            throw new ResourceNotFoundException("Media item", mediaId);
        }
        if (rows.get(0).get("video_state") == null) {
            throw new RuleViolationException("Media item " + mediaId + " is not a video");
        }
        return rows.get(0);
    }

    private VpdqSignature signature(UUID mediaId) {
        @SuppressWarnings("unchecked")
        List<byte[]> frames = em.createNativeQuery("SELECT frames FROM video_hash WHERE media_id = ?1")
                .setParameter(1, mediaId).getResultList();
        if (frames.isEmpty()) {
            throw new RuleViolationException("Video " + mediaId + " has no vPDQ hash (it is waiting to be decoded, "
                    + "or could not be decoded)");
        }
        return VpdqSignature.fromBytes(frames.get(0));
    }

    @SuppressWarnings("unchecked")
    private List<Tuple> keyFrameRows(UUID mediaId) {
        return em.createNativeQuery("""
                SELECT ordinal, frame_number, timestamp_seconds, quality, pdq, width, height, object_key, wrapped_key, sha256
                FROM video_key_frame WHERE media_id = ?1 ORDER BY timestamp_seconds, ordinal""", Tuple.class)
                .setParameter(1, mediaId).getResultList();
    }

    private Tuple keyFrame(UUID mediaId, int index) {
        return keyFrameRows(mediaId).stream().filter(k -> ((Number) k.get("ordinal")).intValue() == index).findFirst()
                .orElseThrow(() -> new ResourceNotFoundException("Key frame " + index + " of media item", mediaId));
    }

    private BufferedImage picture(Tuple k) {
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(verified(k)));
            if (image == null) {
                throw new IntegrityViolationException("A stored key frame could not be decoded");
            }
            return image;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The decrypted key frame, released only if it hashes to what was recorded. */
    private byte[] verified(Tuple k) {
        byte[] bytes;
        try (InputStream in = store.open(k.get("object_key", String.class), k.get("wrapped_key", String.class))) {
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new IntegrityViolationException("A stored key frame failed its integrity check");
        }
        try {
            String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
            if (!sha.equals(k.get("sha256", String.class))) {
                throw new IntegrityViolationException("A stored key frame failed its integrity check");
            }
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        return bytes;
    }

    private static double round(double percent) {
        return Math.round(percent * 10) / 10.0;
    }

    private static Double number(Tuple t, String column) {
        Object v = t.get(column);
        return v == null ? null : ((Number) v).doubleValue();
    }

    private static Integer integer(Tuple t, String column) {
        Object v = t.get(column);
        return v == null ? null : ((Number) v).intValue();
    }

    private static Instant instant(Object at) {
        return at instanceof OffsetDateTime o ? o.toInstant() : at instanceof Instant i ? i
                : at instanceof java.sql.Timestamp ts ? ts.toInstant() : null;
    }
}
