package org.vidcase.shared.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

/** The caller as the domain sees it: a user name and the realm roles carried by the token. */
@RequestScoped
public class CurrentUser {

    @Inject
    SecurityIdentity identity;

    public String name() {
        return identity.isAnonymous() ? "anonymous" : identity.getPrincipal().getName();
    }

    public boolean hasRole(String role) {
        return identity.hasRole(role);
    }

    public boolean isSupervisor() {
        return hasRole(Roles.SUPERVISOR);
    }
}
