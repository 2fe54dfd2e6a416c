package org.vidcase.exchange.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.vidcase.exchange.service.SubscriptionService;
import org.vidcase.jobs.domain.Job;
import org.vidcase.jobs.service.JobService;
import org.vidcase.shared.security.Roles;

@Path("/api/exchange/subscription")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Exchange (node)")
@SecurityRequirement(name = "keycloak")
public class ExchangeSubscriptionResource {

    private final SubscriptionService subscription;
    private final JobService jobs;

    public ExchangeSubscriptionResource(SubscriptionService subscription, JobService jobs) {
        this.subscription = subscription;
        this.jobs = jobs;
    }

    @POST
    @RolesAllowed(Roles.SUPERVISOR)
    @Operation(summary = "Subscribe to the hub",
            description = "Creates the hash set of source HUB (active, alert) that pulls keep current, and pulls once.")
    @APIResponse(responseCode = "201", description = "Subscribed; the first pull is queued")
    @APIResponse(responseCode = "409", description = "Subscribed already, or the hub is not configured")
    public Response subscribe() {
        SubscriptionView created = subscription.subscribe();
        return Response.created(java.net.URI.create("/api/exchange/subscription")).entity(created).build();
    }

    @GET
    @RolesAllowed({Roles.OFFICER, Roles.INVESTIGATOR, Roles.LIAISON, Roles.SUPERVISOR})
    @Operation(summary = "The subscription: its hash set, where the pulls stand, what it holds")
    public SubscriptionView get() {
        return subscription.view();
    }

    @POST
    @Path("/pulls")
    @RolesAllowed({Roles.LIAISON, Roles.SUPERVISOR})
    @Operation(summary = "Pull the hub's changes now", description = "A job; one already queued or running is returned.")
    @APIResponse(responseCode = "202", description = "Queued (follow Location)")
    public Response pull() {
        Job job = subscription.pullNow();
        return Response.accepted(jobs.snapshot(job)).header("Location", "/api/jobs/" + job.id).build();
    }
}
