package org.vidcase.shared.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.Set;

/**
 * Refuses, as authentication failures, the tokens of users who signed in with a password alone
 * when the deployment requires a second factor. Service-account tokens of the exempt clients pass;
 * a token that says nothing about how its user authenticated, or is no JWT at all, does not.
 */
@ApplicationScoped
public class MfaEnforcer implements SecurityIdentityAugmentor {

    private final SecurityConfig config;

    public MfaEnforcer(SecurityConfig config) {
        this.config = config;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || !config.requireMfa()) {
            return Uni.createFrom().item(identity);
        }
        Optional<Login> login = Login.of(identity.getPrincipal());
        if (login.isPresent() && allowed(login.get(), identity.getPrincipal().getName())) {
            return Uni.createFrom().item(identity);
        }
        return Uni.createFrom().failure(new AuthenticationFailedException(
                new MfaRequiredException("The token's user did not pass a second factor")));
    }

    /**
     * An exempt client's token passes only as its service account ({@code service-account-<client>}
     * is the user Keycloak gives a client's client-credentials grant), so that a person's token
     * issued to that client, should it ever allow one, is still checked.
     */
    boolean allowed(Login login, String username) {
        if (login.client() != null && config.mfaExemptClients().orElse(Set.of()).contains(login.client())
                && ("service-account-" + login.client()).equals(username)) {
            return true;
        }
        if (login.client() != null && config.demoPasswordClients().orElse(Set.of()).contains(login.client())) {
            return true;
        }
        return login.amr().stream().anyMatch(config.mfaMethods()::contains);
    }
}
