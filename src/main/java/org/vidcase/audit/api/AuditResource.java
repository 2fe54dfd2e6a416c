package org.vidcase.audit.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.vidcase.audit.domain.AuditEventRepository.AuditQuery;
import org.vidcase.audit.service.AuditQueryService;
import org.vidcase.audit.service.ChainVerification;
import org.vidcase.shared.security.Roles;

@Path("/api/audit")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit", description = "The tamper-evident audit trail (auditors only)")
@SecurityRequirement(name = "keycloak")
public class AuditResource {

    private final AuditQueryService audit;

    public AuditResource(AuditQueryService audit) {
        this.audit = audit;
    }

    @GET
    @Path("/events")
    @RolesAllowed(Roles.AUDITOR)
    @Operation(summary = "List audit events, newest first", description = "All filters are optional; times are ISO-8601 instants.")
    public List<AuditEventView> events(@QueryParam("caseId") UUID caseId, @QueryParam("actor") String actor,
                                       @QueryParam("action") String action, @QueryParam("objectId") String objectId,
                                       @QueryParam("from") Instant from, @QueryParam("to") Instant to,
                                       @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                       @QueryParam("size") @DefaultValue("100") @Min(1) @Max(1000) int size) {
        return audit.search(new AuditQuery(caseId, actor, action, objectId, from, to, page, size)).stream()
                .map(AuditEventView::of).toList();
    }

    @GET
    @Path("/verification")
    @RolesAllowed(Roles.AUDITOR)
    @Operation(summary = "Verify the hash chain now", description = "Recomputes every row's hash and link; reports the first broken link.")
    public ChainVerification verify() {
        return audit.verifyNow();
    }
}
