package org.vidcase.video.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.vidcase.hashing.video.VideoHashResult;
import org.vidcase.jobs.service.JobContext;
import org.vidcase.jobs.service.JobHandler;
import org.vidcase.jobs.service.JobService;
import org.vidcase.media.infra.EvidenceStore;
import org.vidcase.media.service.VideoFiled;

/**
 * Decodes one uploaded video off the request: its evidence is decrypted to a private work file, the
 * child decoder hashes it, and the result is recorded in one transaction ({@link VideoResults}); the
 * work file is deleted whatever happens. Resumable: a run interrupted by a restart or a replica that
 * died decodes again from the start (the item stays PENDING until a result is recorded).
 */
@ApplicationScoped
public class VideoHashingJob implements JobHandler {

    public static final String TYPE = "video-hashing";

    private final EntityManager em;
    private final EvidenceStore store;
    private final VideoDecoder decoder;
    private final VideoResults results;
    private final VideoConfig config;
    private final JobService jobs;
    private final ObjectMapper json;

    public VideoHashingJob(EntityManager em, EvidenceStore store, VideoDecoder decoder, VideoResults results,
                           VideoConfig config, JobService jobs, ObjectMapper json) {
        this.em = em;
        this.store = store;
        this.decoder = decoder;
        this.results = results;
        this.config = config;
        this.jobs = jobs;
        this.json = json;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public boolean resumable() {
        return true;
    }

    @Override
    public boolean tellsOwnerWhenEnded() {
        return false;
    }

    @Override
    public int maxRunning() {
        return config.concurrentDecodes();
    }

    /** Queued in the transaction that filed the video. */
    void onVideoFiled(@Observes VideoFiled filed) {
        try {
            jobs.submit(TYPE, filed.caseId(), filed.actor(), json.writeValueAsString(Map.of("mediaId", filed.mediaId())));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void run(JobContext context) throws Exception {
        UUID mediaId = UUID.fromString(json.readTree(context.parameters()).get("mediaId").asText());
        Tuple source = QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<Tuple> rows = em.createNativeQuery("""
                    SELECT i.case_id, b.object_key, coalesce(k.wrapped_key, b.wrapped_key) FROM media_item i
                    JOIN evidence_blob b ON b.sha256 = i.blob_sha256
                    LEFT JOIN evidence_key k ON k.blob_sha256 = b.sha256 AND k.case_id = i.case_id
                    WHERE i.id = ?1 AND i.video_state = 'PENDING'""", Tuple.class).setParameter(1, mediaId).getResultList();
            return rows.isEmpty() ? null : rows.get(0);
        });
        if (source == null) {
            context.message("The item is not waiting to be decoded; nothing was changed");
            return;
        }
        UUID caseId = source.get(0, UUID.class);
        Path dir = decoder.workDir();
        Files.createDirectories(dir);
        Path work = Files.createTempFile(dir, "video-", ".evidence",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try {
            try (InputStream in = store.open(source.get(1, String.class), source.get(2, String.class))) {
                Files.copy(in, work, StandardCopyOption.REPLACE_EXISTING);
            }
            long[] reported = {0};
            VideoHashResult result = decoder.hash(work, n -> {
                context.advance(n - reported[0]);
                reported[0] = n;
                context.message(n + " frames decoded");
            }, context::cancelled);
            if (context.stopping()) {
                return;
            }
            if (context.cancelled()) {
                result = new VideoHashResult.Failed(result.info(), "decoding was cancelled by a user");
            }
            String outcome = results.record(mediaId, caseId, result, context.owner());
            context.message(outcome);
            context.result(json.writeValueAsString(Map.of("mediaId", mediaId.toString(), "outcome", outcome)));
        } finally {
            Files.deleteIfExists(work);
        }
    }
}
