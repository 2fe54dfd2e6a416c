package org.vidcase.jobs.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class JobRepository implements PanacheRepositoryBase<Job, UUID> {

    /** The user's own jobs, newest first; only those still queued or running when {@code activeOnly}. */
    public List<Job> ofOwner(String owner, boolean activeOnly, int limit) {
        String query = activeOnly ? "owner = ?1 and state in ?2" : "owner = ?1";
        var params = activeOnly ? new Object[] {owner, List.of(JobState.QUEUED, JobState.RUNNING)} : new Object[] {owner};
        return find(query, io.quarkus.panache.common.Sort.descending("createdAt").and("id", io.quarkus.panache.common.Sort.Direction.Descending),
                params).page(0, limit).list();
    }

    public List<Job> unfinished() {
        return list("state in ?1", List.of(JobState.QUEUED, JobState.RUNNING));
    }
}
