package org.vidcase.series.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.vidcase.jobs.domain.Job;
import org.vidcase.jobs.service.JobService;
import org.vidcase.media.api.CategoriseRequest;
import org.vidcase.series.service.SeriesClusteringService;
import org.vidcase.series.service.SeriesService;
import org.vidcase.shared.security.Roles;

@Path("/api/cases/{caseId}/series")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Series", description = "Pictures of one victim, scene or set, grouped for review")
@SecurityRequirement(name = "keycloak")
public class SeriesResource {


    private final SeriesService series;
    private final SeriesClusteringService clustering;
    private final JobService jobs;

    public SeriesResource(SeriesService series, SeriesClusteringService clustering, JobService jobs) {
        this.series = series;
        this.clustering = clustering;
        this.jobs = jobs;
    }

    @GET
    @RolesAllowed({Roles.OFFICER, Roles.INVESTIGATOR, Roles.LIAISON, Roles.SUPERVISOR})
    @Operation(summary = "List the series of a case", description = "With member counts; members are in each series.")
    public List<SeriesView> list(@PathParam("caseId") UUID caseId) {
        return series.list(caseId);
    }

    @POST
    @RolesAllowed({Roles.OFFICER, Roles.INVESTIGATOR, Roles.SUPERVISOR})
    @Operation(summary = "Open a series by hand", description = "Case lead or member; its first members are confirmed.")
    @APIResponse(responseCode = "201", description = "Opened")
    public Response create(@PathParam("caseId") UUID caseId, CreateSeriesRequest request, @Context UriInfo uri) {
        SeriesView created = series.create(caseId, request);
        return Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build()).entity(created).build();
    }

    @POST
    @Path("/clustering-jobs")
    @RolesAllowed({Roles.OFFICER, Roles.INVESTIGATOR, Roles.SUPERVISOR})
    @Operation(summary = "Cluster the case's unknown pictures into suggested series",
            description = "A job: groups pictures no reference set knows into suggested series and suggests pictures "
                    + "for the case's existing series; officers then confirm or reject. Give seizureId to cluster one "
                    + "exhibit (its pictures still join the case's series). One run at a time per case.")
    @APIResponse(responseCode = "202", description = "Queued; follow it at /api/jobs/{id}")
    public Response cluster(@PathParam("caseId") UUID caseId, ClusteringRequest request) {
        Job job = clustering.submit(caseId, request == null ? null : request.seizureId(),
                request != null && Boolean.TRUE.equals(request.incremental()));
        return Response.accepted(jobs.snapshot(job)).header("Location", "/api/jobs/" + job.id).build();
    }

    @GET
    @Path("/{seriesId}")
    @RolesAllowed({Roles.OFFICER, Roles.INVESTIGATOR, Roles.LIAISON, Roles.SUPERVISOR})
    @Operation(summary = "Read a series with its members")
    public SeriesView get(@PathParam("caseId") UUID caseId, @PathParam("seriesId") UUID seriesId) {
        return series.get(caseId, seriesId);
    }

    @PATCH
    @Path("/{seriesId}")
    @RolesAllowed({Roles.OFFICER, Roles.INVESTIGATOR, Roles.SUPERVISOR})
    @Operation(summary = "Rename, close or reopen a series, or change its notes",
            description = "Send the version read; a series changed since answers 409. The identified flags follow "
                    + "identification records (/api/cases/{caseId}/identifications) and are not set here.")
    public SeriesView update(@PathParam("caseId") UUID caseId, @PathParam("seriesId") UUID seriesId,
                             UpdateSeriesRequest request) {
        return series.update(caseId, seriesId, request);
    }

    @POST
    @Path("/{seriesId}/members")
    @RolesAllowed({Roles.OFFICER, Roles.INVESTIGATOR, Roles.SUPERVISOR})
    @Operation(summary = "Add media items of the case to a series (confirmed)")
    public SeriesView addMembers(@PathParam("caseId") UUID caseId, @PathParam("seriesId") UUID seriesId,
                                 AddMembersRequest request) {
        return series.addMembers(caseId, seriesId, request);
    }

    @POST
    @Path("/{seriesId}/members/{mediaItemId}/decision")
    @RolesAllowed({Roles.OFFICER, Roles.INVESTIGATOR, Roles.SUPERVISOR})
    @Operation(summary = "Confirm or reject a member", description = "A rejected item is never suggested for the series again.")
    public SeriesView decide(@PathParam("caseId") UUID caseId, @PathParam("seriesId") UUID seriesId,
                             @PathParam("mediaItemId") UUID mediaItemId, MemberDecisionRequest request) {
        return series.decide(caseId, seriesId, mediaItemId, request);
    }

    @DELETE
    @Path("/{seriesId}/members/{mediaItemId}")
    @RolesAllowed({Roles.OFFICER, Roles.INVESTIGATOR, Roles.SUPERVISOR})
    @Operation(summary = "Remove a member", description = "The removal stays in the series' history.")
    public SeriesView removeMember(@PathParam("caseId") UUID caseId, @PathParam("seriesId") UUID seriesId,
                                   @PathParam("mediaItemId") UUID mediaItemId) {
        return series.removeMember(caseId, seriesId, mediaItemId);
    }

    @PUT
    @Path("/{seriesId}/categorisation")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.OFFICER, Roles.INVESTIGATOR, Roles.SUPERVISOR})
    @Operation(summary = "Categorise every confirmed member of the series",
            description = "One decision (the body of PUT .../media/{id}/categorisation) for all confirmed members: each "
                    + "item gets a history entry of its own, the series' history records it, and it can be undone from "
                    + "any of its items (POST .../media/{id}/categorisation/undo). Suggested members are left alone; "
                    + "422 when no member is confirmed.")
    public SeriesCategorisationView categorise(@PathParam("caseId") UUID caseId, @PathParam("seriesId") UUID seriesId,
                                               CategoriseRequest request) {
        return series.categorise(caseId, seriesId, request);
    }

    @POST
    @Path("/{seriesId}/merge")
    @RolesAllowed({Roles.OFFICER, Roles.INVESTIGATOR, Roles.SUPERVISOR})
    @Operation(summary = "Merge another series of the case into this one", description = "The other is closed and "
            + "points here; both versions must be current.")
    public SeriesView merge(@PathParam("caseId") UUID caseId, @PathParam("seriesId") UUID seriesId,
                            MergeSeriesRequest request) {
        return series.merge(caseId, seriesId, request);
    }

    @POST
    @Path("/{seriesId}/split")
    @RolesAllowed({Roles.OFFICER, Roles.INVESTIGATOR, Roles.SUPERVISOR})
    @Operation(summary = "Move some members into a new series", description = "At least one member must stay.")
    @APIResponse(responseCode = "201", description = "The new series")
    public Response split(@PathParam("caseId") UUID caseId, @PathParam("seriesId") UUID seriesId,
                          SplitSeriesRequest request) {
        return Response.status(201).entity(series.split(caseId, seriesId, request)).build();
    }

    @GET
    @Path("/{seriesId}/history")
    @RolesAllowed({Roles.OFFICER, Roles.INVESTIGATOR, Roles.LIAISON, Roles.SUPERVISOR})
    @Operation(summary = "Every change to a series, oldest first")
    public List<SeriesEventView> history(@PathParam("caseId") UUID caseId, @PathParam("seriesId") UUID seriesId) {
        return series.history(caseId, seriesId);
    }
}
