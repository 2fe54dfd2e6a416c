package org.vidcase.jobs.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.vidcase.audit.service.AuditAction;
import org.vidcase.audit.service.AuditObject;
import org.vidcase.audit.service.Audited;

/** Audited reads and cancellation of jobs for their rightful viewers. */
@ApplicationScoped
public class JobQueryService {

    private final JobService jobs;
    private final JobAccess access;
    private final org.vidcase.shared.security.CurrentUser user;

    public JobQueryService(JobService jobs, JobAccess access, org.vidcase.shared.security.CurrentUser user) {
        this.jobs = jobs;
        this.access = access;
        this.user = user;
    }

    @Audited(AuditAction.JOB_VIEW)
    public JobSnapshot view(@AuditObject UUID jobId) {
        return jobs.snapshot(access.visible(jobId));
    }

    @Audited(AuditAction.JOB_CANCEL)
    public JobSnapshot cancel(@AuditObject UUID jobId) {
        access.cancellable(jobId);
        return jobs.snapshot(jobs.cancel(jobId));
    }

    /** The caller's own jobs, newest first (what they started: imports, clustering, verification). */
    @Audited(AuditAction.JOB_LIST)
    public java.util.List<JobSnapshot> mine(boolean activeOnly, int limit) {
        return jobs.ofOwner(user.name(), activeOnly, limit).stream().map(jobs::snapshot).toList();
    }

    /** For the event stream: checks access once, then reads without auditing every tick. */
    public JobSnapshot current(UUID jobId) {
        return jobs.snapshot(jobId);
    }
}
