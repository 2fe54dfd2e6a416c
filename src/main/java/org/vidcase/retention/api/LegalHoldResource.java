package org.vidcase.retention.api;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.vidcase.cases.api.CaseView;
import org.vidcase.retention.service.RetentionService;
import org.vidcase.shared.security.Roles;

@Path("/api/cases/{caseId}/legal-hold")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Retention", description = "Legal holds, cases due for disposal, approvals and the disposal register")
@SecurityRequirement(name = "keycloak")
public class LegalHoldResource {

    private final RetentionService retention;

    public LegalHoldResource(RetentionService retention) {
        this.retention = retention;
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.SUPERVISOR)
    @Operation(summary = "Put the case under a legal hold (or restate the hold's reason)",
            description = "A supervisor of the case's unit. While the hold stands the case is not disposed of, "
                    + "whatever its retention; a disposal approved before is stopped with nothing removed.")
    public CaseView set(@PathParam("caseId") UUID caseId, LegalHoldRequest request) {
        return retention.setHold(caseId, request == null ? null : request.reason(), request);
    }

    @DELETE
    @RolesAllowed(Roles.SUPERVISOR)
    @Operation(summary = "Lift the case's legal hold", description = "With the reason, which is audited.")
    public CaseView lift(@PathParam("caseId") UUID caseId, @QueryParam("reason") String reason) {
        return retention.liftHold(caseId, reason);
    }
}
