package org.vidcase.retention.api;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.vidcase.retention.service.RetentionService;
import org.vidcase.shared.security.Roles;

@Path("/api/cases/{caseId}/disposal")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Retention")
@SecurityRequirement(name = "keycloak")
public class CaseDisposalResource {

    private final RetentionService retention;

    public CaseDisposalResource(RetentionService retention) {
        this.retention = retention;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.SUPERVISOR)
    @Operation(summary = "Approve the disposal of a closed case past its retention",
            description = "A supervisor of the case's unit, with the legal basis. Refused (422) for an open case, a "
                    + "case under a legal hold, or one still within its retention; 409 while the case has unfinished "
                    + "jobs or a disposal is already approved. The job removes the case's rows, the evidence only it "
                    + "holds and its imported files, its documents in the index, and destroys its key; content another "
                    + "case holds stays. Follow it at /api/jobs/{id}.")
    @APIResponse(responseCode = "202", description = "Approved; the disposal job is queued")
    public Response approve(@PathParam("caseId") UUID caseId, DisposalRequest request) {
        DisposalView approved = retention.approve(caseId, request == null ? null : request.legalBasis(), request);
        return Response.accepted(approved).header("Location", "/api/jobs/" + approved.jobId()).build();
    }
}
