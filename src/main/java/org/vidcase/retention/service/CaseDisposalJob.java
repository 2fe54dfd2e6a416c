package org.vidcase.retention.service;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import org.jboss.logging.Logger;
import org.vidcase.audit.domain.AuditOutcome;
import org.vidcase.audit.service.AuditAction;
import org.vidcase.audit.service.AuditEntry;
import org.vidcase.audit.service.AuditTrail;
import org.vidcase.cases.domain.VidCase;
import org.vidcase.jobs.service.JobContext;
import org.vidcase.jobs.service.JobHandler;
import org.vidcase.media.infra.EvidenceKeys;
import org.vidcase.retention.domain.CaseDisposal;
import org.vidcase.retention.domain.DisposalState;

/**
 * Carries out an approved disposal. First, in one transaction: the case is checked again (a legal
 * hold set since the approval stops it, and nothing is removed), its rows go through the one
 * disposal path ({@code dispose_case_rows}: append-only history included, content other cases hold
 * kept, objects queued for the orphan sweep, documents queued for removal from the index), the
 * register records what went, and the audit trail records the disposal with its approver. Then the
 * case's key is destroyed in the key store. Each step is idempotent, so a run taken over by another
 * replica finishes what the first began.
 */
@ApplicationScoped
public class CaseDisposalJob implements JobHandler {

    public static final String TYPE = "case-disposal";
    private static final Logger LOG = Logger.getLogger(CaseDisposalJob.class);

    private final EntityManager em;
    private final AuditTrail trail;
    private final EvidenceKeys keys;
    private final ObjectMapper json;

    public CaseDisposalJob(EntityManager em, AuditTrail trail, EvidenceKeys keys, ObjectMapper json) {
        this.em = em;
        this.trail = trail;
        this.keys = keys;
        this.json = json;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public boolean resumable() {
        return true;
    }

    @Override
    public void run(JobContext context) throws Exception {
        UUID disposalId = UUID.fromString(json.readTree(context.parameters()).get("disposalId").asText());
        context.total(2);
        String stopped = QuarkusTransaction.requiringNew().call(() -> removeRows(disposalId, context));
        if (stopped != null) {
            throw new IllegalStateException(stopped);
        }
        context.advance(1);
        CaseDisposal disposal = QuarkusTransaction.requiringNew().call(() -> em.find(CaseDisposal.class, disposalId));
        boolean destroyed = keys.destroyCaseKey(disposal.caseId);
        QuarkusTransaction.requiringNew().run(() -> {
            CaseDisposal d = em.find(CaseDisposal.class, disposalId, LockModeType.PESSIMISTIC_WRITE);
            if (d.keyDestroyedAt == null) {
                d.keyDestroyedAt = Instant.now();
                trail.append(AuditEntry.of(context.owner(), AuditAction.CASE_KEY_DESTROY, d.caseId.toString(), d.caseId,
                        AuditOutcome.SUCCESS, null, null, "case " + d.caseReference + ": evidence key "
                                + (destroyed ? "destroyed" : "already destroyed") + " in the key store (disposal " + d.id + ")"));
            }
        });
        context.advance(1);
        context.result(json.writeValueAsString(DisposalResult.of(
                QuarkusTransaction.requiringNew().call(() -> em.find(CaseDisposal.class, disposalId)))));
        context.message("Case " + disposal.caseReference + " disposed of");
    }

    /** Removes the case's rows; returns why it stopped instead, or null. */
    private String removeRows(UUID disposalId, JobContext context) throws Exception {
        CaseDisposal d = em.find(CaseDisposal.class, disposalId, LockModeType.PESSIMISTIC_WRITE);
        if (d == null) {
            return "Disposal " + disposalId + " is not in the register";
        }
        if (d.state == DisposalState.DISPOSED) {
            return null;
        }
        if (d.state == DisposalState.STOPPED) {
            return "The disposal of case " + d.caseReference + " was stopped: " + d.stoppedReason;
        }
        VidCase c = em.find(VidCase.class, d.caseId, LockModeType.PESSIMISTIC_WRITE);
        String reason = c == null ? "the case no longer exists"
                : c.legalHold ? "a legal hold was set on it by " + c.legalHoldBy + " (" + c.legalHoldReason + ")"
                : unfinishedJobs(d.caseId, context.jobId());
        if (reason != null) {
            d.state = DisposalState.STOPPED;
            d.stoppedReason = reason;
            trail.append(AuditEntry.of(context.owner(), AuditAction.CASE_DISPOSE, d.caseId.toString(), d.caseId,
                    AuditOutcome.REFUSED, null, null, "disposal stopped, nothing removed: " + reason));
            return "The disposal of case " + d.caseReference + " stopped, nothing was removed: " + reason;
        }
        String removed = (String) em.createNativeQuery("SELECT CAST(dispose_case_rows(?1) AS text)")
                .setParameter(1, d.caseId).getSingleResult();
        JsonNode summary = json.readTree(removed);
        d.state = DisposalState.DISPOSED;
        d.rowsRemoved = summary.get("rows").toString();
        d.objectsRemoved = summary.get("objectsQueued").asInt();
        d.objectsKept = summary.get("objectsKept").asInt();
        d.disposedAt = Instant.now();
        trail.append(AuditEntry.of(context.owner(), AuditAction.CASE_DISPOSE, d.caseId.toString(), d.caseId,
                AuditOutcome.SUCCESS, d.legalBasis, null, "case " + d.caseReference + " disposed of; approved by "
                        + d.approvedBy + " at " + d.approvedAt + "; objects removed " + d.objectsRemoved + ", kept for other cases "
                        + d.objectsKept + "; rows " + d.rowsRemoved));
        LOG.infof("Case %s disposed of (approved by %s): %s", d.caseReference, d.approvedBy, d.rowsRemoved);
        return null;
    }

    private String unfinishedJobs(UUID caseId, UUID self) {
        @SuppressWarnings("unchecked")
        List<Object> running = em.createNativeQuery(
                        "SELECT type FROM job WHERE case_id = ?1 AND state IN ('QUEUED', 'RUNNING') AND id <> ?2")
                .setParameter(1, caseId).setParameter(2, self).getResultList();
        return running.isEmpty() ? null : running.size() + " jobs of the case were started since the approval ("
                + running.get(0) + "): approve again once they have finished";
    }

    /** What the job reports when done. */
    record DisposalResult(UUID disposalId, UUID caseId, String caseReference, String rowsRemoved, Integer objectsRemoved,
                          Integer objectsKept, Instant keyDestroyedAt) {
        static DisposalResult of(CaseDisposal d) {
            return new DisposalResult(d.id, d.caseId, d.caseReference, d.rowsRemoved, d.objectsRemoved, d.objectsKept,
                    d.keyDestroyedAt);
        }
    }
}
