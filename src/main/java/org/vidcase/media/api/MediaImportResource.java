package org.vidcase.media.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.InputStream;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.vidcase.jobs.domain.Job;
import org.vidcase.jobs.service.JobService;
import org.vidcase.media.service.ImportFormat;
import org.vidcase.media.service.MediaExportService;
import org.vidcase.media.service.MediaImportService;
import org.vidcase.shared.security.Roles;

@Path("/api/cases/{caseId}")
@Tag(name = "Forensic exports", description = "Hash-only import and export in Project VIC VICS JSON and CSV")
@SecurityRequirement(name = "keycloak")
public class MediaImportResource {

    private static final String CSV = "text/csv";
    private static final String FORMAT = "VICS (default): VICS 2.0 JSON, values verbatim. CSV: one row per location in the "
            + "columns the CSV import reads, every cell quoted and text that starts like a spreadsheet formula "
            + "(= + - @, tab, CR, LF) prefixed with a single quote";
    private static final String EXPORT = "Audited; streamed. Carries the case reference, hashes, categories, flags, "
            + "file names, paths (and, in VICS, EXIF with GPS): for the unit's own tools.";

    private final MediaImportService imports;
    private final MediaExportService exports;
    private final JobService jobs;

    public MediaImportResource(MediaImportService imports, MediaExportService exports, JobService jobs) {
        this.imports = imports;
        this.exports = exports;
        this.jobs = jobs;
    }

    @POST
    @Path("/seizures/{seizureId}/imports")
    @Consumes({MediaType.APPLICATION_JSON, "text/csv", MediaType.APPLICATION_OCTET_STREAM})
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.OFFICER, Roles.INVESTIGATOR, Roles.SUPERVISOR})
    @Operation(summary = "Import a forensic-tool export (VICS JSON 1.1-2.0 or CSV) into a seizure",
            description = "The body is the file; format=VICS|CSV, else taken from the Content-Type (application/json = "
                    + "VICS, text/csv = CSV). Runs as a job: follow it at /api/jobs/{id}. Re-importing changes nothing.")
    @APIResponse(responseCode = "202", description = "Import queued")
    @APIResponse(responseCode = "422", description = "The file is not the format claimed")
    public Response importExport(@PathParam("caseId") UUID caseId, @PathParam("seizureId") UUID seizureId,
                                 @QueryParam("format") ImportFormat format, @QueryParam("fileName") String fileName,
                                 @jakarta.ws.rs.HeaderParam("Content-Type") String contentType, InputStream body) {
        ImportFormat resolved = format != null ? format
                : contentType != null && contentType.startsWith("text/csv") ? ImportFormat.CSV : ImportFormat.VICS;
        Job job = imports.submit(caseId, seizureId, resolved, fileName, body);
        return Response.accepted(jobs.snapshot(job)).header("Location", "/api/jobs/" + job.id).build();
    }

    @GET
    @Path("/export")
    @Produces({MediaType.APPLICATION_JSON, CSV})
    @RolesAllowed({Roles.OFFICER, Roles.INVESTIGATOR, Roles.SUPERVISOR})
    @Operation(summary = "Export the case's media as VICS 2.0 JSON or as a hash CSV", description = EXPORT)
    public Response exportCase(@PathParam("caseId") UUID caseId,
                               @Parameter(description = FORMAT) @QueryParam("format") ImportFormat format) {
        return stream(exports.plan(caseId, null, format));
    }

    @GET
    @Path("/seizures/{seizureId}/export")
    @Produces({MediaType.APPLICATION_JSON, CSV})
    @RolesAllowed({Roles.OFFICER, Roles.INVESTIGATOR, Roles.SUPERVISOR})
    @Operation(summary = "Export one seizure's media as VICS 2.0 JSON or as a hash CSV", description = EXPORT)
    public Response exportSeizure(@PathParam("caseId") UUID caseId, @PathParam("seizureId") UUID seizureId,
                                  @Parameter(description = FORMAT) @QueryParam("format") ImportFormat format) {
        return stream(exports.plan(caseId, seizureId, format));
    }

    private Response stream(MediaExportService.ExportPlan plan) {
        StreamingOutput body = out -> exports.write(plan, out);
        boolean csv = plan.format() == ImportFormat.CSV;
        return Response.ok(body, csv ? CSV + "; charset=UTF-8" : MediaType.APPLICATION_JSON)
                .header("Content-Disposition", "attachment; filename=\"" + (csv ? "hashes-" : "vics-")
                        + plan.auditObjectId() + (csv ? ".csv" : ".json") + "\"")
                .header("Cache-Control", "no-store")
                .build();
    }
}
