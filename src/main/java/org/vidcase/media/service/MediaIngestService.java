package org.vidcase.media.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.hibernate.Session;
import org.vidcase.audit.domain.AuditOutcome;
import org.vidcase.audit.service.AuditAction;
import org.vidcase.audit.service.AuditEntry;
import org.vidcase.audit.service.AuditOutcomes;
import org.vidcase.audit.service.AuditTrail;
import org.vidcase.hashing.ImageMetadata;
import org.vidcase.hashing.MagicBytes;
import org.vidcase.hashing.MediaDigest;
import org.vidcase.matching.MatchQuery;
import org.vidcase.matching.MatchSummary;
import org.vidcase.matching.MatchingService;
import org.vidcase.matching.NewItem;
import org.vidcase.media.domain.CategorySource;
import org.vidcase.media.domain.EvidenceBlobRepository;
import org.vidcase.media.domain.MediaItem;
import org.vidcase.media.domain.MediaItemRepository;
import org.vidcase.media.domain.MediaLocation;
import org.vidcase.media.domain.MediaLocationRepository;
import org.vidcase.media.domain.MediaSource;
import org.vidcase.media.infra.EvidenceStore.StagedEvidence;
import org.vidcase.media.infra.EvidenceStore;
import org.vidcase.media.infra.StorageUnavailableException;
import org.vidcase.media.infra.UploadTooLargeException;
import org.vidcase.seizure.domain.Seizure;
import org.vidcase.seizure.service.SeizureService;
import org.vidcase.shared.error.ContentTooLargeException;
import org.vidcase.shared.error.ServiceUnavailableException;
import org.vidcase.shared.request.RequestInfo;
import org.vidcase.shared.security.CurrentUser;

/**
 * Uploads: access is checked before a byte is read; the file is stored (encrypted, verified)
 * outside any database transaction; then item, location and audit event commit together. If that
 * commit fails, a newly stored object is removed again, so no object is left without a reference.
 */
@ApplicationScoped
public class MediaIngestService {

    private final SeizureService seizures;
    private final EvidenceStore store;
    private final EvidenceBlobRepository blobs;
    private final MediaItemRepository items;
    private final MediaLocationRepository locations;
    private final MediaService media;
    private final AuditTrail trail;
    private final CurrentUser user;
    private final RequestInfo request;
    private final EvidenceOrphans orphans;
    private final MatchingService matching;
    private final CaseEvidenceKeys caseKeys;
    private final jakarta.enterprise.event.Event<VideoFiled> videoFiled;

    static final String VIDEO_PENDING = "PENDING";

    public MediaIngestService(SeizureService seizures, EvidenceStore store, EvidenceBlobRepository blobs,
                              MediaItemRepository items, MediaLocationRepository locations, MediaService media,
                              AuditTrail trail, CurrentUser user, RequestInfo request,
                              EvidenceOrphans orphans, MatchingService matching, CaseEvidenceKeys caseKeys,
                              jakarta.enterprise.event.Event<VideoFiled> videoFiled) {
        this.matching = matching;
        this.caseKeys = caseKeys;
        this.videoFiled = videoFiled;
        this.seizures = seizures;
        this.store = store;
        this.blobs = blobs;
        this.items = items;
        this.locations = locations;
        this.media = media;
        this.trail = trail;
        this.user = user;
        this.request = request;
        this.orphans = orphans;
    }

    /** Checked before the body is read, so that outsiders learn nothing and store nothing. */
    public void checkCanUpload(UUID caseId, UUID seizureId) {
        try {
            QuarkusTransaction.requiringNew().run(() -> seizures.workable(caseId, seizureId));
        } catch (RuntimeException e) {
            trail.appendSeparately(AuditEntry.of(user.name(), AuditAction.MEDIA_UPLOAD, seizureId.toString(), caseId,
                    AuditOutcomes.of(e), null, request.requestId(), e.getMessage()));
            throw e;
        }
    }

    public UploadResult upload(UUID caseId, UUID seizureId, InputStream content, UploadedFile file) {
        StagedEvidence staged;
        try {
            staged = store.stage(content, caseId);
        } catch (UploadTooLargeException e) {
            refuse(caseId, seizureId, AuditOutcome.REFUSED, e.getMessage());
            throw new ContentTooLargeException(e.getMessage());
        } catch (StorageUnavailableException e) {
            refuse(caseId, seizureId, AuditOutcome.FAILED, "evidence storage unavailable");
            throw new ServiceUnavailableException("Evidence storage is unavailable; nothing was stored. Try again later.");
        } catch (IOException e) {
            refuse(caseId, seizureId, AuditOutcome.FAILED, "upload interrupted: " + e.getMessage());
            throw new IllegalArgumentException("The upload could not be read completely");
        } catch (RuntimeException | Error e) {
            refuse(caseId, seizureId, AuditOutcome.FAILED, "upload failed: " + e.getClass().getSimpleName());
            throw e;
        }
        return file(caseId, seizureId, staged, file, user.name(), () -> seizures.workable(caseId, seizureId));
    }

