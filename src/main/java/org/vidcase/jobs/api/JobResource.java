package org.vidcase.jobs.api;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestStreamElementType;
import org.vidcase.jobs.service.JobQueryService;
import org.vidcase.jobs.service.JobSnapshot;
import org.vidcase.shared.security.Roles;

@Path("/api/jobs")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Jobs", description = "Progress of long-running work: imports, matching, verification")
@SecurityRequirement(name = "keycloak")
public class JobResource {

    private final JobQueryService jobs;

    public JobResource(JobQueryService jobs) {
        this.jobs = jobs;
    }

    @GET
    @RolesAllowed({Roles.OFFICER, Roles.INVESTIGATOR, Roles.LIAISON, Roles.SUPERVISOR, Roles.AUDITOR})
    @Operation(summary = "The caller's own jobs, newest first",
            description = "Jobs the caller started (imports, clustering, verification, disposals), with their progress; "
                    + "active=true lists only those queued or running.")
    public java.util.List<JobSnapshot> mine(@QueryParam("active") @DefaultValue("false") boolean active,
                                            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        return jobs.mine(active, size);
    }

    @GET
    @Path("/{jobId}")
    @RolesAllowed({Roles.OFFICER, Roles.INVESTIGATOR, Roles.LIAISON, Roles.SUPERVISOR, Roles.AUDITOR})
    @Operation(summary = "Progress of a job", description = "State, percentage, items per second, ETA and errors.")
    public JobSnapshot get(@PathParam("jobId") UUID jobId) {
        return jobs.view(jobId);
    }

    @GET
    @Path("/{jobId}/events")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @Blocking
    @RolesAllowed({Roles.OFFICER, Roles.INVESTIGATOR, Roles.LIAISON, Roles.SUPERVISOR, Roles.AUDITOR})
    @Operation(summary = "Progress of a job as server-sent events",
            description = "One event a second until the job has ended; the last event carries the final state.")
    public Multi<JobSnapshot> events(@PathParam("jobId") UUID jobId) {
        JobSnapshot first = jobs.view(jobId);
        if (first.state().isTerminal()) {
            return Multi.createFrom().item(first);
        }
        AtomicBoolean ended = new AtomicBoolean();
        return Multi.createFrom().ticks().every(Duration.ofSeconds(1))
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .map(tick -> jobs.current(jobId))
                .select().first(snapshot -> !ended.get())
                .onItem().invoke(snapshot -> ended.set(snapshot.state().isTerminal()));
    }

    @POST
    @Path("/{jobId}/cancel")
    @RolesAllowed({Roles.OFFICER, Roles.INVESTIGATOR, Roles.LIAISON, Roles.SUPERVISOR, Roles.AUDITOR})
    @Operation(summary = "Ask a job to stop", description = "409 if it has already ended.")
    public JobSnapshot cancel(@PathParam("jobId") UUID jobId) {
        return jobs.cancel(jobId);
    }
}
