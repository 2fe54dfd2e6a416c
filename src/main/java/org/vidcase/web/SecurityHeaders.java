package org.vidcase.web;

import java.net.URI;

/**
 * The headers of the UI's responses. The policy allows scripts, styles, fonts and pictures from
 * the server only (no inline script or style, no eval: nothing injected into a page can run),
 * pictures also from {@code blob:} (a revealed picture is fetched with the user's token and shown
 * from memory), connections to the server and the realm's Keycloak only, and no framing.
 */
public final class SecurityHeaders {

    private SecurityHeaders() {
    }

    public static String contentSecurityPolicy(String realmUrl) {
        String keycloak = origin(realmUrl);
        return "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' blob:; font-src 'self'; "
                + "connect-src 'self' " + keycloak + "; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; "
                + "object-src 'none'; manifest-src 'self'";
    }

    /** {@code scheme://host[:port]} of a URL: what a CSP source names. */
    static String origin(String url) {
        URI uri = URI.create(url);
        if (uri.getScheme() == null || uri.getHost() == null) {
            throw new IllegalArgumentException("not an absolute URL: " + url);
        }
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
    }
}
