package org.vidcase.search.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.vidcase.search.service.FindSimilarService;
import org.vidcase.shared.security.Roles;

/** Find similar from a PDQ hash or a picture that is not stored; {@link SimilarToItemResource} from a media item. */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Find similar", description = "Nearest items the caller may see, and nearest reference entries")
@SecurityRequirement(name = "keycloak")
public class SimilarityResource {

    static final String RADIUS = "Hamming distance, 0..64; 31 is PDQ's \"same picture\"";
    static final String K = "At most this many items (and as many reference entries), 1..500";
    static final String CASE = "Only items of this case (it must be one the caller may see)";

    private final FindSimilarService similar;

    public SimilarityResource(FindSimilarService similar) {
        this.similar = similar;
    }

    @POST
    @Path("/similar")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.OFFICER, Roles.INVESTIGATOR, Roles.LIAISON, Roles.SUPERVISOR})
    @Operation(summary = "Items and reference entries similar to a PDQ hash",
            description = "Only the hash itself is searched: its rotations and reflections need the pixels.")
    public SimilarResult fromHash(@Valid @NotNull SimilarHashRequest request,
                                  @Parameter(description = RADIUS) @QueryParam("radius") @DefaultValue("31") int radius,
                                  @Parameter(description = K) @QueryParam("k") @DefaultValue("20") int k,
                                  @Parameter(description = CASE) @QueryParam("caseId") UUID onlyCase,
                                  @QueryParam("hashSets") @DefaultValue("true") boolean hashSets) {
        return similar.fromHex(request.pdq(), new FindSimilarService.Options(radius, k, onlyCase, hashSets));
    }

    @POST
    @Path("/similar")
    @Consumes({MediaType.APPLICATION_OCTET_STREAM, "image/*"})
    @RolesAllowed({Roles.OFFICER, Roles.INVESTIGATOR, Roles.LIAISON, Roles.SUPERVISOR})
    @Operation(summary = "Items and reference entries similar to a picture, which is hashed and not stored",
            description = "The body is the picture's bytes. A body that is no decodable picture is a 422.")
    @APIResponse(responseCode = "413", description = "A picture larger than vidcase.http.max-probe-picture-size (64M by "
            + "default), or a JSON body larger than 1M")
    public SimilarResult fromImage(InputStream body,
                                   @Parameter(description = RADIUS) @QueryParam("radius") @DefaultValue("31") int radius,
                                   @Parameter(description = K) @QueryParam("k") @DefaultValue("20") int k,
                                   @Parameter(description = CASE) @QueryParam("caseId") UUID onlyCase,
                                   @QueryParam("hashSets") @DefaultValue("true") boolean hashSets) {
        return similar.fromImage(body, new FindSimilarService.Options(radius, k, onlyCase, hashSets));
    }
}
