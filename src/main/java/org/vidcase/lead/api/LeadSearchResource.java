package org.vidcase.lead.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.vidcase.lead.domain.ClueType;
import org.vidcase.lead.domain.LeadStatus;
import org.vidcase.lead.domain.PriorityBand;
import org.vidcase.lead.service.LeadSearchService;
import org.vidcase.shared.security.Roles;

@Path("/api/leads/search")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Leads")
@SecurityRequirement(name = "keycloak")
public class LeadSearchResource {

    private final LeadSearchService search;

    public LeadSearchResource(LeadSearchService search) {
        this.search = search;
    }

    @GET
    @RolesAllowed({Roles.OFFICER, Roles.INVESTIGATOR, Roles.LIAISON, Roles.SUPERVISOR})
    @Operation(summary = "Search leads and their clues",
            description = "Words match the title, reference, description, comments and live clue values (accents and "
                    + "case ignored; word* a prefix, -word excluded, \"...\" literal); with the filters, over the "
                    + "cases the caller may see or one of them. Answers 503 while the search index is unreachable.")
    public LeadSearchView search(
            @Parameter(description = "Words", example = "school badge") @QueryParam("q") String q,
            @Parameter(description = "One case the caller may see") @QueryParam("caseId") UUID caseId,
            @QueryParam("status") LeadStatus status,
            @Parameter(description = "Assigned to this user") @QueryParam("assignee") String assignee,
            @QueryParam("priority") PriorityBand priority,
            @Parameter(description = "Has a live clue of this type") @QueryParam("clueType") ClueType clueType,
            @Parameter(description = "Due on or after") @QueryParam("dueFrom") LocalDate dueFrom,
            @Parameter(description = "Due on or before") @QueryParam("dueTo") LocalDate dueTo,
            @Parameter(description = "Only open leads past their due date") @QueryParam("overdue") Boolean overdue,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        return search.search(new LeadSearchService.Criteria(q, caseId, status, assignee, priority, clueType, dueFrom,
                dueTo, overdue), page, size);
    }
}
