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
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;
import org.vidcase.jobs.domain.Job;
import org.vidcase.jobs.domain.JobRepository;
import org.vidcase.jobs.domain.JobState;
import org.vidcase.shared.cluster.Replica;
import org.vidcase.shared.error.ConflictException;
import org.vidcase.shared.error.DomainException;

/**
 * Runs jobs on a bounded worker pool, safely with several replicas on one database. A job is
 * created in the caller's transaction and starts only after that transaction commits; its row is
 * the durable state, the live map the fresh one.
 *
 * <p>A replica claims a job by a conditional update that makes it the job's lease owner, and
 * renews the lease every third of {@code vidcase.jobs.lease} while the job runs. Every replica
 * polls for queued jobs it has room for and for running jobs whose lease ran out (their replica
 * died), which it resumes from their checkpoint when the handler allows it and fails otherwise;
 * rows are taken with {@code FOR UPDATE SKIP LOCKED}, so no job is claimed twice. A replica writes a
 * job's progress and end only while it holds the lease: one that lost it (paused past its lease
 * and taken over) stops the job without writing. A replica that cannot renew for two thirds of the
 * lease stops its jobs itself. A cancel asked of any replica is a flag the running one sees when it
 * renews.
 */
@ApplicationScoped
public class JobService {

    private static final Logger LOG = Logger.getLogger(JobService.class);

    private final JobRepository jobs;
    private final Instance<JobHandler> handlers;
    private final JobsConfig config;
    private final ObjectMapper json;
    private final Event<JobSubmitted> submitted;
    private final Event<JobEnded> ended;
    private final Map<UUID, LiveJob> live = new ConcurrentHashMap<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final String replica;
    private volatile long lastRenewalNanos = System.nanoTime();
    private ExecutorService workers;
    private ScheduledExecutorService leases;

