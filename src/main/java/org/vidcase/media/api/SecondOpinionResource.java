package org.vidcase.media.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.vidcase.media.domain.SecondOpinion;
import org.vidcase.media.service.SecondOpinionService;
import org.vidcase.shared.security.Roles;

@Path("/api/second-opinions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Second opinions", description = "Categorisation decisions checked by a second grader; disagreements "
        + "resolved by a supervisor")
@SecurityRequirement(name = "keycloak")
public class SecondOpinionResource {

    private final SecondOpinionService opinions;

    public SecondOpinionResource(SecondOpinionService opinions) {
        this.opinions = opinions;
    }

    @GET
    @RolesAllowed({Roles.OFFICER, Roles.INVESTIGATOR, Roles.SUPERVISOR})
    @Operation(summary = "A second-opinion queue", description = "Over the cases the caller may see (or caseId), oldest "
            + "first. AWAITING: decisions of others waiting for a second grader (the first category withheld, so that "
            + "the second grader decides blind); DISAGREED: disagreements waiting for a supervisor; AGREED, RESOLVED, "
            + "WITHDRAWN: the record.")
    public List<SecondOpinionView> queue(@QueryParam("state") @DefaultValue("AWAITING") SecondOpinion.State state,
                                         @QueryParam("caseId") UUID caseId,
                                         @QueryParam("size") @DefaultValue("100") @Min(1) @Max(500) int size) {
        return opinions.queue(caseId, state, size);
    }
}
