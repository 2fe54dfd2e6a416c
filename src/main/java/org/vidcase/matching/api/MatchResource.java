package org.vidcase.matching.api;

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
import org.vidcase.matching.MatchReadService;
import org.vidcase.shared.security.Roles;

@Path("/api/cases/{caseId}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Known-media matching", description = "Matches with the reference hash sets and what they reduce")
@SecurityRequirement(name = "keycloak")
public class MatchResource {

    private final MatchReadService reads;

    public MatchResource(MatchReadService reads) {
        this.reads = reads;
    }

    @GET
    @Path("/media/{mediaId}/matches")
    @RolesAllowed({Roles.OFFICER, Roles.INVESTIGATOR, Roles.LIAISON, Roles.SUPERVISOR})
    @Operation(summary = "The item's matches with reference hash sets",
            description = "Set, entry, hash type and distance of each; the match that decided the item's status and "
                    + "category comes first.")
    public List<MatchView> matches(@PathParam("caseId") UUID caseId, @PathParam("mediaId") UUID mediaId) {
        return reads.matches(caseId, mediaId);
    }

    @GET
    @Path("/seizures/{seizureId}/reduction")
    @RolesAllowed({Roles.OFFICER, Roles.INVESTIGATOR, Roles.LIAISON, Roles.SUPERVISOR})
    @Operation(summary = "Seizure reduction report",
            description = "Counts and percentages of the seizure's files that are known abuse material (alert), "
                    + "known-good (ignorable), duplicates, reviewed, and still to review.")
    public ReductionReport reduction(@PathParam("caseId") UUID caseId, @PathParam("seizureId") UUID seizureId) {
        return reads.reduction(caseId, seizureId);
    }
}
