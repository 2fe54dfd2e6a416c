package org.vidcase.shared.security;

import io.quarkus.oidc.common.OidcRequestFilter;
import io.smallrye.mutiny.Uni;
import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Bounds every call the OIDC extension makes to Keycloak (fetching the realm's keys when a token
 * names one not cached, discovery) by {@code vidcase.keycloak.read-timeout}: a Keycloak
 * that is up but frozen makes such a request fail with 401 after that time instead of hanging it.
 * Tokens signed with cached keys never reach Keycloak and are not affected. Unremovable: the OIDC
 * extension looks filters up by type, which does not keep an otherwise unused bean.
 */
@ApplicationScoped
@Unremovable
public class KeycloakReadTimeout implements OidcRequestFilter {

    private final long timeoutMillis;

    public KeycloakReadTimeout(KeycloakClientConfig config) {
        this.timeoutMillis = config.readTimeout().toMillis();
    }

    @Override
    public Uni<Void> filter(OidcRequestFilterContext context) {
        context.request().timeout(timeoutMillis);
        return Uni.createFrom().voidItem();
    }
}
