package org.vidcase.media.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.vidcase.media.service.MediaPictureService;
import org.vidcase.shared.security.Roles;

@Path("/api/cases/{caseId}/media/{mediaId}")
@Tag(name = "Media", description = "Media items of a case")
@SecurityRequirement(name = "keycloak")
public class MediaPictureResource {

    private static final String PNG = "image/png";

    private final MediaPictureService pictures;

    public MediaPictureResource(MediaPictureService pictures) {
        this.pictures = pictures;
    }

    @GET
    @Path("/preview")
    @Produces({PNG, MediaType.APPLICATION_JSON})
    @RolesAllowed({Roles.OFFICER, Roles.INVESTIGATOR, Roles.LIAISON, Roles.SUPERVISOR})
    @Operation(summary = "The picture, small, greyscale and blurred (PNG)",
            description = "Rendered by the server from the stored picture after its SHA-256 was verified (at most "
                    + "vidcase.pictures.preview-max-side pixels on its longer side), so that the picture itself never "
                    + "reaches the browser; never cached (no-store); audited as a preview (media.preview). 404 for an item "
                    + "known by hash only; 422 for a video (its key frames have previews of their own) or content that "
                    + "is not a decodable picture.")
    public Response preview(@PathParam("caseId") UUID caseId, @PathParam("mediaId") UUID mediaId) {
        return png(pictures.preview(caseId, mediaId));
    }

    @GET
    @Path("/reveal")
    @Produces({PNG, MediaType.APPLICATION_JSON})
    @RolesAllowed({Roles.OFFICER, Roles.INVESTIGATOR, Roles.SUPERVISOR})
    @Operation(summary = "Reveal the picture in colour (PNG)",
            description = "Requires a justification (400 without); the stored picture is verified against its SHA-256, "
                    + "scaled down to at most vidcase.pictures.reveal-max-side pixels, and the consultation audited as "
                    + "content access (media.reveal, with the justification). Never cached. The file as it was "
                    + "seized is GET .../content.")
    public Response reveal(@PathParam("caseId") UUID caseId, @PathParam("mediaId") UUID mediaId,
                           @Parameter(description = "Why the picture must be seen; recorded in the audit trail",
                                   required = true, example = "Categorisation: the metadata does not settle it")
                           @QueryParam("justification") String justification) {
        return png(pictures.reveal(caseId, mediaId, justification));
    }

    private static Response png(byte[] bytes) {
        return Response.ok(bytes, PNG).header("Cache-Control", "no-store").header("Content-Length", bytes.length).build();
    }
}
