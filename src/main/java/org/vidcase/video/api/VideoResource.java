package org.vidcase.video.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
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
import org.vidcase.shared.security.Roles;
import org.vidcase.video.service.VideoReadService;

@Path("/api/cases/{caseId}/media/{mediaId}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Video", description = "vPDQ hashes, key frames for triage and video-against-video search")
@SecurityRequirement(name = "keycloak")
public class VideoResource {

    private static final String NO_STORE = "no-store";
    private static final int MAX_RADIUS = 64;

    private final VideoReadService videos;

    public VideoResource(VideoReadService videos) {
        this.videos = videos;
    }

    @GET
    @Path("/video")
    @RolesAllowed({Roles.OFFICER, Roles.INVESTIGATOR, Roles.LIAISON, Roles.SUPERVISOR})
    @Operation(summary = "The video's decoding, vPDQ hash and key frames",
            description = "State PENDING (being decoded, outside the review queue), HASHED or FAILED (kept hash-only, "
                    + "with the reason); container, codec, duration, frame rate; the key frames in time order with "
                    + "their timestamps and the paths of their blurred previews. 422 for an item that is not a video.")
    public VideoView video(@PathParam("caseId") UUID caseId, @PathParam("mediaId") UUID mediaId) {
        return videos.video(caseId, mediaId);
    }

    @GET
    @Path("/video/vpdq")
    @Produces(MediaType.WILDCARD)
    @RolesAllowed({Roles.OFFICER, Roles.INVESTIGATOR, Roles.LIAISON, Roles.SUPERVISOR})
    @Operation(summary = "The video's vPDQ hash as the reference implementation writes it",
            description = "text/plain; one line per stored frame: frameNumber,quality,pdqHex,timestampSeconds. 422 while the "
                    + "video has no hash.")
    public Response vpdq(@PathParam("caseId") UUID caseId, @PathParam("mediaId") UUID mediaId) {
        return Response.ok(videos.vpdq(caseId, mediaId), MediaType.TEXT_PLAIN + ";charset=utf-8").build();
    }

    @GET
    @Path("/key-frames/sheet")
    @Produces(MediaType.WILDCARD)
    @RolesAllowed({Roles.OFFICER, Roles.INVESTIGATOR, Roles.LIAISON, Roles.SUPERVISOR})
    @Operation(summary = "All key frames, blurred and greyscale, in time order with their timestamps (PNG)",
            description = "image/png, rendered by the server from the encrypted key frames; never cached (no-store); audited as "
                    + "a preview.")
    public Response sheet(@PathParam("caseId") UUID caseId, @PathParam("mediaId") UUID mediaId) {
        return image(videos.sheet(caseId, mediaId), "image/png");
    }

    @GET
    @Path("/key-frames/{index}/preview")
    @Produces(MediaType.WILDCARD)
    @RolesAllowed({Roles.OFFICER, Roles.INVESTIGATOR, Roles.LIAISON, Roles.SUPERVISOR})
    @Operation(summary = "One key frame, blurred and greyscale (PNG)",
            description = "image/png; never cached (no-store); audited as a preview.")
    public Response preview(@PathParam("caseId") UUID caseId, @PathParam("mediaId") UUID mediaId,
                            @PathParam("index") int index) {
        return image(videos.preview(caseId, mediaId, index), "image/png");
    }

    @GET
    @Path("/key-frames/{index}")
    @Produces(MediaType.WILDCARD)
    @RolesAllowed({Roles.OFFICER, Roles.INVESTIGATOR, Roles.SUPERVISOR})
    @Operation(summary = "Reveal one key frame as it is (JPEG)",
            description = "image/jpeg; requires a justification (400 without); the stored frame is verified against its SHA-256 "
                    + "and the consultation audited as content access. Never cached.")
    public Response reveal(@PathParam("caseId") UUID caseId, @PathParam("mediaId") UUID mediaId,
                           @PathParam("index") int index,
                           @Parameter(description = "Why the frame must be seen; recorded in the audit trail",
                                   required = true, example = "Identifying the room for a lead")
                           @QueryParam("justification") String justification) {
        return image(videos.reveal(caseId, mediaId, index, justification), "image/jpeg");
    }

    @GET
    @Path("/similar-videos")
    @RolesAllowed({Roles.OFFICER, Roles.INVESTIGATOR, Roles.LIAISON, Roles.SUPERVISOR})
    @Operation(summary = "Videos sharing frames with this one (vPDQ)",
            description = "In every case the caller may see (or caseId), and among the vPDQ entries of the active "
                    + "reference sets: both shares of matched frames, and whether they reach the configured thresholds.")
    public SimilarVideosView similar(@PathParam("caseId") UUID caseId, @PathParam("mediaId") UUID mediaId,
                                     @Parameter(description = "PDQ distance within which two frames match (0-64)")
                                     @QueryParam("radius") @DefaultValue("31") int radius,
                                     @Parameter(description = "Only this case (one the caller may see)")
                                     @QueryParam("caseId") UUID onlyCase) {
        if (radius < 0 || radius > MAX_RADIUS) {
            throw new IllegalArgumentException("radius: must be within 0.." + MAX_RADIUS + ", not " + radius);
        }
        return videos.similar(caseId, mediaId, onlyCase, radius);
    }

    private static Response image(byte[] bytes, String type) {
        return Response.ok(bytes, type).header("Cache-Control", NO_STORE).header("Content-Length", bytes.length).build();
    }
}
