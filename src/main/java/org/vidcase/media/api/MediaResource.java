package org.vidcase.media.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.BeanParam;
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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.vidcase.media.service.MediaDownloadService;
import org.vidcase.media.service.MediaIngestService;
import org.vidcase.media.service.MediaService;
import org.vidcase.media.service.UploadResult;
import org.vidcase.media.service.UploadedFile;
import org.vidcase.search.api.MediaFacetsView;
import org.vidcase.shared.error.DomainException;
import org.vidcase.shared.error.Problem;
import org.vidcase.shared.error.ProblemStatusMap;
import org.vidcase.shared.request.RequestInfo;
import org.vidcase.shared.security.Roles;

@Path("/api/cases/{caseId}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Media", description = "Evidence files and hash-only items of a case")
@SecurityRequirement(name = "keycloak")
public class MediaResource {

    private final MediaService media;
    private final MediaIngestService ingest;
    private static final String UPLOAD_DESCRIPTION = "Streams, hashes (MD5, SHA-1, SHA-256, PDQ) and stores each file "
            + "encrypted. Raw body (application/octet-stream): one file; 'fileName' is required, the file's own name "
            + "on the device, and 'path' is the folder it was in. Multipart: one part named 'file' per file, its "
            + "filename the file's name, and optional 'path' parts, one per file in the same order. A name given with "
            + "folders (DCIM/IMG_0001.jpg, as browsers send an uploaded folder) is split, the folders going to the "
            + "path. The same content twice in a case is one item with several locations: each outcome says "
            + "NEW_ITEM (201), or LOCATION_ADDED, CONTENT_ADDED (an imported hash-only item got its file) or "
            + "ALREADY_RECORDED (200). Multipart answers 201 when every file was stored and one was new, 200 when "
            + "none was new, 207 when some were refused, and the files' common error when all were refused alike.";

    private final MediaDownloadService downloads;
    private final RequestInfo request;

    public MediaResource(MediaService media, MediaIngestService ingest, MediaDownloadService downloads,
                         RequestInfo request) {
        this.request = request;
        this.media = media;
        this.ingest = ingest;
        this.downloads = downloads;
    }

    @POST
    @Path("/seizures/{seizureId}/media")
    @Consumes(MediaType.APPLICATION_OCTET_STREAM)
    @RolesAllowed({Roles.OFFICER, Roles.INVESTIGATOR, Roles.SUPERVISOR})
    @Operation(summary = "Upload files: one as a raw body, or several as multipart parts named 'file'",
            description = UPLOAD_DESCRIPTION)
    @APIResponse(responseCode = "201", description = "Stored, and at least one file was new to the case: a new item. "
            + "A raw body answers one UploadOutcome, multipart a list of them, one per file.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(oneOf = {UploadOutcome.class, UploadOutcome[].class})))
    @APIResponse(responseCode = "200", description = "Stored, and all of it was content the case already held: "
            + "see each outcome (LOCATION_ADDED, CONTENT_ADDED, ALREADY_RECORDED)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(oneOf = {UploadOutcome.class, UploadOutcome[].class})))
    @APIResponse(responseCode = "207", description = "Multipart only: some files were refused; see each outcome",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = UploadOutcome[].class)))
    @APIResponse(responseCode = "503", description = "Evidence storage unavailable; nothing stored")
    public Response uploadRaw(@PathParam("caseId") UUID caseId, @PathParam("seizureId") UUID seizureId,
                              @Parameter(description = "The file's name on the device", required = true,
                                      example = "IMG_0001.jpg") @QueryParam("fileName") String fileName,
                              @Parameter(description = "The folder the file was in on the device",
                                      example = "/DCIM/100APPLE") @QueryParam("path") String path,
                              @QueryParam("created") Instant created, @QueryParam("modified") Instant modified,
                              @QueryParam("accessed") Instant accessed,
                              @RequestBody(description = "The file's bytes", required = true,
                                      content = @Content(mediaType = MediaType.APPLICATION_OCTET_STREAM,
                                              schema = @Schema(type = SchemaType.STRING, format = "binary")))
                              InputStream body) {
        // Need-to-know first: an outsider learns nothing about the request, not even that it lacked a name.
        ingest.checkCanUpload(caseId, seizureId);
        UploadedFile file = UploadedFile.of(fileName, path, created, modified, accessed);
        UploadResult result = ingest.upload(caseId, seizureId, body, file);
        return Response.status(result.status().httpStatus()).entity(UploadOutcome.stored(file.fileName(), result)).build();
    }

