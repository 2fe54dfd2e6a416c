package org.vidcase.jobs.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.vidcase.jobs.domain.Job;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.vidcase.jobs.domain.JobState;

/** Progress of a job at one moment, with rate and remaining time derived from it. */
public record JobSnapshot(UUID id, String type, JobState state, UUID caseId, String owner, Long total, long done,
                          Double percent, Double itemsPerSecond, Long etaSeconds, long errorCount, List<String> errors,
                          String message,
                          @Schema(type = SchemaType.OBJECT, description = "What the job produced, once it has ended; "
                                  + "its fields depend on the job's type") JsonNode result,
                          Instant createdAt, Instant startedAt, Instant updatedAt,
                          Instant finishedAt) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Results are JSON documents the handlers wrote; served as objects, not as JSON inside a string. */
    private static JsonNode parse(String result) {
        if (result == null) {
            return null;
        }
        try {
            return JSON.readTree(result);
        } catch (JsonProcessingException e) {
            return TextNode.valueOf(result);
        }
    }

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
                parse(live != null ? live.result() : job.result),
                job.createdAt, job.startedAt, job.updatedAt, job.finishedAt);
    }
}
