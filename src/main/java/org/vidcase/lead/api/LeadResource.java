package org.vidcase.lead.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.vidcase.lead.domain.LeadStatus;
import org.vidcase.lead.domain.PriorityBand;
import org.vidcase.lead.service.ClueService;
import org.vidcase.lead.service.LeadService;
import org.vidcase.lead.service.ReferralService;
import org.vidcase.shared.security.Roles;

@Path("/api/cases/{caseId}/leads")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Leads", description = "Identification leads: clues, workflow, referrals and history")
@SecurityRequirement(name = "keycloak")
public class LeadResource {

    private final LeadService leads;
    private final ClueService clues;
    private final ReferralService referrals;

    public LeadResource(LeadService leads, ClueService clues, ReferralService referrals) {
        this.leads = leads;
        this.clues = clues;
        this.referrals = referrals;
    }

    @GET
    @RolesAllowed({Roles.OFFICER, Roles.INVESTIGATOR, Roles.LIAISON, Roles.SUPERVISOR})
    @Operation(summary = "List the leads of a case", description = "Highest priority first, then the earliest due; "
            + "at most 500.")
    public List<LeadSummary> list(@PathParam("caseId") UUID caseId,
                                  @Parameter(description = "Only leads in this status") @QueryParam("status") LeadStatus status,
                                  @Parameter(description = "Only leads assigned to this user") @QueryParam("assignee") String assignee,
                                  @Parameter(description = "Only leads in this priority band") @QueryParam("priority") PriorityBand band,
                                  @Parameter(description = "Only open leads past their due date") @QueryParam("overdue") Boolean overdue) {
        return leads.list(caseId, status, assignee, band == null ? null : band.name(), overdue);
    }

