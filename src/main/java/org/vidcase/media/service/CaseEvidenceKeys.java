package org.vidcase.media.service;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.crypto.SecretKey;

import jakarta.enterprise.context.ApplicationScoped;
import org.vidcase.media.domain.EvidenceBlob;
import org.vidcase.media.domain.EvidenceBlobRepository;
import org.vidcase.media.domain.EvidenceKeyRepository;
import org.vidcase.media.infra.EvidenceKeys;
import org.vidcase.shared.crypto.WrappedKey;
import org.vidcase.shared.error.IntegrityViolationException;

/**
 * Each case that holds a content has its own wrapping of the content object's data key, under the
 * case's key: disposing of one case (destroying its key) leaves the content readable for the others,
 * and unreadable in old backups once no case holds it.
 */
@ApplicationScoped
public class CaseEvidenceKeys {

    private final EvidenceKeyRepository wrappings;
    private final EvidenceBlobRepository blobs;
    private final EvidenceKeys keys;

    public CaseEvidenceKeys(EvidenceKeyRepository wrappings, EvidenceBlobRepository blobs, EvidenceKeys keys) {
        this.wrappings = wrappings;
        this.blobs = blobs;
        this.keys = keys;
    }

    /**
     * Records, in the caller's transaction, the case's wrapping of the blob's data key: {@code own} when
     * the blob is the object this case just filed (its key is already wrapped for the case), otherwise
     * the data key re-wrapped from a wrapping the deployment holds.
     */
    public void grant(UUID caseId, String sha256, WrappedKey own) {
        if (wrappings.of(sha256, caseId).isPresent()) {
            return;
        }
        if (own != null) {
            wrappings.insertIfAbsent(sha256, caseId, own.storageForm());
            return;
        }
        SecretKey dataKey = dataKey(sha256);
        wrappings.insertIfAbsent(sha256, caseId, keys.wrapForCase(caseId, dataKey).storageForm());
    }

    /** The wrapped data key through which the case reads the blob. */
    public String keyFor(UUID caseId, EvidenceBlob blob) {
        return wrappings.of(blob.sha256, caseId).orElseGet(() -> {
            if (blob.wrappedKey != null) {
                return blob.wrappedKey;
            }
            throw new IntegrityViolationException("No key of this case opens the content " + blob.sha256);
        });
    }

    /** The blob's data key, through the first wrapping that still opens. */
    SecretKey dataKey(String sha256) {
        List<String> candidates = new ArrayList<>(wrappings.all(sha256));
        EvidenceBlob blob = blobs.findById(sha256);
        if (blob != null && blob.wrappedKey != null) {
            candidates.add(blob.wrappedKey);
        }
        RuntimeException last = null;
        for (String candidate : candidates) {
            try {
                return keys.unwrap(candidate);
            } catch (RuntimeException e) {
                last = e;
            }
        }
        throw new IntegrityViolationException("No key opens the stored content " + sha256
                + (last == null ? "" : " (" + last.getMessage() + ")"));
    }
}
