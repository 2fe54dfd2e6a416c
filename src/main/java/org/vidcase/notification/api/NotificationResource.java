package org.vidcase.notification.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.vidcase.notification.service.InboxService;
import org.vidcase.shared.security.Roles;

@Path("/api/notifications")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Notifications", description = "The caller's inbox: cross-case hits, finished work")
@SecurityRequirement(name = "keycloak")
@RolesAllowed({Roles.OFFICER, Roles.INVESTIGATOR, Roles.LIAISON, Roles.SUPERVISOR, Roles.AUDITOR})
public class NotificationResource {

    private final InboxService inbox;

    public NotificationResource(InboxService inbox) {
        this.inbox = inbox;
    }

    @GET
    @Operation(summary = "The caller's notifications, newest first")
    public List<NotificationView> list(@QueryParam("unread") @DefaultValue("false") boolean unread,
                                       @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                       @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        return inbox.list(unread, page, size);
    }

    @GET
    @Path("/unread-count")
    @Operation(summary = "How many notifications the caller has not read")
    public Map<String, Long> unreadCount() {
        return Map.of("unread", inbox.unread());
    }

    @POST
    @Path("/{id}/read")
    @Operation(summary = "Mark one notification read")
    public NotificationView markRead(@PathParam("id") UUID id) {
        return inbox.markRead(id);
    }

    @POST
    @Path("/read-all")
    @Operation(summary = "Mark every notification read")
    public Map<String, Integer> markAllRead() {
        return Map.of("marked", inbox.markAllRead());
    }
}
