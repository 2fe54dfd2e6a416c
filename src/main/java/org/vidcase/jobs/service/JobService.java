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

    void stop(@Observes ShutdownEvent event) {
        live.values().forEach(LiveJob::requestCancel);
        workers.shutdownNow();
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
        Job job = jobs.findById(id);
        if (job.state.isTerminal()) {
            throw new ConflictException("Job " + id + " has already ended as " + job.state);
        }
        LiveJob running = live.get(id);
        if (running != null) {
            running.requestCancel();
            job.message = "cancellation requested";
        } else {
            job.state = JobState.CANCELLED;
            job.finishedAt = Instant.now();
            job.message = "cancelled before it started";
        }
        job.updatedAt = Instant.now();
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
            JobHandler handler = handler(QuarkusTransaction.requiringNew().call(() -> jobs.findById(id).type))
                    .orElseThrow();
            try {
                handler.run(running);
                finish(running, running.cancelled() ? JobState.CANCELLED : JobState.SUCCEEDED, null);
            } catch (Throwable failure) {
                LOG.errorf(failure, "Job %s (%s) failed", id, handler.type());
                String reason = failure.getMessage() != null ? failure.getMessage() : failure.getClass().getSimpleName();
                finish(running, JobState.FAILED, reason);
            } finally {
                live.remove(id);
            }
        } finally {
            requestContext.terminate();
        }
    }

    private LiveJob claim(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Job job = jobs.findById(id);
            if (job == null || job.state != JobState.QUEUED) {
                return null;
            }
            job.state = JobState.RUNNING;
            job.attempts++;
            if (job.startedAt == null) {
                job.startedAt = Instant.now();
            }
            job.updatedAt = Instant.now();
            LiveJob running = new LiveJob(job.id, job.owner, job.caseId, job.parameters, job.checkpoint,
                    job.checkpoint == null ? 0 : job.doneItems, config.progressFlushInterval(), this::flush);
            live.put(job.id, running);
            return running;
        });
    }

    private void flush(LiveJob running) {
        try {
            QuarkusTransaction.requiringNew().run(() -> write(jobs.findById(running.jobId()), running.progress()));
        } catch (RuntimeException e) {
            LOG.warnf("Could not record progress of job %s: %s", running.jobId(), e.getMessage());
        }
    }

    private void finish(LiveJob running, JobState state, String failure) {
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
