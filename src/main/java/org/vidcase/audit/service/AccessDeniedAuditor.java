package org.vidcase.audit.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.spi.runtime.AuthorizationFailureEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.ObservesAsync;
import org.vidcase.audit.domain.AuditOutcome;

/**
 * Records calls refused by role checks ({@code @RolesAllowed}, 403) before any service ran: an
 * officer trying the audit trail, an auditor trying a case. Unauthenticated probes (401) are not
 * recorded: anyone can send them, and the trail must not be flooded by strangers.
 */
@ApplicationScoped
public class AccessDeniedAuditor {

    private final AuditTrail trail;

    public AccessDeniedAuditor(AuditTrail trail) {
        this.trail = trail;
    }

    void onDenied(@ObservesAsync AuthorizationFailureEvent event) {
        SecurityIdentity identity = event.getSecurityIdentity();
        if (identity == null || identity.isAnonymous()) {
            return;
        }
        Object method = event.getEventProperties().get(AuthorizationFailureEvent.SECURED_METHOD_KEY);
        String target = method != null ? method.toString() : event.getAuthorizationContext();
        QuarkusTransaction.requiringNew().run(() -> trail.append(AuditEntry.of(identity.getPrincipal().getName(),
                AuditAction.ACCESS_DENIED, target, null, AuditOutcome.DENIED, null, null,
                "roles " + identity.getRoles() + " do not allow this endpoint")));
    }
}