    /**
     * Files content on behalf of the system (the demo seed), without a user's need-to-know check:
     * callers are server-side code that created the seizure themselves.
     */
    public UploadResult ingestAsSystem(String actor, Seizure seizure, InputStream content, UploadedFile file)
            throws IOException {
        StagedEvidence staged = store.stage(content, seizure.caseId);
        return file(seizure.caseId, seizure.id, staged, file, actor, () -> seizure);
    }

    private UploadResult file(UUID caseId, UUID seizureId, StagedEvidence staged, UploadedFile file, String actor,
                               Supplier<Seizure> seizure) {
        MediaDigest digest = staged.digest();
        String newObject = null;
        try {
            // Always filed as a new object, even when the deployment already holds the content (in this
            // case or another): the storage calls and the answer must not tell that another case holds it.
            // The object no row refers to then is removed later by EvidenceOrphanSweep, off this path.
            newObject = store.promote(staged);
            String objectKey = newObject;
            try {
                return QuarkusTransaction.requiringNew().call(() -> record(caseId, staged, objectKey, file, actor, seizure));
            } catch (RuntimeException raced) {
                if (!isUniqueViolation(raced)) {
                    throw raced;
                }
                // The same content arrived in this case at the same moment; the second attempt finds
                // its item and adds this location to it.
                return QuarkusTransaction.requiringNew().call(() -> record(caseId, staged, objectKey, file, actor, seizure));
            }
        } catch (IOException e) {
            refuse(caseId, seizureId, AuditOutcome.FAILED, "evidence storage: " + e.getMessage());
            throw new ServiceUnavailableException("Evidence storage is unavailable; nothing was stored. Try again later.");
        } catch (RuntimeException e) {
            // A failed commit may still have committed (connection lost on the way back): only an
            // object that no row refers to is removed.
            String stored = newObject;
            if (stored != null) {
                try {
                    if (QuarkusTransaction.requiringNew().call(() -> blobs.count("objectKey", stored) == 0)) {
                        store.remove(stored);
                    }
                } catch (RuntimeException databaseDown) {
                    // Whether the commit took cannot be told now; the sweep settles it once the database answers.
                    orphans.checkLater(stored);
                }
            }
            try {
                refuse(caseId, seizureId, AuditOutcome.FAILED, "recording the upload failed");
            } catch (RuntimeException databaseDown) {
                e.addSuppressed(databaseDown);
            }
            throw e;
        }
    }

    private UploadResult record(UUID caseId, StagedEvidence staged, String newObject, UploadedFile file, String actor,
                                 Supplier<Seizure> seizureCheck) throws IOException {
        MediaDigest digest = staged.digest();
        Seizure seizure = seizureCheck.get();
        boolean ours = newObject != null
                && blobs.insertIfAbsent(digest.sha256(), newObject, digest.size(), store.storedSize(newObject));
        if (newObject != null && !ours) {
            // The content was held already (or a concurrent upload filed it first): ours is swept away later.
            orphans.queue(newObject);
        }
        caseKeys.grant(caseId, digest.sha256(), ours ? staged.wrappedKey() : null);
        String contentKey = "sha256:" + digest.sha256();
        MediaItem item = items.byContent(caseId, contentKey).orElse(null);
        boolean created = item == null;
        boolean toMatch = created || item.blobSha256 == null;
        if (created) {
            item = newItem(caseId, seizure.id, contentKey, digest, actor);
            items.persist(item);
        } else if (item.blobSha256 == null) {
            // A hash-only item from an import now gets its content.
            item.blobSha256 = digest.sha256();
            fill(item, digest);
        }
        if (toMatch && MagicBytes.isVideo(digest.mimeType())) {
            // Decoded off the request: PENDING until then, and its job queued in this transaction.
            if (!created) {
                items.flush();
                items.getEntityManager().createNativeQuery(
                        "UPDATE media_item SET video_state = 'PENDING', version = version + 1 WHERE id = ?1")
                        .setParameter(1, item.id).executeUpdate();
                items.getEntityManager().refresh(item);
            }
            items.flush();
            videoFiled.fire(new VideoFiled(item.id, caseId, actor));
        }
        boolean newLocation = addLocation(item.id, seizure.id, file);
        UploadStatus status = created ? UploadStatus.NEW_ITEM : toMatch ? UploadStatus.CONTENT_ADDED
                : newLocation ? UploadStatus.LOCATION_ADDED : UploadStatus.ALREADY_RECORDED;
        String matched = "";
        if (toMatch) {
            matched = match(item);
        }
        trail.append(AuditEntry.of(actor, AuditAction.MEDIA_UPLOAD, item.id.toString(), caseId,
                AuditOutcome.SUCCESS, null, request.requestId(),
                status.name() + "; sha256 " + digest.sha256() + "; seizure " + seizure.reference + matched));
        return new UploadResult(media.view(item), status);
    }