    @POST
    @RolesAllowed({Roles.OFFICER, Roles.INVESTIGATOR, Roles.SUPERVISOR})
    @Operation(summary = "Open a lead", description = "From series, media items or by hand; assignees are leads or "
            + "members of the case's team (the lead is then ASSIGNED).")
    @APIResponse(responseCode = "201", description = "Opened")
    public Response create(@PathParam("caseId") UUID caseId, CreateLeadRequest request, @Context UriInfo uri) {
        LeadView created = leads.create(caseId, request);
        return Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build()).entity(created).build();
    }

    @GET
    @Path("/{leadId}")
    @RolesAllowed({Roles.OFFICER, Roles.INVESTIGATOR, Roles.LIAISON, Roles.SUPERVISOR})
    @Operation(summary = "Read a lead with its clues, comments, referrals, outcomes and linked series")
    public LeadView get(@PathParam("caseId") UUID caseId, @PathParam("leadId") UUID leadId) {
        return leads.get(caseId, leadId);
    }

    @PATCH
    @Path("/{leadId}")
    @RolesAllowed({Roles.OFFICER, Roles.INVESTIGATOR, Roles.SUPERVISOR})
    @Operation(summary = "Change a lead's title, description, due date, priority factors or score override",
            description = "Send the version read; a lead changed since answers 409. An override needs a reason.")
    public LeadView update(@PathParam("caseId") UUID caseId, @PathParam("leadId") UUID leadId, UpdateLeadRequest request) {
        return leads.update(caseId, leadId, request);
    }

    @GET
    @Path("/{leadId}/history")
    @RolesAllowed({Roles.OFFICER, Roles.INVESTIGATOR, Roles.LIAISON, Roles.SUPERVISOR})
    @Operation(summary = "Every change to a lead, field by field, oldest first")
    public List<LeadEventView> history(@PathParam("caseId") UUID caseId, @PathParam("leadId") UUID leadId) {
        return leads.history(caseId, leadId);
    }

    @POST
    @Path("/{leadId}/status")
    @RolesAllowed({Roles.OFFICER, Roles.INVESTIGATOR, Roles.SUPERVISOR})
    @Operation(summary = "Move a lead along its workflow, or close it with outcomes",
            description = "OPEN -> ASSIGNED -> IN_PROGRESS on request; REFERRED follows referrals; any open state -> "
                    + "CLOSED with at least one dated outcome. A move the workflow does not allow answers 422 naming "
                    + "the moves it allows.")
    public LeadView changeStatus(@PathParam("caseId") UUID caseId, @PathParam("leadId") UUID leadId, StatusRequest request) {
        return leads.changeStatus(caseId, leadId, request);
    }

    @POST
    @Path("/{leadId}/reopen")
    @RolesAllowed(Roles.SUPERVISOR)
    @Operation(summary = "Reopen a closed lead (supervisor, with a reason)",
            description = "Back to the state it was closed from; its outcomes and identification records stay.")
    public LeadView reopen(@PathParam("caseId") UUID caseId, @PathParam("leadId") UUID leadId, ReopenRequest request) {
        return leads.reopen(caseId, leadId, request);
    }

    @PUT
    @Path("/{leadId}/assignees")
    @RolesAllowed({Roles.OFFICER, Roles.INVESTIGATOR, Roles.SUPERVISOR})
    @Operation(summary = "Set who is assigned to a lead", description = "Leads or members of the case's team.")
    public LeadView setAssignees(@PathParam("caseId") UUID caseId, @PathParam("leadId") UUID leadId,
                                 AssigneesRequest request) {
        return leads.setAssignees(caseId, leadId, request);
    }

    @PUT
    @Path("/{leadId}/links")
    @RolesAllowed({Roles.OFFICER, Roles.INVESTIGATOR, Roles.SUPERVISOR})
    @Operation(summary = "Set the series and media items a lead is about", description = "Of the same case; a list "
            + "left out stays as it is.")
    public LeadView setLinks(@PathParam("caseId") UUID caseId, @PathParam("leadId") UUID leadId, LinksRequest request) {
        return leads.setLinks(caseId, leadId, request);
    }

    @POST
    @Path("/{leadId}/comments")
    @RolesAllowed({Roles.OFFICER, Roles.INVESTIGATOR, Roles.SUPERVISOR})
    @Operation(summary = "Comment on a lead")
    @APIResponse(responseCode = "201", description = "The lead with the comment")
    public Response comment(@PathParam("caseId") UUID caseId, @PathParam("leadId") UUID leadId, CommentRequest request) {
        return Response.status(201).entity(leads.comment(caseId, leadId, request)).build();
    }

    @POST
    @Path("/{leadId}/clues")
    @RolesAllowed({Roles.OFFICER, Roles.INVESTIGATOR, Roles.SUPERVISOR})
    @Operation(summary = "Add a clue", description = "Typed, with evidence in the same case. A clue equal to one in "
            + "another unit's case tells both teams that a related lead exists and whom to contact, never its content.")
    @APIResponse(responseCode = "201", description = "Added")
    public Response addClue(@PathParam("caseId") UUID caseId, @PathParam("leadId") UUID leadId, ClueRequest request) {
        return Response.status(201).entity(clues.add(caseId, leadId, request)).build();
    }

    @PATCH
    @Path("/{leadId}/clues/{clueId}")
    @RolesAllowed({Roles.OFFICER, Roles.INVESTIGATOR, Roles.SUPERVISOR})
    @Operation(summary = "Edit a clue", description = "Send the clue's version read; the change is kept in the lead's history.")
    public ClueView updateClue(@PathParam("caseId") UUID caseId, @PathParam("leadId") UUID leadId,
                               @PathParam("clueId") UUID clueId, UpdateClueRequest request) {
        return clues.update(caseId, leadId, clueId, request);
    }

    @POST
    @Path("/{leadId}/clues/{clueId}/withdrawal")
    @RolesAllowed({Roles.OFFICER, Roles.INVESTIGATOR, Roles.SUPERVISOR})
    @Operation(summary = "Withdraw a clue, with a reason", description = "It stays on the lead, marked withdrawn.")
    public ClueView withdrawClue(@PathParam("caseId") UUID caseId, @PathParam("leadId") UUID leadId,
                                 @PathParam("clueId") UUID clueId, WithdrawClueRequest request) {
        return clues.withdraw(caseId, leadId, clueId, request);
    }

    @POST
    @Path("/{leadId}/referrals")
    @RolesAllowed({Roles.OFFICER, Roles.INVESTIGATOR, Roles.SUPERVISOR})
    @Operation(summary = "Refer a lead to an agency or a country",
            description = "A referral to an agency is sent as recorded; one abroad waits for a liaison officer to "
                    + "dispatch it. A sent referral moves an IN_PROGRESS lead to REFERRED.")
    @APIResponse(responseCode = "201", description = "Recorded")
    public Response refer(@PathParam("caseId") UUID caseId, @PathParam("leadId") UUID leadId, ReferralRequest request) {
        return Response.status(201).entity(referrals.record(caseId, leadId, request)).build();
    }

    @POST
    @Path("/{leadId}/referrals/{referralId}/dispatch")
    @RolesAllowed(Roles.LIAISON)
    @Operation(summary = "Dispatch a referral abroad (liaison officer on the case's team)",
            description = "Audited as a disclosure with the recipient.")
    public LeadView dispatch(@PathParam("caseId") UUID caseId, @PathParam("leadId") UUID leadId,
                             @PathParam("referralId") UUID referralId) {
        return referrals.dispatch(caseId, leadId, referralId);
    }

    @POST
    @Path("/{leadId}/referrals/{referralId}/reply")
    @RolesAllowed({Roles.OFFICER, Roles.INVESTIGATOR, Roles.SUPERVISOR, Roles.LIAISON})
    @Operation(summary = "Record the reply to a sent referral",
            description = "From an agency, by the team; from abroad, by a liaison officer on the team. When the last "
                    + "referral out returns, a REFERRED lead goes back to IN_PROGRESS.")
    public LeadView reply(@PathParam("caseId") UUID caseId, @PathParam("leadId") UUID leadId,
                          @PathParam("referralId") UUID referralId, ReplyRequest request) {
        return referrals.reply(caseId, leadId, referralId, request);
    }
}
