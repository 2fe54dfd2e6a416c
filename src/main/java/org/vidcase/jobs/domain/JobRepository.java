package org.vidcase.jobs.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class JobRepository implements PanacheRepositoryBase<Job, UUID> {

    public List<Job> unfinished() {
        return list("state in ?1", List.of(JobState.QUEUED, JobState.RUNNING));
    }
}
