package org.vidcase.media.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.io.InputStream;
import java.util.UUID;
import org.vidcase.audit.service.AuditAction;
import org.vidcase.audit.service.AuditCase;
import org.vidcase.audit.service.AuditJustification;
import org.vidcase.audit.service.AuditObject;
import org.vidcase.audit.service.Audited;
import org.vidcase.media.domain.EvidenceBlob;
import org.vidcase.media.domain.EvidenceBlobRepository;
import org.vidcase.media.domain.MediaItem;
import org.vidcase.media.infra.EvidenceStore;
import org.vidcase.shared.error.IntegrityViolationException;
import org.vidcase.shared.error.ResourceNotFoundException;
import org.vidcase.shared.error.ServiceUnavailableException;

/**
 * Releasing evidence: only to the case team, only with a justification, only after the stored
 * object has been decrypted and hashed back to the SHA-256 recorded at ingest.
 */
@ApplicationScoped
public class MediaDownloadService {

    private final MediaService media;
    private final EvidenceBlobRepository blobs;
    private final EvidenceStore store;

    public MediaDownloadService(MediaService media, EvidenceBlobRepository blobs, EvidenceStore store) {
        this.media = media;
        this.blobs = blobs;
        this.store = store;
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
        try {
            String actual = store.sha256Of(blob.objectKey, blob.wrappedKey);
            if (!actual.equals(blob.sha256)) {
                throw new IntegrityViolationException("Stored evidence for item " + mediaId
                        + " does not match its recorded SHA-256; it was not released");
            }
        } catch (IOException e) {
            if (e instanceof org.vidcase.media.infra.StorageUnavailableException) {
                throw new ServiceUnavailableException("Evidence storage is unavailable; try again later");
            }
            throw new IntegrityViolationException("Stored evidence for item " + mediaId
                    + " failed its integrity check and was not released");
        }
        return new Release(blob.objectKey, blob.wrappedKey, blob.sha256, blob.sizeBytes, item.mimeType);
    }

    public InputStream open(Release release) throws IOException {
        return store.open(release.objectKey(), release.wrappedKey());
    }

    /** A verified object ready to stream. */
    public record Release(String objectKey, String wrappedKey, String sha256, long size, String mimeType) {
    }
}
