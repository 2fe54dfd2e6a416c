package org.vidcase.hashset.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.vidcase.hashset.importer.HashSetFormat;
import org.vidcase.hashset.service.HashSetImportService;
import org.vidcase.hashset.service.HashSetService;
import org.vidcase.jobs.domain.Job;
import org.vidcase.jobs.service.JobService;
import org.vidcase.shared.security.Roles;

@Path("/api/hash-sets")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Hash sets", description = "Reference hash sets: known abuse material (alert) and known-good files (ignorable)")
@SecurityRequirement(name = "keycloak")
public class HashSetResource {

    private final HashSetService sets;
    private final HashSetImportService imports;
    private final JobService jobs;

    public HashSetResource(HashSetService sets, HashSetImportService imports, JobService jobs) {
        this.sets = sets;
        this.imports = imports;
        this.jobs = jobs;
    }

    @POST
    @RolesAllowed(Roles.SUPERVISOR)
    @Operation(summary = "Register a reference hash set", description = "Starts inactive; entries arrive by import.")
    @APIResponse(responseCode = "201", description = "Registered")
    @APIResponse(responseCode = "409", description = "This name and version exist already")
    public Response create(CreateHashSetRequest request, @Context UriInfo uri) {
        HashSetView created = sets.create(request);
        return Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build()).entity(created).build();
    }

    @GET
    @RolesAllowed({Roles.OFFICER, Roles.INVESTIGATOR, Roles.LIAISON, Roles.SUPERVISOR})
    @Operation(summary = "List the unit's reference hash sets")
    public List<HashSetView> list() {
        return sets.list();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.OFFICER, Roles.INVESTIGATOR, Roles.LIAISON, Roles.SUPERVISOR})
    @Operation(summary = "Read a reference hash set")
    public HashSetView get(@PathParam("id") UUID id) {
        return sets.get(id);
    }

    @PUT
    @Path("/{id}/active")
    @RolesAllowed(Roles.SUPERVISOR)
    @Operation(summary = "Activate or deactivate a hash set", description = "Only active sets take part in matching.")
    public HashSetView setActive(@PathParam("id") UUID id, SetActiveRequest request) {
        return sets.setActive(id, request);
    }

    @POST
    @Path("/{id}/imports")
    @Consumes({MediaType.APPLICATION_OCTET_STREAM, "text/csv", MediaType.TEXT_PLAIN, MediaType.APPLICATION_JSON,
            "application/vnd.sqlite3", "application/x-sqlite3"})
    @RolesAllowed(Roles.SUPERVISOR)
    @Operation(summary = "Import the entries of a hash-set version from a file",
            description = "The body is the file; format=VPDQ (a vPDQ hash file of a video, or compact vPDQ JSON lists, one video a line), ICSE (CSV export), VICS (Project VIC JSON), NSRL (RDSv3 "
                    + "SQLite, ignorable sets only) or PLAIN (one hash per line). Runs as a job: follow it at "
                    + "/api/jobs/{id}; bad rows are reported with their line and skipped. A set version is imported "
                    + "once. If the set is active, existing media are matched against it afterwards.")
    @APIResponse(responseCode = "202", description = "Import queued")
    @APIResponse(responseCode = "409", description = "The set is imported already or being imported")
    @APIResponse(responseCode = "422", description = "The file is not the format claimed")
    public Response importEntries(@PathParam("id") UUID id,
                                  @Parameter(description = "The file's format", required = true, example = "ICSE")
                                  @QueryParam("format") HashSetFormat format,
                                  @Parameter(description = "The file's name, kept with the import for the record",
                                          example = "icse-baseline-2026-11.csv")
                                  @QueryParam("fileName") String fileName, InputStream body) {
        Job job = imports.submit(id, format, fileName, body);
        return Response.accepted(jobs.snapshot(job)).header("Location", "/api/jobs/" + job.id).build();
    }
}
