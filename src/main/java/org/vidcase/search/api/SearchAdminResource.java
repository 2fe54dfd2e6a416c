package org.vidcase.search.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.vidcase.jobs.domain.Job;
import org.vidcase.jobs.service.JobService;
import org.vidcase.search.service.SearchAdminService;
import org.vidcase.shared.security.Roles;

@Path("/api/search/rebuild-jobs")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Search index", description = "Operating the Elasticsearch index (supervisors)")
@SecurityRequirement(name = "keycloak")
public class SearchAdminResource {

    private final SearchAdminService admin;
    private final JobService jobs;

    public SearchAdminResource(SearchAdminService admin, JobService jobs) {
        this.admin = admin;
        this.jobs = jobs;
    }

    @POST
    @RolesAllowed(Roles.SUPERVISOR)
    @Operation(summary = "Rebuild the media index from PostgreSQL",
            description = "A job: fills a new index while the current one keeps serving, then switches to it in one "
                    + "step. Changes made meanwhile reach both. Follow it at /api/jobs/{id}.")
    @APIResponse(responseCode = "202", description = "Rebuild queued")
    public Response rebuild() {
        Job job = admin.rebuild();
        return Response.accepted(jobs.snapshot(job)).header("Location", "/api/jobs/" + job.id).build();
    }
}