    /** Matches the item in this transaction; returns what it became, for the audit record. */
    private String match(MediaItem item) {
        items.flush();
        MatchQuery query = new MatchQuery(item.md5, item.sha1, item.sha256, item.photodna, item.pdq,
                item.pdqQuality == null ? null : (int) item.pdqQuality, item.pdqVariants);
        MatchSummary summary = items.getEntityManager().unwrap(Session.class)
                .doReturningWork(c -> matching.match(c, List.of(new NewItem(item.id, query))));
        if (summary.alertItems() + summary.ignorableItems() == 0) {
            return "";
        }
        items.getEntityManager().refresh(item);
        return "; matched reference sets: " + item.matchStatus
                + (item.categorySource == CategorySource.HASH_MATCH ? ", pre-categorised " + item.category : "");
    }

    private MediaItem newItem(UUID caseId, UUID seizureId, String contentKey, MediaDigest digest, String actor) {
        MediaItem item = new MediaItem();
        item.id = UUID.randomUUID();
        item.caseId = caseId;
        item.seizureId = seizureId;
        item.contentKey = contentKey;
        item.source = MediaSource.UPLOAD;
        item.blobSha256 = digest.sha256();
        item.createdBy = actor;
        item.createdAt = Instant.now();
        if (MagicBytes.isVideo(digest.mimeType())) {
            // Written with the insert: the column is never updated through the entity.
            item.videoState = VIDEO_PENDING;
        }
        fill(item, digest);
        return item;
    }

    private static void fill(MediaItem item, MediaDigest digest) {
        item.md5 = digest.md5();
        item.sha1 = digest.sha1();
        item.sha256 = digest.sha256();
        item.sizeBytes = digest.size();
        item.mimeType = digest.mimeType();
        item.width = digest.width();
        item.height = digest.height();
        item.decodeFailure = digest.decodeFailure();
        if (digest.metadata() != null && !hasMetadata(item)) {
            ImageMetadata m = digest.metadata();
            item.exifMake = m.make();
            item.exifModel = m.model();
            item.exifBodySerial = m.bodySerial();
            item.exifLens = m.lens();
            item.exifTakenAt = m.dateTimeOriginal();
            item.gpsLatitude = m.gpsLatitude();
            item.gpsLongitude = m.gpsLongitude();
            item.exifSoftware = m.software();
        }
        if (digest.pdq() != null) {
            item.pdq = digest.pdq().hash().toHex();
            item.pdqQuality = (short) digest.pdq().quality();
            item.pdqVariants = digest.pdqVariants();
        }
        if (digest.signature() != null) {
            item.similarityViews = digest.signature().toBytes();
        }
    }

    /** A forensic tool's export came first for a hash-only item: what it recorded is kept as it is. */
    private static boolean hasMetadata(MediaItem item) {
        return item.exifMake != null || item.exifModel != null || item.exifBodySerial != null || item.exifLens != null
                || item.exifTakenAt != null || item.gpsLatitude != null || item.gpsLongitude != null;
    }

    /** Adds the location unless the item has it already; returns whether it was added. */
    boolean addLocation(UUID mediaId, UUID seizureId, UploadedFile file) {
        String key = locationKey(seizureId, file.path(), file.fileName());
        if (locations.exists(mediaId, key)) {
            return false;
        }
        MediaLocation l = new MediaLocation();
        l.id = UUID.randomUUID();
        l.mediaId = mediaId;
        l.seizureId = seizureId;
        l.locationKey = key;
        l.fileName = file.fileName();
        l.path = file.path();
        l.created = file.created();
        l.modified = file.modified();
        l.accessed = file.accessed();
        locations.persist(l);
        return true;
    }

    /** Imports compute millions of these: one digest per thread instead of a provider look-up each. */
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    });

    public static String locationKey(UUID seizureId, String path, String fileName) {
        MessageDigest sha = SHA256.get();
        // Length-prefixed, with null apart from "": no path or name can be made to collide with another.
        sha.update((seizureId + "|" + part(path) + part(fileName)).getBytes(StandardCharsets.UTF_8));
        // 128 bits identify a location within one item without collisions, at half the index size.
        return HexFormat.of().formatHex(sha.digest(), 0, 16);
    }

    private static boolean isUniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.hibernate.exception.ConstraintViolationException) {
                return true;
            }
        }
        return false;
    }

    private static String part(String value) {
        return value == null ? "-1:" : value.length() + ":" + value;
    }

    private void refuse(UUID caseId, UUID seizureId, AuditOutcome outcome, String detail) {
        trail.appendSeparately(AuditEntry.of(user.name(), AuditAction.MEDIA_UPLOAD, seizureId.toString(), caseId,
                outcome, null, request.requestId(), detail));
    }
}
