package org.vidcase.search.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.vidcase.search.service.FindSimilarService;
import org.vidcase.shared.security.Roles;

/** Find similar from a media item (its own class: the media resource's path would capture it). */
@Path("/api/cases/{caseId}/media/{mediaId}/similar")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Find similar")
@SecurityRequirement(name = "keycloak")
public class SimilarToItemResource {

    private final FindSimilarService similar;

    public SimilarToItemResource(FindSimilarService similar) {
        this.similar = similar;
    }

    @GET
    @RolesAllowed({Roles.OFFICER, Roles.INVESTIGATOR, Roles.LIAISON, Roles.SUPERVISOR})
    @Operation(summary = "Items and reference entries similar to a media item",
            description = "Searches the item's 8 rotations and reflections (uploads) across every case the caller may "
                    + "see, or one case; the item itself is left out.")
    public SimilarResult fromItem(@PathParam("caseId") UUID caseId, @PathParam("mediaId") UUID mediaId,
                                  @Parameter(description = SimilarityResource.RADIUS) @QueryParam("radius") @DefaultValue("31") int radius,
                                  @Parameter(description = SimilarityResource.K) @QueryParam("k") @DefaultValue("20") int k,
                                  @Parameter(description = SimilarityResource.CASE) @QueryParam("caseId") UUID onlyCase,
                                  @QueryParam("hashSets") @DefaultValue("true") boolean hashSets) {
        return similar.fromItem(caseId, mediaId, new FindSimilarService.Options(radius, k, onlyCase, hashSets));
    }

}
