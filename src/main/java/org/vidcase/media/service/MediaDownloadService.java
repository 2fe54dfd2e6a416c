package org.vidcase.media.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.io.InputStream;
import java.util.UUID;
import org.vidcase.audit.domain.AuditOutcome;
import org.vidcase.audit.service.AuditAction;
import org.vidcase.audit.service.AuditCase;
import org.vidcase.audit.service.AuditEntry;
import org.vidcase.audit.service.AuditJustification;
import org.vidcase.audit.service.AuditObject;
import org.vidcase.audit.service.AuditTrail;
import org.vidcase.audit.service.Audited;
import org.vidcase.media.domain.EvidenceBlob;
import org.vidcase.media.domain.EvidenceBlobRepository;
import org.vidcase.media.domain.MediaItem;
import org.vidcase.media.infra.EvidenceStore;
import org.vidcase.media.infra.StorageUnavailableException;
import org.vidcase.shared.error.IntegrityViolationException;
import org.vidcase.shared.error.ResourceNotFoundException;
import org.vidcase.shared.error.ServiceUnavailableException;
import org.vidcase.shared.request.RequestInfo;
import org.vidcase.shared.security.CurrentUser;

/**
 * Releasing evidence: only to the case team, only with a justification (the consultation is
 * audited), only after the stored object has been decrypted and hashed back to the SHA-256
 * recorded at ingest.
 */
@ApplicationScoped
public class MediaDownloadService {

    private final MediaService media;
    private final EvidenceBlobRepository blobs;
    private final EvidenceStore store;
    private final AuditTrail trail;
    private final CurrentUser user;
    private final RequestInfo request;
    private final CaseEvidenceKeys caseKeys;

    public MediaDownloadService(MediaService media, EvidenceBlobRepository blobs, EvidenceStore store, AuditTrail trail,
                                CurrentUser user, RequestInfo request, CaseEvidenceKeys caseKeys) {
        this.caseKeys = caseKeys;
        this.media = media;
        this.blobs = blobs;
        this.store = store;
        this.trail = trail;
        this.user = user;
        this.request = request;
    }

    @Audited(AuditAction.MEDIA_DOWNLOAD)
    public Release release(@AuditCase UUID caseId, @AuditObject UUID mediaId,
                           @AuditJustification @NotBlank(message = "a justification is required to consult evidence")
                           @Size(max = 2000) String justification) {
        MediaItem item = media.readable(caseId, mediaId);
        if (item.blobSha256 == null) {
            throw new ResourceNotFoundException("Content of media item", mediaId);
        }
        EvidenceBlob blob = blobs.findById(item.blobSha256);
        return new Release(caseId, mediaId, blob.objectKey, caseKeys.keyFor(caseId, blob), blob.sha256, blob.sizeBytes,
                item.mimeType);
    }

    /**
     * Decrypts and hashes the whole object before anything is released. Runs outside any
     * transaction: reading gigabytes must not hold a database connection.
     */
    public void verify(Release release) {
        try {
            String actual = store.sha256Of(release.objectKey(), release.wrappedKey());
            if (actual.equals(release.sha256())) {
                return;
            }
        } catch (StorageUnavailableException e) {
            throw new ServiceUnavailableException("Evidence storage is unavailable; try again later");
        } catch (IOException e) {
            // Falls through: unreadable or failing authentication is an integrity failure too.
        }
        trail.appendSeparately(AuditEntry.of(user.name(), AuditAction.MEDIA_DOWNLOAD, release.mediaId().toString(),
                release.caseId(), AuditOutcome.FAILED, null, request.requestId(),
                "stored evidence failed its integrity check; nothing released"));
        throw new IntegrityViolationException("Stored evidence for item " + release.mediaId()
                + " failed its integrity check and was not released");
    }

    public InputStream open(Release release) throws IOException {
        return store.open(release.objectKey(), release.wrappedKey());
    }

    /** A verified object ready to stream. */
    public record Release(UUID caseId, UUID mediaId, String objectKey, String wrappedKey, String sha256, long size,
                          String mimeType) {
    }
}
