package org.vidcase.media.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.UUID;
import org.vidcase.audit.domain.AuditOutcome;
import org.vidcase.audit.service.AuditAction;
import org.vidcase.audit.service.AuditEntry;
import org.vidcase.audit.service.AuditTrail;
import org.vidcase.jobs.domain.Job;
import org.vidcase.jobs.service.JobService;
import org.vidcase.media.infra.EvidenceStore;
import org.vidcase.media.infra.HeadCapture;
import org.vidcase.media.infra.ImportStaging;
import org.vidcase.media.infra.EvidenceStore.StagedEvidence;
import org.vidcase.media.vics.HashCsvReader;
import org.vidcase.media.vics.MalformedExportException;
import org.vidcase.media.vics.NotHashCsvException;
import org.vidcase.media.vics.NotVicsException;
import org.vidcase.media.vics.VicsReader;
import org.vidcase.shared.error.RuleViolationException;
import org.vidcase.shared.request.RequestInfo;
import org.vidcase.shared.security.CurrentUser;

/**
 * Accepts a forensic export for import: stores it encrypted (the job may run after a restart, on
 * any node), refuses at once a file that is not what it claims to be, and queues the import job.
 */
@ApplicationScoped
public class MediaImportService {

    private final MediaIngestService ingest;
    private final EvidenceStore store;
    private final JobService jobs;
    private final AuditTrail trail;
    private final CurrentUser user;
    private final RequestInfo request;
    private final ObjectMapper json;
    private final EvidenceOrphans orphans;

    public MediaImportService(MediaIngestService ingest, EvidenceStore store, JobService jobs, AuditTrail trail,
                              CurrentUser user, RequestInfo request, ObjectMapper json, EvidenceOrphans orphans) {
        this.orphans = orphans;
        this.ingest = ingest;
        this.store = store;
        this.jobs = jobs;
        this.trail = trail;
        this.user = user;
        this.request = request;
        this.json = json;
    }

    public Job submit(UUID caseId, UUID seizureId, ImportFormat format, String fileName, InputStream body) {
        ingest.checkCanUpload(caseId, seizureId);
        HeadCapture head = new HeadCapture(body);
        StagedEvidence stored = ImportStaging.stage(store, head, "imports/", caseId,
                (outcome, detail) -> audit(caseId, seizureId, outcome, detail));
        String notAnExport = recognise(format, head.bytes());
        if (notAnExport != null) {
            store.remove(stored.stagingKey());
            audit(caseId, seizureId, AuditOutcome.REFUSED, notAnExport);
            throw new RuleViolationException(notAnExport);
        }
        ImportParameters parameters = new ImportParameters(caseId, seizureId, format, stored.stagingKey(),
                stored.wrappedKey().storageForm(), stored.digest().sha256(), stored.digest().size(), fileName);
        String parametersJson;
        try {
            parametersJson = json.writeValueAsString(parameters);
        } catch (JsonProcessingException e) {
            store.remove(stored.stagingKey());
            throw new IllegalStateException("Could not queue the import", e);
        }
        String actor = user.name();
        String requestId = request.requestId();
        try {
            // The job and its audit event commit together: no import runs unrecorded.
            return QuarkusTransaction.requiringNew().call(() -> {
                Job job = jobs.submit(MediaImportJob.TYPE, caseId, actor, parametersJson);
                trail.append(AuditEntry.of(actor, AuditAction.MEDIA_IMPORT, seizureId.toString(), caseId,
                        AuditOutcome.SUCCESS, null, requestId, "import of " + format + " export queued as job " + job.id
                                + "; file sha256 " + stored.digest().sha256()));
                return job;
            });
        } catch (RuntimeException e) {
            // The commit may have taken (the connection lost on the way back): the sweep removes the file
            // only if no import job names it.
            orphans.checkLater(stored.stagingKey());
            try {
                audit(caseId, seizureId, AuditOutcome.FAILED, "could not queue the import");
            } catch (RuntimeException databaseDown) {
                e.addSuppressed(databaseDown);
            }
            throw e;
        }
    }

    /** Null when the head of the file is the format claimed, else why not. */
    static String recognise(ImportFormat format, byte[] head) {
        try {
            if (format == ImportFormat.VICS) {
                VicsReader.open(new ByteArrayInputStream(head)).close();
            } else {
                HashCsvReader.open(new ByteArrayInputStream(head)).close();
            }
            return null;
        } catch (NotVicsException | NotHashCsvException e) {
            return "Not a " + format + " export: " + e.getMessage();
        } catch (MalformedExportException e) {
            return "Not a readable " + format + " export: " + e.getMessage();
        } catch (IOException e) {
            return "Not a readable " + format + " export: " + e.getMessage();
        }
    }

    private void audit(UUID caseId, UUID seizureId, AuditOutcome outcome, String detail) {
        trail.appendSeparately(AuditEntry.of(user.name(), AuditAction.MEDIA_IMPORT, seizureId.toString(), caseId,
                outcome, null, request.requestId(), detail));
    }
}
