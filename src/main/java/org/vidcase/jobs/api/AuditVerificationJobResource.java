package org.vidcase.jobs.api;

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
import org.vidcase.jobs.service.AuditVerificationJob;
import org.vidcase.jobs.service.JobService;
import org.vidcase.shared.security.CurrentUser;
import org.vidcase.shared.security.Roles;

/** The audit chain's verification as a background job (the audit trail itself knows no jobs). */
@Path("/api/audit/verification-jobs")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit", description = "The tamper-evident audit trail (auditors only)")
@SecurityRequirement(name = "keycloak")
public class AuditVerificationJobResource {

    private final JobService jobs;
    private final CurrentUser user;

    public AuditVerificationJobResource(JobService jobs, CurrentUser user) {
        this.jobs = jobs;
        this.user = user;
    }

    @POST
    @RolesAllowed(Roles.AUDITOR)
    @Operation(summary = "Verify the hash chain as a background job", description = "Follow it at /api/jobs/{id}.")
    @APIResponse(responseCode = "202", description = "Job queued")
    public Response verifyInBackground() {
        Job job = jobs.submit(AuditVerificationJob.TYPE, null, user.name(), null);
        return Response.accepted(jobs.snapshot(job)).header("Location", "/api/jobs/" + job.id).build();
    }
}
