package org.vidcase.audit.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.spi.runtime.AuthorizationFailureEvent;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.enterprise.inject.Instance;
import java.util.TreeSet;
import org.vidcase.audit.domain.AuditOutcome;
import org.vidcase.shared.request.RequestIdHandler;
import org.vidcase.shared.security.Login;

/**
 * Records calls refused by role checks ({@code @RolesAllowed}, 403) before any service ran: an
 * officer trying the audit trail, an auditor trying a case. The event names the request id and
 * the object the request was aimed at. Unauthenticated probes (401) are not recorded: anyone can
 * send them, and the trail must not be flooded by strangers.
 */
@ApplicationScoped
public class AccessDeniedAuditor {

    /** What is known of the refusal while the request is at hand; written on a worker thread. */
    record Denial(String actor, String roles, String method, String path, String requestId, Login login) {
    }

    private final AuditTrail trail;
    private final Event<Denial> denials;
    private final Instance<CurrentVertxRequest> currentRequest;

    public AccessDeniedAuditor(AuditTrail trail, Event<Denial> denials, Instance<CurrentVertxRequest> currentRequest) {
        this.trail = trail;
        this.denials = denials;
        this.currentRequest = currentRequest;
    }

    /** Runs where the check failed, possibly on an I/O thread: reads the request, writes nothing. */
    void onDenied(@Observes AuthorizationFailureEvent event) {
        SecurityIdentity identity = event.getSecurityIdentity();
        if (identity == null || identity.isAnonymous()) {
            return;
        }
        RoutingContext ctx = routingContext(event);
        denials.fireAsync(new Denial(identity.getPrincipal().getName(), new TreeSet<>(identity.getRoles()).toString(),
                ctx == null ? null : ctx.request().method().name(), ctx == null ? null : ctx.request().path(),
                RequestIdHandler.of(ctx), Login.of(identity.getPrincipal()).orElse(null)));
    }

    void record(@ObservesAsync Denial denial) {
        DeniedTarget target = DeniedTarget.of(denial.path());
        String request = denial.method() == null ? "this endpoint" : denial.method() + " " + denial.path();
        QuarkusTransaction.requiringNew().run(() -> trail.append(new AuditEntry(denial.actor(),
                AuditAction.ACCESS_DENIED.code(), target.objectType(), target.objectId(), target.caseId(),
                AuditOutcome.DENIED, null, denial.requestId(), "roles " + denial.roles() + " do not allow " + request)
                .withLogin(denial.login() == null ? null : denial.login().sessionId(),
                        denial.login() == null ? null : denial.login().authentication())));
    }

    private RoutingContext routingContext(AuthorizationFailureEvent event) {
        for (Object value : event.getEventProperties().values()) {
            if (value instanceof RoutingContext ctx) {
                return ctx;
            }
        }
        try {
            return currentRequest.get().getCurrent();
        } catch (ContextNotActiveException outsideRequest) {
            return null;
        }
    }
}
