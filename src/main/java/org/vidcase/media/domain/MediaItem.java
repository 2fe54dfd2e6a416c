package org.vidcase.media.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.vidcase.matching.MatchStatus;

/**
 * One distinct file within a case, identified by its strongest hash. Where it was found is in
 * its {@link MediaLocation}s; uploaded items point at an encrypted {@link EvidenceBlob}.
 */
@Entity
@Table(name = "media_item")
public class MediaItem {

    @Id
    public UUID id;

    @Column(name = "case_id", nullable = false)
    public UUID caseId;

    /** The seizure the item was first found on; its locations may name more. */
    @Column(name = "seizure_id", nullable = false)
    public UUID seizureId;

    /** "sha256:…", else "sha1:…", else "md5:…": what makes the item unique in its case. */
    @Column(name = "content_key", nullable = false)
    public String contentKey;

    public String md5;
    public String sha1;
    public String sha256;
    public String pdq;

    @Column(name = "pdq_quality")
    public Short pdqQuality;

    public byte[] photodna;

    /** PDQ hashes of the 7 other rotations and reflections (uploads only), for matching. */
    @Column(name = "pdq_variants")
    public byte[] pdqVariants;

    /**
     * The image's similarity signature (whole picture, turns, frame-trimmed picture, crop windows,
     * bands: {@code org.vidcase.hashing.ImageSignature}), uploads only; hash-only items are
     * compared by their PDQ hash.
     */
    @Column(name = "similarity_views")
    public byte[] similarityViews;

    /**
     * The representative of the item's stack of near-duplicates (its own id if it is the
     * representative), or null if it stands alone. Set by the series clustering job, by SQL only:
     * an entity update never writes it back.
     */
    @Column(name = "stack_id", insertable = false, updatable = false)
    public UUID stackId;

    /** ALERT, IGNORABLE, or null: unknown, still to review. Set by matching only. */
    @Enumerated(EnumType.STRING)
    @Column(name = "match_status")
    public MatchStatus matchStatus;

    @Column(name = "matched_at")
    public Instant matchedAt;

    /** Whether series and flags are the ones a hash match filled in; set by matching only. */
    @Column(name = "hash_details", nullable = false)
    public boolean hashDetails;

    @Column(name = "size_bytes")
    public Long sizeBytes;

    @Column(name = "mime_type")
    public String mimeType;

    public Integer width;
    public Integer height;

    @Column(name = "decode_failure")
    public String decodeFailure;

    /**
     * A video's decoding: PENDING until the decoder has run, then HASHED or FAILED (with
     * {@link #videoFailure}); null for other files. Written at insert, then by the video feature's
     * SQL only, so an entity update never writes back a stale state.
     */
    @Column(name = "video_state", updatable = false)
    public String videoState;

    @Column(name = "video_failure", insertable = false, updatable = false)
    public String videoFailure;

    @Column(name = "video_container", insertable = false, updatable = false)
    public String videoContainer;

    @Column(name = "video_codec", insertable = false, updatable = false)
    public String videoCodec;

    @Column(name = "video_duration_seconds", insertable = false, updatable = false)
    public Double videoDurationSeconds;

    @Column(name = "video_frame_rate", insertable = false, updatable = false)
    public Double videoFrameRate;

    @Column(name = "exif_make")
    public String exifMake;

    @Column(name = "exif_model")
    public String exifModel;

    @Column(name = "exif_body_serial")
    public String exifBodySerial;

    @Column(name = "exif_lens")
    public String exifLens;

    @Column(name = "exif_taken_at")
    public String exifTakenAt;

    @Column(name = "exif_software")
    public String exifSoftware;

    @Column(name = "gps_latitude")
    public Double gpsLatitude;

    @Column(name = "gps_longitude")
    public Double gpsLongitude;

    public String category;

    @Enumerated(EnumType.STRING)
    @Column(name = "category_source")
    public CategorySource categorySource;

    @Column(name = "categorised_by")
    public String categorisedBy;

    @Column(name = "categorised_at")
    public Instant categorisedAt;

    @Column(name = "victim_identified")
    public Boolean victimIdentified;

    @Column(name = "offender_identified")
    public Boolean offenderIdentified;

    public Boolean distributed;

    @Column(name = "self_generated")
    public Boolean selfGenerated;

    public Boolean suspected;

    /** An officer's finding that the file meets the international baseline (illegal everywhere). */
    public Boolean baseline;

    public String series;

    @Convert(converter = TagListConverter.class)
    public List<String> tags = new ArrayList<>();

    /** What the forensic tool's export said about the file. */
    public String notes;

    /** The latest note an officer gave with a categorisation; the history keeps every one. */
    public String note;

    @Column(name = "blob_sha256")
    public String blobSha256;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public MediaSource source;

    @Column(name = "source_id")
    public String sourceId;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Version
    public long version;
}
