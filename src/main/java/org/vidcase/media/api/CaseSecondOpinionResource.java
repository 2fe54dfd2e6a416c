package org.vidcase.media.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.vidcase.media.service.SecondOpinionService;
import org.vidcase.shared.security.Roles;

/** A second grader's opinion and a supervisor's resolution, within a case (the queue is {@link SecondOpinionResource}). */
@Path("/api/cases/{caseId}/second-opinions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Second opinions")
@SecurityRequirement(name = "keycloak")
public class CaseSecondOpinionResource {

    private final SecondOpinionService opinions;

    public CaseSecondOpinionResource(SecondOpinionService opinions) {
        this.opinions = opinions;
    }

    @POST
    @Path("/{opinionId}/grade")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.OFFICER, Roles.INVESTIGATOR, Roles.SUPERVISOR})
    @Operation(summary = "Give the second opinion", description = "A lead or member of the team other than the first "
            + "grader: the same category agrees (AGREED), another disagrees (DISAGREED, for a supervisor). The item keeps "
            + "the first decision until a supervisor resolves the disagreement. 409 if no longer awaited or on another "
            + "version; 422 for the first grader or an unknown code.")
    public SecondOpinionView grade(@PathParam("caseId") UUID caseId, @PathParam("opinionId") UUID opinionId,
                                   GradeRequest request) {
        return opinions.grade(caseId, opinionId, request);
    }

    @POST
    @Path("/{opinionId}/resolution")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.SUPERVISOR)
    @Operation(summary = "Resolve a disagreement", description = "A supervisor of the case's unit decides, with a note; "
            + "a category other than the first grader's is given to every item the first decision covered that nobody "
            + "categorised since, as a decision of its own in their history. Both graders' decisions stay on the record.")
    public SecondOpinionView resolve(@PathParam("caseId") UUID caseId, @PathParam("opinionId") UUID opinionId,
                                     GradeRequest request) {
        return opinions.resolve(caseId, opinionId, request);
    }
}
