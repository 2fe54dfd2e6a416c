package org.vidcase.jobs.service;

import io.quarkus.security.ForbiddenException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.vidcase.cases.service.CaseAccess;
import org.vidcase.jobs.domain.Job;
import org.vidcase.shared.error.HiddenResourceException;
import org.vidcase.shared.error.ResourceNotFoundException;
import org.vidcase.shared.security.CurrentUser;

/** A job is visible to whoever started it, to its case team and to supervisors. */
@ApplicationScoped
public class JobAccess {

    private final JobService jobs;
    private final CaseAccess cases;
    private final CurrentUser user;

    public JobAccess(JobService jobs, CaseAccess cases, CurrentUser user) {
        this.jobs = jobs;
        this.cases = cases;
        this.user = user;
    }

    /** A case job follows the case's need-to-know; a job outside cases is its owner's (and supervisors'). */
    public Job visible(UUID jobId) {
        Job job = jobs.find(jobId).orElseThrow(() -> new ResourceNotFoundException("Job", jobId));
        boolean allowed = job.caseId != null ? cases.canRead(job.caseId)
                : user.isSupervisor() || user.name().equals(job.owner);
        if (!allowed) {
            throw new HiddenResourceException("Job", jobId);
        }
        return job;
    }

    /** Stopping a job is a change: for case jobs, the case's leads and members; otherwise its owner. */
    public Job cancellable(UUID jobId) {
        Job job = visible(jobId);
        if (job.caseId != null) {
            cases.workable(job.caseId);
        } else if (!user.name().equals(job.owner)) {
            throw new ForbiddenException();
        }
        return job;
    }
}
