package org.vidcase.exchange.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.vidcase.exchange.format.HubStatisticsReport;
import org.vidcase.exchange.service.HubStatisticsReader;
import org.vidcase.shared.security.Roles;

@Path("/api/exchange/hub-statistics")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Exchange (node)")
@SecurityRequirement(name = "keycloak")
public class ExchangeHubStatisticsResource {

    private final HubStatisticsReader reader;

    public ExchangeHubStatisticsResource(HubStatisticsReader reader) {
        this.reader = reader;
    }

    @GET
    @RolesAllowed({Roles.LIAISON, Roles.SUPERVISOR})
    @Operation(summary = "The hub's statistics for the international community",
            description = "Read at the hub now, as this node's service account: entries by state, category and country, "
                    + "identifications per year, cross-border series, growth. Counts only.")
    @APIResponse(responseCode = "409", description = "No hub is configured")
    @APIResponse(responseCode = "503", description = "The hub cannot be reached, or refuses this node")
    public HubStatisticsReport get() {
        return reader.read();
    }
}
