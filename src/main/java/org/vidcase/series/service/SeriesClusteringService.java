package org.vidcase.series.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.vidcase.audit.service.AuditAction;
import org.vidcase.audit.service.AuditCase;
import org.vidcase.audit.service.Audited;
import org.vidcase.cases.service.CaseAccess;
import org.vidcase.jobs.domain.Job;
import org.vidcase.jobs.domain.JobRepository;
import org.vidcase.jobs.service.JobService;
import org.vidcase.seizure.domain.SeizureRepository;
import org.vidcase.shared.error.ConflictException;
import org.vidcase.shared.error.ResourceNotFoundException;
import org.vidcase.shared.security.CurrentUser;

/** Starts clustering jobs, one at a time per case. */
@ApplicationScoped
public class SeriesClusteringService {

    private final JobService jobs;
    private final JobRepository jobRepository;
    private final SeizureRepository seizures;
    private final CaseAccess access;
    private final CurrentUser user;
    private final ObjectMapper json;

    public SeriesClusteringService(JobService jobs, JobRepository jobRepository, SeizureRepository seizures,
                                   CaseAccess access, CurrentUser user, ObjectMapper json) {
        this.jobs = jobs;
        this.jobRepository = jobRepository;
        this.seizures = seizures;
        this.access = access;
        this.user = user;
        this.json = json;
    }

    @Audited(AuditAction.SERIES_CLUSTER)
    public Job submit(@AuditCase UUID caseId, UUID seizureId, boolean incremental) {
        access.workable(caseId);
        if (seizureId != null && seizures.inCase(caseId, seizureId).isEmpty()) {
            throw new ResourceNotFoundException("Seizure", seizureId);
        }
        Job job = submitAs(caseId, seizureId, incremental, user.name());
        if (job == null) {
            throw new ConflictException("Clustering of this case is already running; follow it in /api/jobs");
        }
        return job;
    }

    /**
     * Queues a run unless one is queued or running for the case (then null); for the server's own
     * sweep as well as for officers.
     */
    @jakarta.transaction.Transactional
    public Job submitAs(UUID caseId, UUID seizureId, boolean incremental, String owner) {
        // Serialises submissions for the case: the check and the submission commit together.
        jobRepository.getEntityManager().createNativeQuery("SELECT pg_advisory_xact_lock(hashtextextended(?1, 7))")
                .setParameter(1, "series-clustering/" + caseId).getSingleResult();
        boolean running = jobRepository.unfinished().stream()
                .anyMatch(j -> SeriesClusteringJob.TYPE.equals(j.type) && caseId.equals(j.caseId));
        if (running) {
            return null;
        }
        try {
            return jobs.submit(SeriesClusteringJob.TYPE, caseId, owner,
                    json.writeValueAsString(new ClusteringParameters(caseId, seizureId, incremental)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
