package org.vidcase.audit.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.vidcase.audit.domain.AuditEventRepository.AuditQuery;
import org.vidcase.audit.service.AuditQueryService;
import org.vidcase.audit.service.AuditVerificationJob;
import org.vidcase.audit.service.ChainVerification;
import org.vidcase.jobs.domain.Job;
import org.vidcase.jobs.service.JobService;
import org.vidcase.shared.security.CurrentUser;
import org.vidcase.shared.security.Roles;

@Path("/api/audit")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit", description = "The tamper-evident audit trail (auditors only)")
@SecurityRequirement(name = "keycloak")
public class AuditResource {

    private final AuditQueryService audit;
    private final JobService jobs;
    private final CurrentUser user;

    public AuditResource(AuditQueryService audit, JobService jobs, CurrentUser user) {
        this.audit = audit;
        this.jobs = jobs;
        this.user = user;
    }

    @GET
    @Path("/events")
    @RolesAllowed(Roles.AUDITOR)
    @Operation(summary = "List audit events, newest first", description = "All filters are optional; times are ISO-8601 instants.")
    public List<AuditEventView> events(@QueryParam("caseId") UUID caseId, @QueryParam("actor") String actor,
                                       @QueryParam("action") String action, @QueryParam("objectId") String objectId,
                                       @QueryParam("from") Instant from, @QueryParam("to") Instant to,
                                       @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                       @QueryParam("size") @DefaultValue("100") @Min(1) @Max(1000) int size) {
        return audit.search(new AuditQuery(caseId, actor, action, objectId, from, to, page, size)).stream()
                .map(AuditEventView::of).toList();
    }

    @GET
    @Path("/verification")
    @RolesAllowed(Roles.AUDITOR)
    @Operation(summary = "Verify the hash chain now", description = "Recomputes every row's hash and link; reports the first broken link.")
    public ChainVerification verify() {
        return audit.verifyNow();
    }

    @POST
    @Path("/verification-jobs")
    @RolesAllowed(Roles.AUDITOR)
    @Operation(summary = "Verify the hash chain as a background job", description = "Follow it at /api/jobs/{id}.")
    @APIResponse(responseCode = "202", description = "Job queued")
    public Response verifyInBackground() {
        Job job = jobs.submit(AuditVerificationJob.TYPE, null, user.name(), null);
        return Response.accepted(jobs.snapshot(job)).header("Location", "/api/jobs/" + job.id).build();
    }
}
