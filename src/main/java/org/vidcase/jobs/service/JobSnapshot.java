package org.vidcase.jobs.service;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.vidcase.jobs.domain.Job;
import org.vidcase.jobs.domain.JobState;

/** Progress of a job at one moment, with rate and remaining time derived from it. */
public record JobSnapshot(UUID id, String type, JobState state, UUID caseId, String owner, Long total, long done,
                          Double percent, Double itemsPerSecond, Long etaSeconds, long errorCount, List<String> errors,
                          String message, String result, Instant createdAt, Instant startedAt, Instant updatedAt,
                          Instant finishedAt) {

    static JobSnapshot of(Job job, List<String> storedErrors, LiveJob.Progress live) {
        Long total = live != null ? live.total() : job.totalItems;
        long done = live != null ? live.done() : job.doneItems;
        Double percent = null;
        if (total != null && total > 0) {
            percent = Math.min(100.0, Math.round(done * 1000.0 / total) / 10.0);
        } else if (job.state == JobState.SUCCEEDED) {
            percent = 100.0;
        }
        Double rate = null;
        Long eta = null;
        Instant since = live != null ? live.startedThisRun() : job.startedAt;
        long counted = live != null ? done - live.doneAtStart() : done;
        Instant until = job.finishedAt != null ? job.finishedAt : Instant.now();
        if (since != null && counted > 0) {
            double seconds = Math.max(Duration.between(since, until).toMillis(), 1) / 1000.0;
            rate = Math.round(counted / seconds * 10.0) / 10.0;
            if (total != null && !job.state.isTerminal() && rate > 0) {
                eta = Math.max(0, Math.round((total - done) / rate));
            }
        }
        return new JobSnapshot(job.id, job.type, job.state, job.caseId, job.owner, total, done, percent, rate, eta,
                live != null ? live.errorCount() : job.errorCount,
                live != null ? live.errors() : storedErrors,
                live != null && live.message() != null ? live.message() : job.message,
                live != null ? live.result() : job.result,
                job.createdAt, job.startedAt, job.updatedAt, job.finishedAt);
    }
}
