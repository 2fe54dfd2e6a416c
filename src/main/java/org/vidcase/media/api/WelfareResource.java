package org.vidcase.media.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.vidcase.media.service.WelfareService;
import org.vidcase.shared.security.Roles;

@Path("/api/welfare")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Welfare", description = "Officers' exposure to pictures, for their supervisor")
@SecurityRequirement(name = "keycloak")
public class WelfareResource {

    private final WelfareService welfare;

    public WelfareResource(WelfareService welfare) {
        this.welfare = welfare;
    }

    @GET
    @Path("/exposure")
    @RolesAllowed(Roles.SUPERVISOR)
    @Operation(summary = "Pictures each officer opened, per day and per week",
            description = "Counted from the audit trail over the cases of the supervisor's unit: pictures revealed in "
                    + "the UI (media.reveal) and files downloaded (media.download), successful ones only, for the last "
                    + "'weeks' weeks (UTC, weeks from Monday). Counts only, never the pictures. Audited as media.welfare.")
    public WelfareView exposure(@QueryParam("weeks") @DefaultValue("4") @Min(1) @Max(52) int weeks) {
        return welfare.exposure(weeks);
    }
}
