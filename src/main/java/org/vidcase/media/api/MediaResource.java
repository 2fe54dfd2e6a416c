package org.vidcase.media.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.vidcase.media.domain.ReviewFilter;
import org.vidcase.media.service.MediaDownloadService;
import org.vidcase.media.service.MediaIngestService;
import org.vidcase.media.service.MediaService;
import org.vidcase.media.service.UploadedFile;
import org.vidcase.shared.error.DomainException;
import org.vidcase.shared.error.Problem;
import org.vidcase.shared.error.ProblemStatusMap;
import org.vidcase.shared.security.Roles;

@Path("/api/cases/{caseId}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Media", description = "Evidence files and hash-only items of a case")
@SecurityRequirement(name = "keycloak")
public class MediaResource {

    private final MediaService media;
    private final MediaIngestService ingest;
    private final MediaDownloadService downloads;

    public MediaResource(MediaService media, MediaIngestService ingest, MediaDownloadService downloads) {
        this.media = media;
        this.ingest = ingest;
        this.downloads = downloads;
    }

    @POST
    @Path("/seizures/{seizureId}/media")
    @Consumes(MediaType.APPLICATION_OCTET_STREAM)
    @RolesAllowed({Roles.OFFICER, Roles.INVESTIGATOR, Roles.SUPERVISOR})
    @Operation(summary = "Upload one file as a raw body",
            description = "Streams, hashes (MD5, SHA-1, SHA-256, PDQ) and stores the file encrypted. The same content "
                    + "twice in a case is one item with two locations.")
    @APIResponse(responseCode = "201", description = "Stored")
    @APIResponse(responseCode = "413", description = "Larger than the upload limit")
    @APIResponse(responseCode = "503", description = "Evidence storage unavailable; nothing stored")
    public Response uploadRaw(@PathParam("caseId") UUID caseId, @PathParam("seizureId") UUID seizureId,
                              @QueryParam("fileName") String fileName, @QueryParam("path") String path,
                              @QueryParam("created") Instant created, @QueryParam("modified") Instant modified,
                              @QueryParam("accessed") Instant accessed, InputStream body) {
        UploadedFile file = new UploadedFile(fileName, path, created, modified, accessed);
        ingest.checkCanUpload(caseId, seizureId);
        MediaItemView item = ingest.upload(caseId, seizureId, body, file);
        return Response.status(201).entity(item).build();
    }

