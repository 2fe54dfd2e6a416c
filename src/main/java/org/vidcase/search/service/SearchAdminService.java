package org.vidcase.search.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
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
    static final String UPGRADE_OWNER = "vidcase (search index upgrade)";

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
    @Transactional
    public Job rebuild() {
        if (rebuildRunning()) {
            throw new ConflictException("A rebuild of the search index is already running; follow it in /api/jobs");
        }
        return jobs.submit(SearchRebuildJob.TYPE, null, user.name(), null);
    }

    /**
     * Starts the rebuild that brings an index of older documents up to this version, unless one
     * runs already (on any replica).
     *
     * @return whether it started one
     */
    @Transactional
    public boolean upgrade() {
        if (rebuildRunning()) {
            return false;
        }
        jobs.submit(SearchRebuildJob.TYPE, null, UPGRADE_OWNER, null);
        return true;
    }

    /** Serialises concurrent requests: the check and the submission commit together. */
    private boolean rebuildRunning() {
        repository.getEntityManager().createNativeQuery("SELECT pg_advisory_xact_lock(?1)")
                .setParameter(1, REBUILD_LOCK).getSingleResult();
        return repository.unfinished().stream().anyMatch(j -> SearchRebuildJob.TYPE.equals(j.type));
    }
}
