package org.vidcase.jobs.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.enterprise.inject.Instance;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;
import org.vidcase.jobs.domain.Job;
import org.vidcase.jobs.domain.JobRepository;
import org.vidcase.jobs.domain.JobState;
import org.vidcase.shared.error.ConflictException;
import org.vidcase.shared.error.DomainException;

/**
 * Runs jobs on a bounded worker pool. A job is created in the caller's transaction and starts
 * only after that transaction commits; its row is the durable state, the live map the fresh one.
 */
@ApplicationScoped
public class JobService {

    private static final Logger LOG = Logger.getLogger(JobService.class);

    private final JobRepository jobs;
    private final Instance<JobHandler> handlers;
    private final JobsConfig config;
    private final ObjectMapper json;
    private final Event<JobSubmitted> submitted;
    private final Map<UUID, LiveJob> live = new ConcurrentHashMap<>();
    private ExecutorService workers;

    public JobService(JobRepository jobs, Instance<JobHandler> handlers, JobsConfig config, ObjectMapper json,
                      Event<JobSubmitted> submitted) {
        this.jobs = jobs;
        this.handlers = handlers;
        this.config = config;
        this.json = json;
        this.submitted = submitted;
    }

    void start(@Observes StartupEvent event) {
        AtomicInteger n = new AtomicInteger();
        workers = Executors.newFixedThreadPool(config.workerThreads(), r -> {
            Thread t = new Thread(r, "vidcase-job-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        recoverUnfinished();
    }

    /**
     * A stop is not a cancellation: running jobs are asked to return, their progress and checkpoint
     * are saved, and their rows stay RUNNING so that the next start resumes or fails them.
     */
    void stop(@Observes ShutdownEvent event) {
        live.values().forEach(LiveJob::requestStop);
        workers.shutdown();
        try {
            if (!workers.awaitTermination(20, java.util.concurrent.TimeUnit.SECONDS)) {
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            workers.shutdownNow();
        }
    }

    /** Creates the job in the current transaction; it is queued for a worker once that commits. */
    @Transactional
    public Job submit(String type, UUID caseId, String owner, String parametersJson) {
        if (handler(type).isEmpty()) {
            throw new IllegalArgumentException("Unknown job type " + type);
        }
        Job job = new Job();
        job.id = UUID.randomUUID();
        job.type = type;
        job.state = JobState.QUEUED;
        job.caseId = caseId;
        job.owner = owner;
        job.createdAt = Instant.now();
        job.updatedAt = job.createdAt;
        job.parameters = parametersJson;
        jobs.persist(job);
        submitted.fire(new JobSubmitted(job.id));
        return job;
    }

    void queueAfterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) JobSubmitted event) {
        workers.submit(() -> execute(event.jobId()));
    }

    public Optional<Job> find(UUID id) {
        return QuarkusTransaction.joiningExisting().call(() -> Optional.ofNullable(jobs.findById(id)));
    }

    /** The job row with the live counters of a running job laid over it. */
    public JobSnapshot snapshot(Job job) {
        LiveJob running = live.get(job.id);
        if (running == null) {
            return JobSnapshot.of(job, readErrors(job.errors), null);
        }
        return JobSnapshot.of(job, null, running.progress());
    }

    public JobSnapshot snapshot(UUID id) {
        return find(id).map(this::snapshot).orElseThrow();
    }

    @Transactional
    public Job cancel(UUID id) {
        // State changes are conditional updates: the worker may claim or finish the job meanwhile.
        int unstarted = jobs.update("state = ?1, finishedAt = ?2, updatedAt = ?2, message = ?3 where id = ?4 and state = ?5",
                JobState.CANCELLED, Instant.now(), "cancelled before it started", id, JobState.QUEUED);
        jobs.getEntityManager().clear();
        LiveJob running = live.get(id);
        if (unstarted == 0 && running != null) {
            running.requestCancel();
        }
        Job job = jobs.findById(id);
        if (unstarted == 1) {
            handler(job.type).ifPresent(h -> h.cancelledBeforeStart(job));
        }
        if (unstarted == 0 && running == null && job.state.isTerminal()) {
            throw new ConflictException("Job " + id + " has already ended as " + job.state);
        }
        return job;
    }

    /**
     * After a restart no job is left RUNNING: queued jobs are queued again, interrupted ones resume
     * from their checkpoint when their handler allows it and fail with a clear message otherwise.
     */
    public void recoverUnfinished() {
        List<UUID> toRun = QuarkusTransaction.requiringNew().call(() -> {
            List<UUID> ids = new ArrayList<>();
            for (Job job : jobs.unfinished()) {
                if (live.containsKey(job.id)) {
                    continue;
                }
                boolean resumable = handler(job.type).map(JobHandler::resumable).orElse(false);
                if (job.state == JobState.QUEUED || resumable) {
                    if (job.state == JobState.RUNNING) {
                        job.message = "resumed after a server restart";
                    }
                    job.state = JobState.QUEUED;
                    ids.add(job.id);
                } else {
                    job.state = JobState.FAILED;
                    job.finishedAt = Instant.now();
                    job.message = "interrupted by a server restart; start it again";
                }
                job.updatedAt = Instant.now();
            }
            return ids;
        });
        toRun.forEach(id -> workers.submit(() -> execute(id)));
        if (!toRun.isEmpty()) {
            LOG.infof("Re-queued %d job(s) after start-up", toRun.size());
        }
    }

    private void execute(UUID id) {
        ManagedContext requestContext = Arc.container().requestContext();
        requestContext.activate();
        try {
            LiveJob running = claim(id);
            if (running == null) {
                return;
            }
            try {
                JobHandler handler = handler(running.type()).orElseThrow();
                handler.run(running);
                if (running.stopping()) {
                    flush(running);
                } else {
                    finish(running, running.cancelled() ? JobState.CANCELLED : JobState.SUCCEEDED, null);
                }
            } catch (Throwable failure) {
                if (running.stopping()) {
                    flush(running);
                } else {
                    LOG.errorf(failure, "Job %s (%s) failed", id, running.type());
                    // Our own exceptions carry messages meant for users; anything else may not.
                    finish(running, JobState.FAILED, failure instanceof DomainException ? failure.getMessage()
                            : "the job failed; see the server log for job " + id);
                }
            } finally {
                live.remove(id);
            }
        } finally {
            requestContext.terminate();
        }
    }

    private LiveJob claim(UUID id) {
        LiveJob running = QuarkusTransaction.requiringNew().call(() -> {
            int claimed = jobs.update("state = ?1, attempts = attempts + 1, updatedAt = ?2 where id = ?3 and state = ?4",
                    JobState.RUNNING, Instant.now(), id, JobState.QUEUED);
            if (claimed == 0) {
                return null;
            }
            jobs.getEntityManager().clear();
            Job job = jobs.findById(id);
            if (job.startedAt == null) {
                job.startedAt = Instant.now();
            }
            return new LiveJob(job.id, job.type, job.owner, job.caseId, job.parameters, job.checkpoint,
                    job.checkpoint == null ? 0 : job.doneItems, config.progressFlushInterval(), this::flush);
        });
        if (running != null) {
            live.put(id, running);
        }
        return running;
    }

    private void flush(LiveJob running) {
        try {
            QuarkusTransaction.requiringNew().run(() -> write(jobs.findById(running.jobId()), running.progress()));
        } catch (RuntimeException e) {
            LOG.warnf("Could not record progress of job %s: %s", running.jobId(), e.getMessage());
        }
    }

    private void finish(LiveJob running, JobState state, String failure) {
        for (int attempt = 1; ; attempt++) {
            try {
                writeFinal(running, state, failure);
                return;
            } catch (RuntimeException e) {
                if (attempt == 3) {
                    LOG.errorf(e, "Could not record the end of job %s; it is failed at the next start", running.jobId());
                    return;
                }
                LOG.warnf("Recording the end of job %s failed (%s); retrying", running.jobId(), e.getMessage());
            }
        }
    }

    private void writeFinal(LiveJob running, JobState state, String failure) {
        QuarkusTransaction.requiringNew().run(() -> {
            Job job = jobs.findById(running.jobId());
            LiveJob.Progress progress = running.progress();
            write(job, progress);
            job.state = state;
            job.finishedAt = Instant.now();
            if (failure != null) {
                job.message = failure;
            } else if (state == JobState.CANCELLED) {
                job.message = "cancelled";
            }
        });
    }

    private void write(Job job, LiveJob.Progress progress) {
        job.totalItems = progress.total();
        job.doneItems = progress.done();
        job.errorCount = progress.errorCount();
        job.errors = writeErrors(progress.errors());
        job.checkpoint = progress.checkpoint();
        job.message = progress.message();
        job.result = progress.result();
        job.updatedAt = Instant.now();
    }

    private Optional<JobHandler> handler(String type) {
        return handlers.stream().filter(h -> h.type().equals(type)).findFirst();
    }

    private String writeErrors(List<String> errors) {
        try {
            return errors.isEmpty() ? null : json.writeValueAsString(errors);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<String> readErrors(String errors) {
        if (errors == null) {
            return List.of();
        }
        try {
            return json.readValue(errors, new TypeReference<List<String>>() { });
        } catch (JsonProcessingException e) {
            return List.of(errors);
        }
    }

    /** Fired inside the submitting transaction; observed after it commits. */
    public record JobSubmitted(UUID jobId) {
    }
}
