package org.vidcase.hub.api;

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
import org.vidcase.exchange.format.DeltaPage;
import org.vidcase.hub.service.DeltaService;
import org.vidcase.shared.security.Roles;

@Path("/api/hub/deltas")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Exchange hub")
@SecurityRequirement(name = "keycloak")
public class HubDeltaResource {

    private final DeltaService deltas;

    public HubDeltaResource(DeltaService deltas) {
        this.deltas = deltas;
    }

    @GET
    @RolesAllowed(Roles.HUB_NODE)
    @Operation(summary = "The hub's changes after a cursor, a page at a time",
            description = "Entries in their current state, oldest change first; withdrawn ones as tombstones "
                    + "(live: false). Ask again with the cursor the page gives; the same cursor gives the same or newer "
                    + "states, so applying a page twice changes nothing.")
    public DeltaPage page(@QueryParam("cursor") String cursor,
                          @QueryParam("limit") @DefaultValue("1000") @Min(1) @Max(10000) int limit) {
        return deltas.page(cursor, limit);
    }
}
