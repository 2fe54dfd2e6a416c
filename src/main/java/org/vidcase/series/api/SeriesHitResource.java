package org.vidcase.series.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.vidcase.series.service.SeriesHitService;
import org.vidcase.shared.security.Roles;

@Path("/api/cases/{caseId}/series-hits")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Series")
@SecurityRequirement(name = "keycloak")
public class SeriesHitResource {

    private final SeriesHitService hits;

    public SeriesHitResource(SeriesHitService hits) {
        this.hits = hits;
    }

    @GET
    @RolesAllowed({Roles.OFFICER, Roles.INVESTIGATOR, Roles.LIAISON, Roles.SUPERVISOR})
    @Operation(summary = "Cross-case hits of the case: its pictures related to series of other cases",
            description = "Found by the case's clustering jobs. Each hit names the case's own picture and the owning "
                    + "unit's contact point, never the other case, its series or pictures.")
    public List<SeriesHitView> hits(@PathParam("caseId") UUID caseId) {
        return hits.hits(caseId);
    }
}
