package org.vidcase.hashset.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.InputStream;
import java.time.Instant;
import java.util.UUID;
import org.vidcase.audit.domain.AuditOutcome;
import org.vidcase.audit.service.AuditAction;
import org.vidcase.audit.service.AuditEntry;
import org.vidcase.audit.service.AuditTrail;
import org.vidcase.hashset.domain.ImportState;
import org.vidcase.hashset.domain.ReferenceHashSet;
import org.vidcase.hashset.domain.ReferenceHashSetRepository;
import org.vidcase.hashset.importer.HashSetFormat;
import org.vidcase.jobs.domain.Job;
import org.vidcase.jobs.service.JobService;
import org.vidcase.matching.HashSetKind;
import org.vidcase.matching.HashSetSource;
import org.vidcase.media.infra.EvidenceStore.StagedEvidence;
import org.vidcase.media.infra.EvidenceStore;
import org.vidcase.media.infra.HeadCapture;
import org.vidcase.media.infra.ImportStaging;
import org.vidcase.shared.error.ConflictException;
import org.vidcase.shared.error.ResourceNotFoundException;
import org.vidcase.shared.error.RuleViolationException;
import org.vidcase.shared.request.RequestInfo;
import org.vidcase.shared.security.CurrentUser;

/**
 * Accepts the file of a hash-set version: stores it encrypted, refuses at once a file that is not
 * the format claimed, and queues the import job. A set version is imported once; a new version of
 * a list is a new set.
 */
@ApplicationScoped
public class HashSetImportService {

    private final ReferenceHashSetRepository sets;
    private final EvidenceStore store;
    private final JobService jobs;
    private final AuditTrail trail;
    private final CurrentUser user;
    private final RequestInfo request;
    private final ObjectMapper json;

    public HashSetImportService(ReferenceHashSetRepository sets, EvidenceStore store, JobService jobs,
                                AuditTrail trail, CurrentUser user, RequestInfo request, ObjectMapper json) {
        this.sets = sets;
        this.store = store;
        this.jobs = jobs;
        this.trail = trail;
        this.user = user;
        this.request = request;
        this.json = json;
    }

    public Job submit(UUID setId, HashSetFormat format, String fileName, InputStream body) {
        if (format == null) {
            throw new IllegalArgumentException("format is required: one of ICSE, VICS, NSRL, PLAIN");
        }
        ReferenceHashSet set = QuarkusTransaction.requiringNew().call(() -> importable(setId, format));
        HeadCapture head = new HeadCapture(body);
        StagedEvidence stored = ImportStaging.stage(store, head, "hash-set-imports/", null,
                (outcome, detail) -> audit(setId, outcome, detail));
        String wrongType = format.recognise(head.bytes());
        if (wrongType != null) {
            store.remove(stored.stagingKey());
            audit(setId, AuditOutcome.REFUSED, wrongType);
            throw new RuleViolationException(wrongType);
        }
        HashSetImportParameters parameters = new HashSetImportParameters(setId, set.indexId, format,
                stored.stagingKey(), stored.wrappedKey().storageForm(), stored.digest().sha256(),
                stored.digest().size(), fileName);
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
            return QuarkusTransaction.requiringNew().call(() -> {
                ReferenceHashSet s = importable(setId, format);
                Job job = jobs.submit(HashSetImportJob.TYPE, null, actor, parametersJson);
                s.importState = ImportState.IMPORTING;
                s.lastJobId = job.id;
                s.updatedBy = actor;
                s.updatedAt = Instant.now();
                trail.append(AuditEntry.of(actor, AuditAction.HASHSET_IMPORT, setId.toString(), null,
                        AuditOutcome.SUCCESS, null, requestId, "import of " + format + " file queued as job " + job.id
                                + "; file sha256 " + stored.digest().sha256() + ", " + stored.digest().size() + " bytes"));
                return job;
            });
        } catch (RuntimeException e) {
            store.remove(stored.stagingKey());
            audit(setId, AuditOutcome.FAILED, "could not queue the import: " + e.getMessage());
            throw e;
        }
    }

    /** The set, if a file of this format may be imported into it now; checked before and after the upload. */
    private ReferenceHashSet importable(UUID setId, HashSetFormat format) {
        ReferenceHashSet s = sets.findByIdOptional(setId).orElseThrow(() -> new ResourceNotFoundException("Hash set", setId));
        boolean running = s.importState == ImportState.IMPORTING
                && (s.lastJobId == null || jobs.find(s.lastJobId).map(j -> !j.state.isTerminal()).orElse(false));
        if (running || s.importState == ImportState.IMPORTED) {
            throw new ConflictException("Hash set " + s.name + " version " + s.setVersion + " is "
                    + (s.importState == ImportState.IMPORTED ? "imported already; register the new version as a new set"
                    : "being imported (job " + s.lastJobId + ")"));
        }
        if (s.source == HashSetSource.HUB) {
            throw new RuleViolationException("The HUB subscription is kept current by pulls from the hub, not by imports");
        }
        if (format == HashSetFormat.NSRL && s.kind != HashSetKind.IGNORABLE) {
            throw new RuleViolationException("NSRL lists known-good files: import it into an IGNORABLE set, not "
                    + s.kind);
        }
        return s;
    }

    private void audit(UUID setId, AuditOutcome outcome, String detail) {
        trail.appendSeparately(AuditEntry.of(user.name(), AuditAction.HASHSET_IMPORT, setId.toString(), null, outcome,
                null, request.requestId(), detail));
    }
}
