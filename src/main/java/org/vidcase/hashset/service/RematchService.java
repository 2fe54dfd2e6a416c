package org.vidcase.hashset.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.vidcase.hashset.domain.ReferenceHashSet;
import org.vidcase.hashset.domain.ReferenceHashSetRepository;
import org.vidcase.jobs.domain.Job;
import org.vidcase.jobs.service.JobService;

/** Queues retroactive matching of existing media when a set's entries start or stop counting. */
@ApplicationScoped
public class RematchService {

    private final ReferenceHashSetRepository sets;
    private final JobService jobs;
    private final ObjectMapper json;

    public RematchService(ReferenceHashSetRepository sets, JobService jobs, ObjectMapper json) {
        this.sets = sets;
        this.jobs = jobs;
        this.json = json;
    }

    /** Queues the job in the caller's transaction, or in a new one if there is none; returns its id. */
    public UUID submit(UUID setId, String actor, RematchParameters.Reason reason) {
        return QuarkusTransaction.joiningExisting().call(() -> {
            ReferenceHashSet s = sets.findById(setId);
            Job job = jobs.submit(RematchJob.TYPE, null, actor, parameters(new RematchParameters(setId, s.indexId, reason)));
            s.lastJobId = job.id;
            return job.id;
        });
    }

    private String parameters(RematchParameters p) {
        try {
            return json.writeValueAsString(p);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
