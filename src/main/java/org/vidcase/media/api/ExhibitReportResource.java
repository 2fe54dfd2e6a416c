package org.vidcase.media.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.vidcase.media.service.ExhibitReportService;
import org.vidcase.shared.security.Roles;

@Path("/api/cases/{caseId}/exhibit-report")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Media")
@SecurityRequirement(name = "keycloak")
public class ExhibitReportResource {

    private final ExhibitReportService reports;

    public ExhibitReportResource(ExhibitReportService reports) {
        this.reports = reports;
    }

    @GET
    @RolesAllowed({Roles.OFFICER, Roles.INVESTIGATOR, Roles.LIAISON, Roles.SUPERVISOR})
    @Operation(summary = "The exhibit report for court or prosecution",
            description = "Per exhibit of the case (or seizureId): how many items fall in each category of the active "
                    + "scheme (null: not categorised), and each categorised item with its file names on the exhibit, "
                    + "hashes, category, who graded it and when, and the latest second opinion; at most 'limit' items "
                    + "per exhibit (the rest counted in gradedLeftOut). The UI prints it. Audited as media.report.")
    public ExhibitReportView report(@PathParam("caseId") UUID caseId, @QueryParam("seizureId") UUID seizureId,
                                    @QueryParam("limit") @DefaultValue("10000") @Min(1) @Max(50000) int limit) {
        return reports.report(caseId, seizureId, limit);
    }
}
