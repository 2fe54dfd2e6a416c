package org.vidcase.seizure.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.vidcase.seizure.service.SeizureService;
import org.vidcase.shared.security.Roles;

@Path("/api/cases/{caseId}/seizures")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Seizures", description = "Exhibits of a case and their chain of custody")
@SecurityRequirement(name = "keycloak")
public class SeizureResource {

    private final SeizureService seizures;

    public SeizureResource(SeizureService seizures) {
        this.seizures = seizures;
    }

    @POST
    @RolesAllowed({Roles.OFFICER, Roles.INVESTIGATOR, Roles.SUPERVISOR})
    @Operation(summary = "Register an exhibit", description = "Case lead or member; the case must be open.")
    @APIResponse(responseCode = "201", description = "Registered")
    public Response create(@PathParam("caseId") UUID caseId,
                           @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                                   schema = @Schema(implementation = CreateSeizureRequest.class),
                                   examples = @ExampleObject(name = "a seized laptop", value = "{\"reference\": "
                                           + "\"EX-0001\", \"deviceDescription\": \"Laptop, grey, serial "
                                           + "5CD1234XYZ\", \"seizedAt\": \"2026-11-20T07:15:00Z\", \"seizedBy\": "
                                           + "\"DC 4411 Smith\", \"forensicTool\": \"Griffeye Analyze DI\"}")))
                           CreateSeizureRequest request, @Context UriInfo uri) {
        SeizureView created = seizures.create(caseId, request);
        return Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build()).entity(created).build();
    }

    @GET
    @RolesAllowed({Roles.OFFICER, Roles.INVESTIGATOR, Roles.LIAISON, Roles.SUPERVISOR})
    @Operation(summary = "List the exhibits of a case")
    public List<SeizureView> list(@PathParam("caseId") UUID caseId) {
        return seizures.list(caseId);
    }

    @GET
    @Path("/{seizureId}")
    @RolesAllowed({Roles.OFFICER, Roles.INVESTIGATOR, Roles.LIAISON, Roles.SUPERVISOR})
    @Operation(summary = "Read an exhibit")
    public SeizureView get(@PathParam("caseId") UUID caseId, @PathParam("seizureId") UUID seizureId) {
        return seizures.get(caseId, seizureId);
    }

    @POST
    @Path("/{seizureId}/custody")
    @RolesAllowed({Roles.OFFICER, Roles.INVESTIGATOR, Roles.SUPERVISOR})
    @Operation(summary = "Record a hand-over in the chain of custody", description = "Entries are append-only.")
    @APIResponse(responseCode = "201", description = "Recorded")
    public Response appendCustody(@PathParam("caseId") UUID caseId, @PathParam("seizureId") UUID seizureId,
                                  AppendCustodyRequest request) {
        return Response.status(201).entity(seizures.appendCustody(caseId, seizureId, request)).build();
    }

    @GET
    @Path("/{seizureId}/custody")
    @RolesAllowed({Roles.OFFICER, Roles.INVESTIGATOR, Roles.LIAISON, Roles.SUPERVISOR})
    @Operation(summary = "The chain of custody of an exhibit, oldest first")
    public List<CustodyEntryView> custody(@PathParam("caseId") UUID caseId, @PathParam("seizureId") UUID seizureId) {
        return seizures.custody(caseId, seizureId);
    }
}
