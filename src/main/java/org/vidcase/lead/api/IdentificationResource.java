package org.vidcase.lead.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.vidcase.lead.service.IdentificationService;
import org.vidcase.shared.security.Roles;

@Path("/api/cases/{caseId}/identifications")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Identifications", description = "Identified-victim and -offender records: pseudonymous, never a name")
@SecurityRequirement(name = "keycloak")
public class IdentificationResource {

    private final IdentificationService records;

    public IdentificationResource(IdentificationService records) {
        this.records = records;
    }

    @GET
    @RolesAllowed({Roles.OFFICER, Roles.INVESTIGATOR, Roles.LIAISON, Roles.SUPERVISOR})
    @Operation(summary = "List the case's identification records, withdrawn ones included")
    public List<IdentificationView> list(@PathParam("caseId") UUID caseId) {
        return records.list(caseId);
    }

    @POST
    @RolesAllowed({Roles.OFFICER, Roles.INVESTIGATOR, Roles.SUPERVISOR})
    @Operation(summary = "Record an identified victim or offender",
            description = "A pseudonymous reference, the date, the identifying country and unit, and the leads and "
                    + "series it came from. The series' identified flag follows it.")
    @APIResponse(responseCode = "201", description = "Recorded")
    public Response create(@PathParam("caseId") UUID caseId, CreateIdentificationRequest request) {
        return Response.status(201).entity(records.create(caseId, request)).build();
    }

    @POST
    @Path("/{identificationId}/withdrawal")
    @RolesAllowed({Roles.OFFICER, Roles.INVESTIGATOR, Roles.SUPERVISOR})
    @Operation(summary = "Withdraw a record, with a reason", description = "It stays, marked withdrawn; a series flag "
            + "it set is cleared or taken over by another active record.")
    public IdentificationView withdraw(@PathParam("caseId") UUID caseId, @PathParam("identificationId") UUID id,
                                       WithdrawIdentificationRequest request) {
        return records.withdraw(caseId, id, request);
    }
}
