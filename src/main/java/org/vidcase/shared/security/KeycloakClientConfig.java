package org.vidcase.shared.security;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How the server's own calls to Keycloak behave. */
@ConfigMapping(prefix = "vidcase.keycloak")
public interface KeycloakClientConfig {

    /**
     * How long a call to Keycloak (the realm's keys, discovery) may wait for an answer once
     * connected; {@code quarkus.oidc.connection-timeout} bounds connecting only. A Keycloak that
     * accepts connections but never answers then costs a request this long, not forever.
     */
    @WithDefault("10S")
    Duration readTimeout();
}