    @POST
    @Path("/seizures/{seizureId}/media")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed({Roles.OFFICER, Roles.INVESTIGATOR, Roles.SUPERVISOR})
    @Operation(summary = "Upload one or more files as multipart parts named 'file'",
            description = "Optional 'path' parts give each file's folder on the device, in the same order. 201 when "
                    + "every file was stored, 207 with one outcome per file otherwise.")
    @APIResponse(responseCode = "201", description = "All stored")
    @APIResponse(responseCode = "207", description = "Some files were refused; see each outcome")
    public Response uploadMultipart(@PathParam("caseId") UUID caseId, @PathParam("seizureId") UUID seizureId,
                                    @RestForm("file") List<FileUpload> files, @RestForm("path") List<String> paths) {
        ingest.checkCanUpload(caseId, seizureId);
        if (files == null || files.isEmpty()) {
            throw new IllegalArgumentException("No file parts named 'file' in the request");
        }
        List<UploadOutcome> outcomes = new ArrayList<>();
        boolean allStored = true;
        for (int i = 0; i < files.size(); i++) {
            FileUpload f = files.get(i);
            String path = paths != null && i < paths.size() ? paths.get(i) : null;
            try (InputStream in = Files.newInputStream(f.uploadedFile())) {
                MediaItemView item = ingest.upload(caseId, seizureId, in, new UploadedFile(f.fileName(), path, null, null, null));
                outcomes.add(new UploadOutcome(f.fileName(), 201, item, null));
            } catch (DomainException | IllegalArgumentException e) {
                allStored = false;
                outcomes.add(new UploadOutcome(f.fileName(), statusOf(e), null,
                        Problem.of(statusOf(e), e.getMessage(), null, null, null)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        boolean noneStored = outcomes.stream().noneMatch(o -> o.status() == 201);
        int status = allStored ? 201 : noneStored && outcomes.stream().map(UploadOutcome::status).distinct().count() == 1
                ? outcomes.get(0).status() : 207;
        return Response.status(status).type(status >= 400 ? Problem.MEDIA_TYPE : MediaType.APPLICATION_JSON)
                .entity(status >= 400 ? outcomes.get(0).problem() : outcomes).build();
    }

    @GET
    @Path("/media")
    @RolesAllowed({Roles.OFFICER, Roles.INVESTIGATOR, Roles.LIAISON, Roles.SUPERVISOR})
    @Operation(summary = "List the media items of a case", description = "Optionally of one seizure, one category, "
            + "or one review state: review=TO_REVIEW is the review queue (unknown to the reference sets, not yet "
            + "categorised by a person); ALERT and IGNORABLE are the items matching reference sets; REVIEWED the "
            + "unknown items a person has categorised.")
    public List<MediaItemView> list(@PathParam("caseId") UUID caseId, @QueryParam("seizureId") UUID seizureId,
                                    @QueryParam("category") String category, @QueryParam("review") ReviewFilter review,
                                    @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                    @QueryParam("size") @DefaultValue("100") @Min(1) @Max(1000) int size) {
        return media.list(caseId, seizureId, category, review, page, size);
    }

    @GET
    @Path("/media/{mediaId}")
    @RolesAllowed({Roles.OFFICER, Roles.INVESTIGATOR, Roles.LIAISON, Roles.SUPERVISOR})
    @Operation(summary = "Read a media item: hashes, EXIF, category, flags and every location")
    public MediaItemView get(@PathParam("caseId") UUID caseId, @PathParam("mediaId") UUID mediaId) {
        return media.get(caseId, mediaId);
    }

    @GET
    @Path("/media/{mediaId}/content")
    @Produces(MediaType.WILDCARD)
    @RolesAllowed({Roles.OFFICER, Roles.INVESTIGATOR, Roles.SUPERVISOR})
    @Operation(summary = "Download the file",
            description = "Requires a justification; the stored object is verified against its SHA-256 first, and "
                    + "the consultation is audited.")
    public Response download(@PathParam("caseId") UUID caseId, @PathParam("mediaId") UUID mediaId,
                             @QueryParam("justification") String justification) {
        MediaDownloadService.Release release = downloads.release(caseId, mediaId, justification);
        downloads.verify(release);
        StreamingOutput body = out -> {
            try (InputStream in = downloads.open(release)) {
                in.transferTo(out);
            }
        };
        return Response.ok(body, release.mimeType() == null ? MediaType.APPLICATION_OCTET_STREAM : release.mimeType())
                .header("Content-Length", release.size())
                .header("Content-Disposition", "attachment; filename=\"" + release.sha256() + "\"")
                .header("X-Content-SHA256", release.sha256())
                .header("Cache-Control", "no-store")
                .build();
    }

    @PUT
    @Path("/media/{mediaId}/categorisation")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.OFFICER, Roles.INVESTIGATOR, Roles.SUPERVISOR})
    @Operation(summary = "Categorise an item", description = "An officer's decision; kept in the item's history.")
    public MediaItemView categorise(@PathParam("caseId") UUID caseId, @PathParam("mediaId") UUID mediaId,
                                    CategoriseRequest request) {
        return media.categorise(caseId, mediaId, request);
    }

    @GET
    @Path("/media/{mediaId}/categorisations")
    @RolesAllowed({Roles.OFFICER, Roles.INVESTIGATOR, Roles.LIAISON, Roles.SUPERVISOR})
    @Operation(summary = "Categorisation history of an item, oldest first")
    public List<CategorisationView> history(@PathParam("caseId") UUID caseId, @PathParam("mediaId") UUID mediaId) {
        return media.history(caseId, mediaId);
    }

    private static int statusOf(RuntimeException e) {
        return ProblemStatusMap.statusOf(e);
    }
}
