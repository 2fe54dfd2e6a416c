package org.vidcase.retention.api;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.vidcase.retention.service.RetentionService;
import org.vidcase.shared.security.Roles;

@Path("/api/disposals")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Retention")
@SecurityRequirement(name = "keycloak")
public class DisposalRegisterResource {

    private final RetentionService retention;

    public DisposalRegisterResource(RetentionService retention) {
        this.retention = retention;
    }

    @GET
    @Path("/due")
    @RolesAllowed(Roles.SUPERVISOR)
    @Operation(summary = "Closed cases past their retention, not on hold, awaiting a disposal approval",
            description = "The cases of the caller's unit (and those without a unit).")
    public List<DueCaseView> due() {
        return retention.due();
    }

    @GET
    @RolesAllowed({Roles.SUPERVISOR, Roles.AUDITOR})
    @Operation(summary = "The disposal register",
            description = "Every approved disposal with its approver, legal basis and what it removed; supervisors "
                    + "see their unit's, auditors every one. Entries are never deleted.")
    public List<DisposalView> register() {
        return retention.register();
    }

    @GET
    @Path("/{disposalId}")
    @RolesAllowed({Roles.SUPERVISOR, Roles.AUDITOR})
    @Operation(summary = "One entry of the disposal register")
    public DisposalView disposal(@PathParam("disposalId") UUID disposalId) {
        return retention.disposal(disposalId);
    }
}
