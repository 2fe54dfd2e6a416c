package org.vidcase.media.api;

import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.vidcase.audit.service.AuditSubject;
import org.vidcase.media.domain.CategorySource;
import org.vidcase.media.domain.MediaItem;
import org.vidcase.matching.MatchStatus;
import org.vidcase.media.domain.MediaSource;

/** A media item with everything the case team may see of it. */
public record MediaItemView(UUID id, UUID caseId, UUID seizureId, String md5, String sha1, String sha256, String pdq,
                            Short pdqQuality, String photoDna, Long size, String mimeType, Integer width,
                            Integer height, String decodeFailure, ExifView exif, String category,
                            CategorySource categorySource, String categorisedBy, Instant categorisedAt,
                            MatchStatus matchStatus, MediaFlags flags, String series, List<String> tags, String notes, String note,
                            boolean hasContent,
                            MediaSource source, List<LocationView> locations, Instant createdAt, UUID stackId,
                            Integer stackSize, VideoFacts video)
        implements AuditSubject {

    /**
     * A video's decoding and what its container says; null for other files.
     *
     * @param state PENDING (waiting to be decoded: outside the review queue), HASHED (vPDQ hashed,
     *              matched, key frames stored) or FAILED (kept hash-only; {@code failure} says why)
     */
    public record VideoFacts(String state, String failure, String container, String codec, Double durationSeconds,
                             Double frameRate) {
    }

    public static MediaItemView of(MediaItem m, List<LocationView> locations) {
        return of(m, locations, null);
    }

    /** @param stackSize how many items the item's stack holds, when it was counted (lists of representatives) */
    public static MediaItemView of(MediaItem m, List<LocationView> locations, Integer stackSize) {
        return new MediaItemView(m.id, m.caseId, m.seizureId, m.md5, m.sha1, m.sha256, m.pdq, m.pdqQuality,
                m.photodna == null ? null : Base64.getEncoder().encodeToString(m.photodna), m.sizeBytes, m.mimeType,
                m.width, m.height, m.decodeFailure,
                new ExifView(m.exifMake, m.exifModel, m.exifBodySerial, m.exifLens, m.exifTakenAt, m.gpsLatitude,
                        m.gpsLongitude, m.exifSoftware),
                m.category, m.categorySource, m.categorisedBy, m.categorisedAt, m.matchStatus,
                new MediaFlags(m.victimIdentified, m.offenderIdentified, m.distributed, m.selfGenerated, m.suspected, m.baseline),
                m.series, List.copyOf(m.tags), m.notes, m.note, m.blobSha256 != null, m.source, locations, m.createdAt, m.stackId,
                stackSize, m.videoState == null ? null : new VideoFacts(m.videoState, m.videoFailure, m.videoContainer,
                        m.videoCodec, m.videoDurationSeconds, m.videoFrameRate));
    }

    @Override
    public String auditObjectId() {
        return id.toString();
    }

    @Override
    public UUID auditCaseId() {
        return caseId;
    }
}
