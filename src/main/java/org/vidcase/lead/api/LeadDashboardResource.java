package org.vidcase.lead.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.vidcase.lead.service.LeadDashboard;
import org.vidcase.shared.security.Roles;

@Path("/api/leads/dashboard")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Leads")
@SecurityRequirement(name = "keycloak")
public class LeadDashboardResource {

    private final LeadDashboard dashboard;

    public LeadDashboardResource(LeadDashboard dashboard) {
        this.dashboard = dashboard;
    }

    @GET
    @RolesAllowed({Roles.OFFICER, Roles.INVESTIGATOR, Roles.LIAISON, Roles.SUPERVISOR})
    @Operation(summary = "My leads, my team's leads, overdue ones and counts by status and priority",
            description = "Over every case the caller may see; each list highest priority first, at most 100.")
    public DashboardView dashboard() {
        return dashboard.open();
    }
}
