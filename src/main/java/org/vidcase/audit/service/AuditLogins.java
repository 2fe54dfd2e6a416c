package org.vidcase.audit.service;

import io.quarkus.arc.Arc;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import org.vidcase.shared.security.Login;

/**
 * The login of the request being audited, so that an auditor can tell which sign-in a
 * consultation came from. Outside a request (jobs, start-up) there is none.
 */
@ApplicationScoped
public class AuditLogins {

    private final Instance<SecurityIdentity> identity;

    public AuditLogins(Instance<SecurityIdentity> identity) {
        this.identity = identity;
    }

    AuditEntry current(AuditEntry entry) {
        if (!Arc.container().requestContext().isActive()) {
            return entry;
        }
        SecurityIdentity caller = identity.get();
        if (caller == null || caller.isAnonymous() || !caller.getPrincipal().getName().equals(entry.actor())) {
            return entry;
        }
        return Login.of(caller.getPrincipal())
                .map(login -> entry.withLogin(login.sessionId(), login.authentication()))
                .orElse(entry);
    }
}
