package org.vidcase.search.service;

import jakarta.enterprise.context.ApplicationScoped;
import org.vidcase.audit.service.AuditAction;
import org.vidcase.audit.service.Audited;
import org.vidcase.jobs.domain.Job;
import org.vidcase.jobs.domain.JobRepository;
import org.vidcase.jobs.service.JobService;
import org.vidcase.shared.error.ConflictException;
import org.vidcase.shared.security.CurrentUser;

/** Operator actions on the search index. */
@ApplicationScoped
public class SearchAdminService {

    private static final long REBUILD_LOCK = 0x7669646361736502L;

    private final JobService jobs;
    private final JobRepository repository;
    private final CurrentUser user;

    public SearchAdminService(JobService jobs, JobRepository repository, CurrentUser user) {
        this.jobs = jobs;
        this.repository = repository;
        this.user = user;
    }

    /** One rebuild at a time: a second would fill the same new index. */
    @Audited(AuditAction.SEARCH_REBUILD)
    public Job rebuild() {
        // Serialises concurrent requests: the check and the submission commit together.
        repository.getEntityManager().createNativeQuery("SELECT pg_advisory_xact_lock(?1)")
                .setParameter(1, REBUILD_LOCK).getSingleResult();
        if (repository.unfinished().stream().anyMatch(j -> SearchRebuildJob.TYPE.equals(j.type))) {
            throw new ConflictException("A rebuild of the search index is already running; follow it in /api/jobs");
        }
        return jobs.submit(SearchRebuildJob.TYPE, null, user.name(), null);
    }
}
