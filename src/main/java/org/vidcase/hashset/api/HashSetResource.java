package org.vidcase.hashset.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.vidcase.hashset.service.HashSetService;
import org.vidcase.shared.security.Roles;

@Path("/api/hash-sets")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Hash sets", description = "Reference hash sets: known abuse material (alert) and known-good files (ignorable)")
@SecurityRequirement(name = "keycloak")
public class HashSetResource {

    private final HashSetService sets;

    public HashSetResource(HashSetService sets) {
        this.sets = sets;
    }

    @POST
    @RolesAllowed(Roles.SUPERVISOR)
    @Operation(summary = "Register a reference hash set", description = "Starts inactive; entries arrive by import.")
    @APIResponse(responseCode = "201", description = "Registered")
    @APIResponse(responseCode = "409", description = "This name and version exist already")
    public Response create(CreateHashSetRequest request, @Context UriInfo uri) {
        HashSetView created = sets.create(request);
        return Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build()).entity(created).build();
    }

    @GET
    @RolesAllowed({Roles.OFFICER, Roles.INVESTIGATOR, Roles.LIAISON, Roles.SUPERVISOR})
    @Operation(summary = "List the unit's reference hash sets")
    public List<HashSetView> list() {
        return sets.list();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.OFFICER, Roles.INVESTIGATOR, Roles.LIAISON, Roles.SUPERVISOR})
    @Operation(summary = "Read a reference hash set")
    public HashSetView get(@PathParam("id") UUID id) {
        return sets.get(id);
    }

    @PUT
    @Path("/{id}/active")
    @RolesAllowed(Roles.SUPERVISOR)
    @Operation(summary = "Activate or deactivate a hash set", description = "Only active sets take part in matching.")
    public HashSetView setActive(@PathParam("id") UUID id, SetActiveRequest request) {
        return sets.setActive(id, request);
    }
}
