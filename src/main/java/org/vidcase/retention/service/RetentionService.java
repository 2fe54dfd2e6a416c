package org.vidcase.retention.service;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.vidcase.audit.service.AuditAction;
import org.vidcase.audit.service.AuditCase;
import org.vidcase.audit.service.AuditJustification;
import org.vidcase.audit.service.AuditObject;
import org.vidcase.audit.service.Audited;
import org.vidcase.cases.api.CaseView;
import org.vidcase.cases.domain.CaseRepository;
import org.vidcase.cases.domain.CaseStatus;
import org.vidcase.cases.domain.VidCase;
import org.vidcase.cases.service.CaseAccess;
import org.vidcase.cases.service.RetentionConfig;
import org.vidcase.jobs.domain.Job;
import org.vidcase.jobs.domain.JobRepository;
import org.vidcase.jobs.service.JobService;
import org.vidcase.retention.api.DisposalRequest;
import org.vidcase.retention.api.DisposalView;
import org.vidcase.retention.api.DueCaseView;
import org.vidcase.retention.api.LegalHoldRequest;
import org.vidcase.retention.domain.CaseDisposal;
import org.vidcase.retention.domain.CaseDisposalRepository;
import org.vidcase.retention.domain.DisposalState;
import org.vidcase.shared.error.ConflictException;
import org.vidcase.shared.error.HiddenResourceException;
import org.vidcase.shared.error.ResourceNotFoundException;
import org.vidcase.shared.error.RuleViolationException;
import org.vidcase.shared.security.CurrentUser;
import org.vidcase.shared.security.Roles;

/**
 * Legal holds, the cases due for disposal, the supervisor's approval and the disposal register.
 * Supervisors act on the cases they supervise (their unit's); everything is audited.
 */
@ApplicationScoped
public class RetentionService {

    private final CaseRepository cases;
    private final CaseAccess access;
    private final CaseDisposalRepository disposals;
    private final JobRepository jobRows;
    private final JobService jobs;
    private final RetentionConfig retention;
    private final CurrentUser user;
    private final ObjectMapper json;

    public RetentionService(CaseRepository cases, CaseAccess access, CaseDisposalRepository disposals,
                            JobRepository jobRows, JobService jobs, RetentionConfig retention, CurrentUser user,
                            ObjectMapper json) {
        this.cases = cases;
        this.access = access;
        this.disposals = disposals;
        this.jobRows = jobRows;
        this.jobs = jobs;
        this.retention = retention;
        this.user = user;
        this.json = json;
    }

    /** Sets (or restates) a legal hold: the case is not disposed of while it stands. */
    @Audited(AuditAction.CASE_HOLD_SET)
    public CaseView setHold(@AuditCase UUID caseId, @AuditJustification String reason,
                            @Valid @NotNull LegalHoldRequest request) {
        VidCase found = supervised(caseId);
        found.legalHold = true;
        found.legalHoldReason = request.reason().strip();
        found.legalHoldBy = user.name();
        found.legalHoldAt = Instant.now();
        return CaseView.of(found, access.roleOfCaller(caseId).orElse(null));
    }

    @Audited(AuditAction.CASE_HOLD_LIFT)
    public CaseView liftHold(@AuditCase UUID caseId, @AuditJustification String reason) {
        // Need-to-know first: a case the caller may not know of answers 404 whatever the reason says.
        VidCase found = supervised(caseId);
        if (reason == null || reason.isBlank() || reason.length() > 2000) {
            throw new IllegalArgumentException("reason: say why the hold is lifted (1 to 2000 characters)");
        }
        if (!found.legalHold) {
            throw new ConflictException("Case " + found.reference + " is not under a legal hold");
        }
        found.legalHold = false;
        found.legalHoldReason = null;
        found.legalHoldBy = null;
        found.legalHoldAt = null;
        return CaseView.of(found, access.roleOfCaller(caseId).orElse(null));
    }

    /** Closed cases the caller supervises, past their retention, not on hold and not yet approved. */
    @Audited(AuditAction.CASE_DISPOSAL_DUE)
    public List<DueCaseView> due() {
        Instant now = Instant.now();
        return cases.ofUnit(user.unit(), CaseStatus.CLOSED).stream()
                .filter(c -> !c.legalHold && !retainUntil(c).isAfter(now))
                .filter(c -> disposals.ofCase(c.id).map(d -> d.state == DisposalState.STOPPED).orElse(true))
                .map(c -> new DueCaseView(c.id, c.reference, c.title, c.unit, c.closedAt, c.closedBy, retainUntil(c)))
                .toList();
    }

