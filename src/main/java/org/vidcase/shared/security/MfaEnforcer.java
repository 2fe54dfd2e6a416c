package org.vidcase.shared.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * Refuses, as authentication failures, the tokens of users who signed in with a password alone
 * when the deployment requires a second factor. Tokens of the exempt clients (service accounts)
 * pass; a token that says nothing about how its user authenticated does not.
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
        if (login.isEmpty() || allowed(login.get())) {
            return Uni.createFrom().item(identity);
        }
        return Uni.createFrom().failure(new AuthenticationFailedException(
                new MfaRequiredException("The token's user did not pass a second factor")));
    }

    boolean allowed(Login login) {
        if (login.client() != null && config.mfaExemptClients().contains(login.client())) {
            return true;
        }
        return login.amr().stream().anyMatch(config.mfaMethods()::contains);
    }
}
