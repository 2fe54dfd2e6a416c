package org.vidcase.hub.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.vidcase.hub.service.HubEntries;
import org.vidcase.shared.security.Roles;

@Path("/api/hub")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Exchange hub")
@SecurityRequirement(name = "keycloak")
public class HubEntryResource {

    private final HubEntries entries;

    public HubEntryResource(HubEntries entries) {
        this.entries = entries;
    }

    @GET
    @Path("/conflicts")
    @RolesAllowed(Roles.HUB_ADMIN)
    @Operation(summary = "Entries on which countries disagree, oldest first, with every country's view")
    public List<HubEntryView> conflicts(@QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                        @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        return entries.conflicts(page, size);
    }

    @GET
    @Path("/entries/{id}")
    @RolesAllowed(Roles.HUB_ADMIN)
    @Operation(summary = "One entry with every country's submission and feedback")
    public HubEntryView get(@PathParam("id") long id) {
        return entries.get(id);
    }

    @POST
    @Path("/entries/{id}/resolution")
    @RolesAllowed(Roles.HUB_ADMIN)
    @Operation(summary = "Decide a conflict: the category the entry carries from now on",
            description = "Stands until a country contradicts it afresh. 409 when the entry is not in conflict.")
    public HubEntryView resolve(@PathParam("id") long id, ResolutionRequest request) {
        return entries.resolve(id, request);
    }
}