    /**
     * Approves the disposal of a closed case past its retention and not on hold, and queues the job
     * that carries it out.
     */
    @Audited(AuditAction.CASE_DISPOSAL_APPROVE)
    public DisposalView approve(@AuditCase UUID caseId, @AuditJustification String legalBasis,
                                @Valid @NotNull DisposalRequest request) {
        // Locked before it is read: a hold set or a closing at the same moment waits for this approval, or wins.
        cases.getEntityManager().find(VidCase.class, caseId, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        VidCase found = supervised(caseId);
        if (found.status != CaseStatus.CLOSED) {
            throw new RuleViolationException("Case " + found.reference + " is open: only a closed case is disposed of");
        }
        if (found.legalHold) {
            throw new RuleViolationException("Case " + found.reference + " is under a legal hold (" + found.legalHoldReason
                    + ", set by " + found.legalHoldBy + "): lift it first");
        }
        Instant until = retainUntil(found);
        if (until.isAfter(Instant.now())) {
            throw new RuleViolationException("Case " + found.reference + " is kept until " + until
                    + " (closed " + found.closedAt + ", retention " + retention.closedCasePeriod() + ")");
        }
        CaseDisposal disposal = disposals.ofCase(caseId).orElse(null);
        if (disposal != null && disposal.state != DisposalState.STOPPED) {
            throw new ConflictException("The disposal of case " + found.reference + " was approved by "
                    + disposal.approvedBy + " at " + disposal.approvedAt + "; follow it in the register");
        }
        List<Job> running = jobRows.unfinished().stream().filter(j -> caseId.equals(j.caseId)).toList();
        if (!running.isEmpty()) {
            throw new ConflictException("Case " + found.reference + " has " + running.size()
                    + " unfinished jobs (first: " + running.get(0).type + " " + running.get(0).id + "): wait for them");
        }
        boolean first = disposal == null;
        if (first) {
            disposal = new CaseDisposal();
            disposal.id = UUID.randomUUID();
            disposal.caseId = caseId;
        }
        disposal.caseReference = found.reference;
        disposal.unit = found.unit;
        disposal.closedAt = found.closedAt;
        disposal.retainUntil = until;
        disposal.state = DisposalState.APPROVED;
        disposal.approvedBy = user.name();
        disposal.approvedAt = Instant.now();
        disposal.legalBasis = request.legalBasis().strip();
        disposal.stoppedReason = null;
        if (first) {
            disposals.persist(disposal);
        }
        // The job has no case: it outlives the case's rows (which include the case's jobs).
        Job job = jobs.submit(CaseDisposalJob.TYPE, null, user.name(), parameters(disposal.id));
        disposal.jobId = job.id;
        return DisposalView.of(disposal);
    }

    /** The register: a supervisor's unit's disposals, or every disposal for an auditor. */
    @Audited(AuditAction.CASE_DISPOSAL_LIST)
    public List<DisposalView> register() {
        List<CaseDisposal> visible = user.hasRole(Roles.AUDITOR) ? disposals.all() : disposals.ofUnit(user.unit());
        return visible.stream().map(DisposalView::of).toList();
    }

    @Audited(AuditAction.CASE_DISPOSAL_LIST)
    public DisposalView disposal(@AuditObject UUID disposalId) {
        CaseDisposal found = disposals.findByIdOptional(disposalId)
                .orElseThrow(() -> new ResourceNotFoundException("Disposal", disposalId));
        boolean visible = user.hasRole(Roles.AUDITOR) || found.unit == null || found.unit.equals(user.unit());
        if (!visible) {
            throw new HiddenResourceException("Disposal", disposalId);
        }
        return DisposalView.of(found);
    }

    private VidCase supervised(UUID caseId) {
        VidCase found = access.readable(caseId);
        if (!access.supervises(found)) {
            // A supervisor on another unit's case team reads it, but its retention is its own unit's call.
            throw new jakarta.ws.rs.ForbiddenException("Legal holds and disposal are for the supervisors of the case's unit");
        }
        return found;
    }

    private Instant retainUntil(VidCase c) {
        return c.retainUntil != null ? c.retainUntil : c.closedAt.plus(retention.closedCasePeriod());
    }

    private String parameters(UUID disposalId) {
        try {
            return json.writeValueAsString(Map.of("disposalId", disposalId.toString()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
