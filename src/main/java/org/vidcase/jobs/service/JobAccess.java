package org.vidcase.jobs.service;

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

    public Job visible(UUID jobId) {
        Job job = jobs.find(jobId).orElseThrow(() -> new ResourceNotFoundException("Job", jobId));
        boolean allowed = user.isSupervisor() || user.name().equals(job.owner)
                || (job.caseId != null && cases.canRead(job.caseId));
        if (!allowed) {
            throw new HiddenResourceException("Job", jobId);
        }
        return job;
    }
}
