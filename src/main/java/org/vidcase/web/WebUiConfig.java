package org.vidcase.web;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** The web UI served at {@code /}: where the browser signs in. */
@ConfigMapping(prefix = "vidcase.web")
public interface WebUiConfig {

    /**
     * The realm's URL as browsers reach it ({@code https://id.example/realms/vid}); the server's own
     * {@code quarkus.oidc.auth-server-url} when unset (they differ when the server reaches Keycloak
     * by an address inside the cluster).
     */
    Optional<String> realmUrl();

    /**
     * UI development only: serve the UI's files from this folder instead of the packaged ones
     * ({@code src/main/resources/META-INF/resources}), so that a change shows on reload.
     */
    Optional<String> devFilesDir();

    /** The public client the UI signs in with (authorisation code with PKCE). */
    @WithDefault("vidcase-web")
    String clientId();
}
