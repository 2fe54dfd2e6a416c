package org.vidcase.cases.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.vidcase.cases.domain.CaseStatus;
import org.vidcase.cases.service.CaseService;
import org.vidcase.shared.security.Roles;

@Path("/api/cases")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Cases", description = "Cases and their teams; a case is visible only to its team and to supervisors")
@SecurityRequirement(name = "keycloak")
public class CaseResource {

    private final CaseService cases;

    public CaseResource(CaseService cases) {
        this.cases = cases;
    }

    @POST
    @RolesAllowed({Roles.OFFICER, Roles.INVESTIGATOR, Roles.SUPERVISOR})
    @Operation(summary = "Open a case", description = "The caller becomes the case lead.")
    @APIResponse(responseCode = "201", description = "Case opened")
    @APIResponse(responseCode = "409", description = "The reference is already taken")
    public Response create(@RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CreateCaseRequest.class),
            examples = @ExampleObject(name = "a new case", value = "{\"reference\": \"NCA-2026-0412\", "
                    + "\"title\": \"Operation Lantern: seized laptop and phone\", "
                    + "\"description\": \"Referral from the national hotline\"}")))
                           CreateCaseRequest request, @Context UriInfo uri) {
        CaseView created = cases.create(request);
        return Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build())
                .entity(created).build();
    }

    @GET
    @RolesAllowed({Roles.OFFICER, Roles.INVESTIGATOR, Roles.LIAISON, Roles.SUPERVISOR})
    @Operation(summary = "List the cases the caller may know of", description = "Team members see their cases; supervisors also see the cases of their unit (and those without a unit).")
    public List<CaseView> list(@Parameter(description = "OPEN or CLOSED") @QueryParam("status") CaseStatus status) {
        return cases.list(status);
    }

    @GET
    @Path("/{caseId}")
    @RolesAllowed({Roles.OFFICER, Roles.INVESTIGATOR, Roles.LIAISON, Roles.SUPERVISOR})
    @Operation(summary = "Read a case", description = "404 for callers outside its team.")
    public CaseView get(@PathParam("caseId") UUID caseId) {
        return cases.get(caseId);
    }

    @POST
    @Path("/{caseId}/close")
    @RolesAllowed({Roles.OFFICER, Roles.INVESTIGATOR, Roles.SUPERVISOR})
    @Operation(summary = "Close a case", description = "Case lead or supervisor; final.")
    @APIResponse(responseCode = "409", description = "Already closed")
    public CaseView close(@PathParam("caseId") UUID caseId, CloseCaseRequest request) {
        return cases.close(caseId, request == null ? null : request.reason(), request);
    }

    @GET
    @Path("/{caseId}/members")
    @RolesAllowed({Roles.OFFICER, Roles.INVESTIGATOR, Roles.LIAISON, Roles.SUPERVISOR})
    @Operation(summary = "List the case team")
    public List<CaseMemberView> members(@PathParam("caseId") UUID caseId) {
        return cases.members(caseId);
    }

    @PUT
    @Path("/{caseId}/members/{username}")
    @RolesAllowed({Roles.OFFICER, Roles.INVESTIGATOR, Roles.SUPERVISOR})
    @Operation(summary = "Add a user to the team or change their case role", description = "Case lead or supervisor.")
    public CaseMemberView setMember(@PathParam("caseId") UUID caseId, @PathParam("username") String username,
                                    SetMemberRequest request) {
        return cases.setMember(caseId, username, request);
    }

    @DELETE
    @Path("/{caseId}/members/{username}")
    @RolesAllowed({Roles.OFFICER, Roles.INVESTIGATOR, Roles.SUPERVISOR})
    @Operation(summary = "Remove a user from the team", description = "Case lead or supervisor; the last lead stays.")
    @APIResponse(responseCode = "204", description = "Removed")
    public void removeMember(@PathParam("caseId") UUID caseId, @PathParam("username") String username) {
        cases.removeMember(caseId, username);
    }
}