    public JobService(JobRepository jobs, Instance<JobHandler> handlers, JobsConfig config, ObjectMapper json,
                      Event<JobSubmitted> submitted, Event<JobEnded> ended, Replica replica) {
        this.replica = replica.name();
        this.ended = ended;
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
        leases = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "vidcase-job-leases");
            t.setDaemon(true);
            return t;
        });
        long renew = Math.max(100, config.lease().toMillis() / 3);
        leases.scheduleWithFixedDelay(this::renewQuietly, renew, renew, TimeUnit.MILLISECONDS);
        leases.scheduleWithFixedDelay(this::pollQuietly, 0, config.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
        LOG.infof("Job worker %s: %d threads, lease %s", replica, config.workerThreads(), config.lease());
    }

    /** This replica's name in {@code job.lease_owner}: host, process and a random part. */
    public String replica() {
        return replica;
    }

    /**
     * A stop is not a cancellation: running jobs are asked to return, their progress and checkpoint
     * are saved, and their rows stay RUNNING so that the next start resumes or fails them.
     */
    void stop(@Observes ShutdownEvent event) {
        leases.shutdownNow();
        live.values().forEach(LiveJob::requestStop);
        workers.shutdown();
        try {
            if (!workers.awaitTermination(20, TimeUnit.SECONDS)) {
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            workers.shutdownNow();
        }
        // What this replica still holds is given up at once, so that another one resumes it now.
        try {
            QuarkusTransaction.requiringNew().run(() -> jobs.update(
                    "leaseUntil = ?1 where leaseOwner = ?2 and state = ?3", Instant.now(), replica, JobState.RUNNING));
        } catch (RuntimeException e) {
            LOG.warnf("Could not give up the leases of %s: %s", replica, e.getMessage());
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
        submitted.fire(new JobSubmitted(job.id, type));
        return job;
    }

    void queueAfterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) JobSubmitted event) {
        // Run here when there is room; otherwise the job waits queued for whichever replica has room first.
        if (saturatedTypes().contains(event.type())) {
            return;
        }
        if (inFlight.incrementAndGet() <= config.workerThreads()) {
            workers.submit(() -> execute(event.jobId()));
        } else {
            inFlight.decrementAndGet();
        }
    }

    public List<Job> ofOwner(String owner, boolean activeOnly, int limit) {
        return jobs.ofOwner(owner, activeOnly, limit);
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

    /**
     * Cancels a queued job at once; a running one, wherever it runs, is flagged and stops at the
     * running replica's next renewal (at once when it runs here).
     */
    @Transactional
    public Job cancel(UUID id) {
        // State changes are conditional updates: a worker may claim or finish the job meanwhile.
        int unstarted = jobs.update("state = ?1, finishedAt = ?2, updatedAt = ?2, message = ?3 where id = ?4 and state = ?5",
                JobState.CANCELLED, Instant.now(), "cancelled before it started", id, JobState.QUEUED);
        int flagged = unstarted == 1 ? 0 : jobs.update("cancelRequested = true, updatedAt = ?1 where id = ?2 and state = ?3",
                Instant.now(), id, JobState.RUNNING);
        jobs.getEntityManager().clear();
        LiveJob running = live.get(id);
        if (flagged == 1 && running != null) {
            running.requestCancel();
        }
        Job job = jobs.findById(id);
        if (unstarted == 1) {
            handler(job.type).ifPresent(h -> h.cancelledBeforeStart(job));
        }
        if (unstarted == 0 && flagged == 0 && job.state.isTerminal()) {
            throw new ConflictException("Job " + id + " has already ended as " + job.state);
        }
        return job;
    }

    /**
     * Claims what this replica has room for: queued jobs, and running jobs whose lease ran out (their
     * replica stopped or died), which are resumed from their checkpoint when their handler allows it
     * and failed with a clear message otherwise. Every replica does this every poll interval; a
     * running job another replica still holds is never touched.
     */
    public void recoverUnfinished() {
        int room = config.workerThreads() - inFlight.get();
        if (room <= 0) {
            return;
        }
        String[] saturated = saturatedTypes().toArray(String[]::new);
        List<UUID> toRun = QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<UUID> candidates = jobs.getEntityManager().createNativeQuery("""
                            SELECT id FROM job
                             WHERE (state = 'QUEUED' OR (state = 'RUNNING' AND (lease_until IS NULL OR lease_until < now())))
                               AND type <> ALL(CAST(?2 AS text[]))
                             ORDER BY created_at LIMIT ?1 FOR UPDATE SKIP LOCKED""", UUID.class)
                    .setParameter(1, room).setParameter(2, saturated).getResultList();
            List<UUID> ids = new ArrayList<>();
            for (UUID candidate : candidates) {
                Job job = jobs.findById(candidate);
                if (live.containsKey(job.id)) {
                    continue;
                }
                if (job.state == JobState.RUNNING) {
                    boolean resumable = handler(job.type).map(JobHandler::resumable).orElse(false);
                    String from = job.leaseOwner == null ? "a server restart" : "its replica (" + job.leaseOwner + ") stopped";
                    if (resumable && !job.cancelRequested) {
                        job.state = JobState.QUEUED;
                        job.message = "resumed after " + from;
                    } else {
                        job.state = job.cancelRequested ? JobState.CANCELLED : JobState.FAILED;
                        job.finishedAt = Instant.now();
                        job.message = job.cancelRequested ? "cancelled" : "interrupted by a server restart or a replica "
                                + "stopping (" + from + "); start it again";
                        job.leaseOwner = null;
                        job.leaseUntil = null;
                        job.updatedAt = Instant.now();
                        continue;
                    }
                    job.updatedAt = Instant.now();
                    LOG.infof("Job %s (%s) taken over by %s after %s", job.id, job.type, replica, from);
                }
                ids.add(job.id);
            }
            return ids;
        });
        for (UUID id : toRun) {
            inFlight.incrementAndGet();
            workers.submit(() -> execute(id));
        }
    }

    /** Types with as many jobs running here as their handler allows (a queued job of a type is counted too). */
    private java.util.Set<String> saturatedTypes() {
        java.util.Map<String, Integer> running = new java.util.HashMap<>();
        live.values().forEach(j -> running.merge(j.type(), 1, Integer::sum));
        java.util.Set<String> saturated = new java.util.HashSet<>();
        for (JobHandler h : handlers) {
            if (h.maxRunning() != Integer.MAX_VALUE && running.getOrDefault(h.type(), 0) >= h.maxRunning()) {
                saturated.add(h.type());
            }
        }
        return saturated;
    }

    private void pollQuietly() {
        try {
            recoverUnfinished();
        } catch (RuntimeException e) {
            LOG.debugf("Job poll of %s failed: %s", replica, e.getMessage());
        }
    }

    /**
     * Renews the leases of the jobs running here; a job whose lease another replica now holds is
     * stopped here without writing, a flagged one cancelled. A replica that could not renew for two
     * thirds of the lease stops its jobs, as another replica may take them over soon.
     */
    void renewLeases() {
        if (live.isEmpty()) {
            lastRenewalNanos = System.nanoTime();
            return;
        }
        UUID[] ids = live.keySet().toArray(UUID[]::new);
        @SuppressWarnings("unchecked")
        List<Object[]> held = QuarkusTransaction.requiringNew().call(() -> jobs.getEntityManager().createNativeQuery("""
                        UPDATE job SET lease_until = now() + CAST(?1 AS interval)
                         WHERE id = ANY(CAST(?2 AS uuid[])) AND lease_owner = ?3 AND state = 'RUNNING'
                        RETURNING id, cancel_requested""")
                .setParameter(1, config.lease().toMillis() + " milliseconds").setParameter(2, ids)
                .setParameter(3, replica).getResultList());
        lastRenewalNanos = System.nanoTime();
        java.util.Set<UUID> kept = new java.util.HashSet<>();
        for (Object[] row : held) {
            UUID id = (UUID) row[0];
            kept.add(id);
            LiveJob running = live.get(id);
            if (running != null && Boolean.TRUE.equals(row[1])) {
                running.requestCancel();
            }
        }
        List<UUID> notKept = java.util.Arrays.stream(ids).filter(id -> !kept.contains(id)).toList();
        if (notKept.isEmpty()) {
            return;
        }
        // A job that ended between the snapshot of running jobs and the renewal is not a lost lease.
        @SuppressWarnings("unchecked")
        List<Object> stillRunning = QuarkusTransaction.requiringNew().call(() -> jobs.getEntityManager()
                .createNativeQuery("SELECT id FROM job WHERE id = ANY(CAST(?1 AS uuid[])) AND state IN ('RUNNING', 'QUEUED')")
                .setParameter(1, notKept.toArray(UUID[]::new)).getResultList());
        for (Object row : stillRunning) {
            UUID id = (UUID) row;
            LiveJob running = live.get(id);
            if (running != null && !running.leaseLost()) {
                LOG.warnf("Job %s is no longer leased to %s (taken over elsewhere); stopping it here", id, replica);
                running.loseLease();
            }
        }
    }

    private void renewQuietly() {
        try {
            renewLeases();
        } catch (RuntimeException e) {
            long silentMillis = (System.nanoTime() - lastRenewalNanos) / 1_000_000;
            LOG.warnf("Could not renew the job leases of %s for %d ms: %s", replica, silentMillis, e.getMessage());
            if (silentMillis > config.lease().toMillis() * 2 / 3) {
                live.values().stream().filter(j -> !j.leaseLost()).forEach(j -> {
                    LOG.warnf("Stopping job %s here: its lease may run out and another replica take it over", j.jobId());
                    j.loseLease();
                });
            }
        }
    }

    private void execute(UUID id) {
        ManagedContext requestContext = Arc.container().requestContext();
        requestContext.activate();
        try {
            run(id);
        } finally {
            inFlight.decrementAndGet();
            requestContext.terminate();
        }
    }

    private void run(UUID id) {
        {
            LiveJob running = claim(id);
            if (running == null) {
                return;
            }
            try {
                JobHandler handler = handler(running.type()).orElseThrow();
                handler.run(running);
                if (running.leaseLost()) {
                    LOG.infof("Job %s returned after losing its lease; its new holder records it", id);
                } else if (running.stopping()) {
                    flush(running);
                } else {
                    finish(running, running.cancelled() ? JobState.CANCELLED : JobState.SUCCEEDED, null);
                }
            } catch (Throwable failure) {
                if (running.leaseLost()) {
                    LOG.infof("Job %s ended with %s after losing its lease; its new holder records it", id, failure);
                } else if (running.stopping()) {
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
        }
    }

    private LiveJob claim(UUID id) {
        LiveJob running = QuarkusTransaction.requiringNew().call(() -> {
            Instant now = Instant.now();
            int claimed = jobs.update("state = ?1, attempts = attempts + 1, updatedAt = ?2, leaseOwner = ?3, leaseUntil = ?4 "
                            + "where id = ?5 and state = ?6",
                    JobState.RUNNING, now, replica, now.plus(config.lease()), id, JobState.QUEUED);
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
        if (running.leaseLost()) {
            return;
        }
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                Job job = jobs.findById(running.jobId(), jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
                if (holds(job)) {
                    write(job, running.progress());
                } else {
                    running.loseLease();
                }
            });
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
            Job job = jobs.findById(running.jobId(), jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
            if (!holds(job)) {
                LOG.warnf("Job %s ended here as %s but another replica holds it now; its end is theirs to record",
                        running.jobId(), state);
                return;
            }
            LiveJob.Progress progress = running.progress();
            write(job, progress);
            job.leaseOwner = null;
            job.leaseUntil = null;
            job.state = state;
            job.finishedAt = Instant.now();
            if (failure != null) {
                job.message = failure;
            } else if (state == JobState.CANCELLED) {
                job.message = "cancelled";
            }
            if (job.owner != null && handler(job.type).map(JobHandler::tellsOwnerWhenEnded).orElse(false)) {
                ended.fire(new JobEnded(job.id, job.type, job.caseId, job.owner, state, job.message));
            }
        });
    }

    private boolean holds(Job job) {
        return job != null && job.state == JobState.RUNNING && replica.equals(job.leaseOwner);
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
    /** A job ended; observers act in the transaction that records its end (an inbox entry goes with it). */
    public record JobEnded(UUID jobId, String type, UUID caseId, String owner, JobState state, String message) {
    }

    public record JobSubmitted(UUID jobId, String type) {
    }
}