    @POST
    @Path("/seizures/{seizureId}/media")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @CheckedBeforeBody
    @RolesAllowed({Roles.OFFICER, Roles.INVESTIGATOR, Roles.SUPERVISOR})
    @Operation(summary = "Upload files: one as a raw body, or several as multipart parts named 'file'",
            description = UPLOAD_DESCRIPTION)
    @APIResponse(responseCode = "201", description = "Stored, and at least one file was new to the case: a new item. "
            + "A raw body answers one UploadOutcome, multipart a list of them, one per file.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(oneOf = {UploadOutcome.class, UploadOutcome[].class})))
    @APIResponse(responseCode = "200", description = "Stored, and all of it was content the case already held: "
            + "see each outcome (LOCATION_ADDED, CONTENT_ADDED, ALREADY_RECORDED)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(oneOf = {UploadOutcome.class, UploadOutcome[].class})))
    @APIResponse(responseCode = "207", description = "Multipart only: some files were refused; see each outcome",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = UploadOutcome[].class)))
    @APIResponse(responseCode = "503", description = "Evidence storage unavailable; nothing stored")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.MULTIPART_FORM_DATA,
            examples = @ExampleObject(name = "two files from one folder",
                    description = "'path' is the folder, not the file: one 'path' part per 'file' part, in order",
                    value = "{\"file\": [\"(IMG_0001.jpg)\", \"(IMG_0002.jpg)\"], "
                            + "\"path\": [\"/DCIM/100APPLE\", \"/DCIM/100APPLE\"]}")))
    public Response uploadMultipart(@PathParam("caseId") UUID caseId, @PathParam("seizureId") UUID seizureId,
                                    @RestForm("file") @Schema(description = "The files; each part's filename is the "
                                            + "file's name on the device") List<FileUpload> files,
                                    @RestForm("path") @Schema(description = "Each file's folder on the device (not "
                                            + "its name), in the order of the files") List<String> paths) {
        // UploadAccessFilter checked need-to-know before the body was read (and so spooled).
        if (files == null || files.isEmpty()) {
            throw new IllegalArgumentException("No file parts named 'file' in the request");
        }
        List<UploadOutcome> outcomes = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            FileUpload f = files.get(i);
            String path = paths != null && i < paths.size() ? paths.get(i) : null;
            try (InputStream in = Files.newInputStream(f.uploadedFile())) {
                UploadedFile file = UploadedFile.of(f.fileName(), path, null, null, null);
                outcomes.add(UploadOutcome.stored(file.fileName(), ingest.upload(caseId, seizureId, in, file)));
            } catch (DomainException | IllegalArgumentException e) {
                outcomes.add(UploadOutcome.refused(f.fileName(),
                        Problem.of(statusOf(e), e.getMessage(), request.path(), request.requestId(), null)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        List<Integer> statuses = outcomes.stream().map(UploadOutcome::status).distinct().toList();
        boolean allStored = outcomes.stream().allMatch(o -> o.problem() == null);
        boolean noneStored = outcomes.stream().allMatch(o -> o.problem() != null);
        int status = allStored ? (statuses.contains(201) ? 201 : 200)
                : noneStored && statuses.size() == 1 ? statuses.get(0) : 207;
        return Response.status(status).type(status >= 400 ? Problem.MEDIA_TYPE : MediaType.APPLICATION_JSON)
                .entity(status >= 400 ? outcomes.get(0).problem() : outcomes).build();
    }

    @GET
    @Path("/media")
    @RolesAllowed({Roles.OFFICER, Roles.INVESTIGATOR, Roles.LIAISON, Roles.SUPERVISOR})
    @Operation(summary = "List or search the media items of a case", description = "Optionally of one seizure, one "
            + "category, or one review state: review=TO_REVIEW is the review queue (unknown to the reference sets, not "
            + "yet categorised by a person); ALERT and IGNORABLE are the items matching reference sets; REVIEWED the "
            + "unknown items a person has categorised. stacks=true lists one representative per stack of "
            + "near-duplicates, with stackSize. Words (q) and the filters marked 'index' search the search index, "
            + "best match first (503 while it is unreachable); without them the list comes from the database, "
            + "in the order the items arrived.")
    public List<MediaItemView> list(@PathParam("caseId") UUID caseId, @Valid @BeanParam MediaSearchParameters search,
                                    @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                    @QueryParam("size") @DefaultValue("100") @Min(1) @Max(1000) int size) {
        return media.list(caseId, search.query(caseId), search.review, search.hashOnlyFirst, page, size);
    }

    @GET
    @Path("/media/facets")
    @RolesAllowed({Roles.OFFICER, Roles.INVESTIGATOR, Roles.LIAISON, Roles.SUPERVISOR})
    @Operation(summary = "Facet counts of the media items a search finds", description = "Takes the parameters of "
            + "GET /media and answers, from the search index, how many items match and how many have each value of "
            + "each facet (category, matchStatus, mediaType, seizure, series, tag, make, model, extension, "
            + "categorisedBy, source), the commonest first; a null value counts the items without one.")
    public MediaFacetsView facets(@PathParam("caseId") UUID caseId, @Valid @BeanParam MediaSearchParameters search,
                                  @Parameter(description = "Facets to count (repeat the parameter); all when none")
                                  @QueryParam("facet") List<String> facets,
                                  @QueryParam("facetSize") @DefaultValue("20") int facetSize) {
        return media.facets(caseId, search.query(caseId), search.review, facets, facetSize);
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
                             @Parameter(description = "Why the file is needed; recorded in the audit trail",
                                     required = true, example = "Categorisation review of the exhibit")
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
    @Operation(summary = "Categorise an item", description = "An officer's decision; kept in the item's history. "
            + "stack=true categorises every item of the item's stack of near-duplicates the same way, each with a "
            + "history entry of its own.")
    public MediaItemView categorise(@PathParam("caseId") UUID caseId, @PathParam("mediaId") UUID mediaId,
                                    @Parameter(description = "Also every other item of the item's stack")
                                    @QueryParam("stack") @DefaultValue("false") boolean stack,
                                    CategoriseRequest request) {
        return media.categorise(caseId, mediaId, request, stack);
    }

    @POST
    @Path("/media/{mediaId}/categorisation/undo")
    @RolesAllowed({Roles.OFFICER, Roles.INVESTIGATOR, Roles.SUPERVISOR})
    @Operation(summary = "Undo the caller's latest categorisation of an item",
            description = "Reverts the decision that is the item's latest categorisation, if the caller made it, on "
                    + "every item it covered (the stack or series categorised with it) that nobody has categorised "
                    + "since: each gets back the category, source and flags it had before, possibly none (then it is "
                    + "back in the review queue). The undo is an entry of its own in each item's history; a series "
                    + "text or tags the decision set stay. A second opinion the decision was waiting for is withdrawn. "
                    + "409 when the latest categorisation is not the caller's own decision.")
    public MediaItemView undo(@PathParam("caseId") UUID caseId, @PathParam("mediaId") UUID mediaId) {
        return media.undo(caseId, mediaId);
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
