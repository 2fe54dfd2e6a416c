package org.vidcase.web;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.FileSystemAccess;
import io.vertx.ext.web.handler.StaticHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Serves what the single-page UI needs beside its static files (META-INF/resources): its sign-in
 * settings at {@code /app/config.json}, and the security headers of every UI response. API
 * responses get {@code Cache-Control: no-store} unless they set their own, so that no browser or
 * proxy keeps case data; the UI's own files hold none and are revalidated.
 */
@ApplicationScoped
public class WebUiRoutes {

    static final String CONFIG_PATH = "/app/config.json";

    private final String realmUrl;
    private final String clientId;
    private final String policy;
    private final java.util.Optional<String> devFilesDir;
    private final String exchangeMode;

    public WebUiRoutes(WebUiConfig config, @ConfigProperty(name = "quarkus.oidc.auth-server-url") String serverRealmUrl,
                       @ConfigProperty(name = "vidcase.exchange.mode", defaultValue = "node") String exchangeMode) {
        this.realmUrl = config.realmUrl().orElse(serverRealmUrl).replaceAll("/+$", "");
        this.exchangeMode = exchangeMode.strip().toLowerCase(java.util.Locale.ROOT);
        this.clientId = config.clientId();
        this.policy = SecurityHeaders.contentSecurityPolicy(realmUrl);
        this.devFilesDir = config.devFilesDir();
    }

    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 10).handler(this::headers);
        router.route(HttpMethod.GET, CONFIG_PATH).handler(this::config);
        devFilesDir.ifPresent(dir -> {
            StaticHandler files = StaticHandler.create(FileSystemAccess.ROOT, dir).setCachingEnabled(false)
                    .setIndexPage("index.html");
            router.routeWithRegex(HttpMethod.GET, "/(app/.*|index\\.html)?").order(Integer.MIN_VALUE + 20).handler(files);
        });
    }

    private void headers(RoutingContext ctx) {
        String path = ctx.normalizedPath();
        if (path.startsWith("/api/")) {
            ctx.addHeadersEndHandler(v -> {
                if (!ctx.response().headers().contains(HttpHeaders.CACHE_CONTROL)) {
                    ctx.response().putHeader(HttpHeaders.CACHE_CONTROL, "no-store");
                }
            });
        } else if (isUi(path)) {
            ctx.addHeadersEndHandler(v -> {
                var headers = ctx.response().headers();
                headers.set("Content-Security-Policy", policy);
                headers.set("X-Content-Type-Options", "nosniff");
                headers.set("X-Frame-Options", "DENY");
                headers.set("Referrer-Policy", "no-referrer");
                headers.set("Cross-Origin-Opener-Policy", "same-origin");
                headers.set("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=(), usb=()");
                // The UI's files are not versioned by name: a browser revalidates them, so that a new
                // release is never mixed with an old one (they hold no case data).
                headers.set(HttpHeaders.CACHE_CONTROL, "no-cache");
            });
        }
        ctx.next();
    }

    /** The UI: everything but the API and Quarkus' own endpoints (Swagger UI has inline scripts of its own). */
    static boolean isUi(String path) {
        return !path.startsWith("/api/") && !path.equals("/api") && !path.startsWith("/q/");
    }

    private void config(RoutingContext ctx) {
        // The exchange mode decides which screens the UI offers: a national node's, or the hub's.
        JsonObject body = new JsonObject().put("realmUrl", realmUrl).put("clientId", clientId)
                .put("exchangeMode", exchangeMode);
        ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, "application/json").putHeader(HttpHeaders.CACHE_CONTROL, "no-cache")
                .end(body.encode());
    }
}
