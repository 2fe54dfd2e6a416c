package org.vidcase.hub.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.vidcase.exchange.format.HubStatisticsReport;
import org.vidcase.hub.service.BaselineExport;
import org.vidcase.hub.service.HubStatistics;
import org.vidcase.shared.security.Roles;

@Path("/api/hub")
@Tag(name = "Exchange hub")
@SecurityRequirement(name = "keycloak")
public class HubReportResource {

    private final HubStatistics statistics;
    private final BaselineExport baseline;

    public HubReportResource(HubStatistics statistics, BaselineExport baseline) {
        this.statistics = statistics;
        this.baseline = baseline;
    }

    @GET
    @Path("/statistics")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.HUB_ADMIN, Roles.HUB_NODE})
    @Operation(summary = "Entries by category and country, identified victims and offenders per year, cross-border "
            + "series, growth",
            description = "For the hub's administrators, and for the nodes (their service accounts), whose liaison "
                    + "officers and supervisors see them through GET /api/exchange/hub-statistics.")
    public HubStatisticsReport statistics() {
        return statistics.compute();
    }

    @POST
    @Path("/baseline-exports")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({"text/csv", MediaType.APPLICATION_JSON})
    @RolesAllowed(Roles.HUB_ADMIN)
    @Operation(summary = "The baseline list for a blocking partner, as ICSE CSV",
            description = "Live, trusted entries every submitter marked baseline. The recipient and legal basis are "
                    + "recorded with the export and audited; X-Export-Id and X-Content-SHA256 name the record.")
    public Response export(BaselineExportRequest request) {
        BaselineExport.Export export = baseline.export(request);
        return Response.status(201).entity(export.csv()).type("text/csv; charset=UTF-8")
                .header("X-Export-Id", export.record().id().toString())
                .header("X-Content-SHA256", export.record().sha256())
                .header("Content-Disposition", "attachment; filename=\"baseline-" + export.record().id() + ".csv\"")
                .header("Cache-Control", "no-store").build();
    }

    @GET
    @Path("/baseline-exports")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.HUB_ADMIN, Roles.AUDITOR})
    @Operation(summary = "Every baseline list handed out: to whom, on what legal basis")
    public List<BaselineExportView> exports() {
        return baseline.list();
    }
}
