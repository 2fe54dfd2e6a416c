package org.vidcase.shared.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The caller as the domain sees it: a user name, the realm roles carried by the token, and the
 * unit (the first {@code /units/<name>} entry of the token's {@code units} claim: the
 * caller's Keycloak groups under {@code /units}).
 */
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

    /** The caller's unit, or null if the token names none. */
    public String unit() {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            return null;
        }
        Object groups = token.getClaim("units");
        if (groups instanceof java.util.Collection<?> list) {
            for (Object group : list) {
                String unit = unitOf(String.valueOf(group).replace("\"", ""));
                if (unit != null) {
                    return unit;
                }
            }
        } else if (groups instanceof jakarta.json.JsonArray array) {
            for (int i = 0; i < array.size(); i++) {
                String unit = unitOf(array.getString(i, ""));
                if (unit != null) {
                    return unit;
                }
            }
        }
        return null;
    }

    /** {@code /units/north} gives {@code north}; anything else, null. */
    static String unitOf(String group) {
        String prefix = "/units/";
        if (group == null || !group.startsWith(prefix) || group.length() == prefix.length()) {
            return null;
        }
        String rest = group.substring(prefix.length());
        return rest.contains("/") ? rest.substring(0, rest.indexOf('/')) : rest;
    }
}
