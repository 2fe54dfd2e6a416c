package org.vidcase.media.infra;

import java.io.IOException;
import java.util.UUID;
import java.util.function.BiConsumer;
import org.vidcase.audit.domain.AuditOutcome;
import org.vidcase.media.infra.EvidenceStore.StagedEvidence;
import org.vidcase.shared.error.ContentTooLargeException;
import org.vidcase.shared.error.ServiceUnavailableException;

/**
 * Stores an uploaded import file (a forensic export or a hash-set file) encrypted under a prefix,
 * keeping its head for format recognition; a refusal is reported to the caller's audit before the
 * matching problem is thrown (413, 503, or 400 for a broken upload).
 */
public final class ImportStaging {

    private ImportStaging() {
    }

    /** @param caseId the case the file belongs to (its key wraps the file's), or null for none */
    public static StagedEvidence stage(EvidenceStore store, HeadCapture head, String prefix, UUID caseId,
                                       BiConsumer<AuditOutcome, String> refusal) {
        try {
            return store.stage(head, prefix, caseId);
        } catch (UploadTooLargeException e) {
            refusal.accept(AuditOutcome.REFUSED, e.getMessage());
            throw new ContentTooLargeException(e.getMessage());
        } catch (ServiceUnavailableException e) {
            refusal.accept(AuditOutcome.FAILED, "evidence key store unavailable");
            throw e;
        } catch (StorageUnavailableException e) {
            refusal.accept(AuditOutcome.FAILED, "evidence storage unavailable");
            throw new ServiceUnavailableException("Evidence storage is unavailable; nothing was imported. Try again later.");
        } catch (IOException e) {
            refusal.accept(AuditOutcome.FAILED, "upload interrupted: " + e.getMessage());
            throw new IllegalArgumentException("The file could not be read completely: " + e.getMessage());
        }
    }
}
