package org.vidcase.shared.request;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Set;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.vidcase.shared.error.Problem;

/**
 * Answers an announced oversized body with a problem document before the body is read. Evidence
 * uploads and imports may be as large as the evidence limit; every other body is small JSON, and
 * must announce its length: a JSON body sent chunked (no Content-Length) is refused with 411
 * before it is read, since only the much larger server-wide limit would otherwise bound it. A body
 * without a Content-Type is refused with 415 naming the types the endpoint accepts: the REST layer
 * would read it as JSON, a guess about bytes the client did not describe.
 */
@ApplicationScoped
public class BodySizeLimitHandler {

    /** Endpoints that stream files: media uploads, forensic-export imports and hash-set imports. */
    static final Pattern FILE_ENDPOINTS = Pattern.compile(
            "/api/cases/[^/]+/seizures/[^/]+/(media|imports)/?|/api/hash-sets/[^/]+/imports/?");
    /** Endpoints that take exchange packages (compact JWS), held to the package limit. */
    static final Pattern PACKAGE_ENDPOINTS = Pattern.compile("/api/hub/(packages|package-files)/?");
    /** Endpoints that take a probe picture (hashed, never stored), held to the probe limit unless sent as JSON. */
    static final Pattern PROBE_ENDPOINTS = Pattern.compile("/api/similar/?");
    private static final long MULTIPART_OVERHEAD = 1024 * 1024;

    @ConfigProperty(name = "vidcase.http.max-json-body-size")
    MemorySize maxJsonBody;

    @ConfigProperty(name = "vidcase.evidence.max-upload-size")
    MemorySize maxUpload;

    @Inject
    ApiRoutes routes;
    @ConfigProperty(name = "vidcase.exchange.max-package-size", defaultValue = "32M")
    MemorySize maxPackage;
    @ConfigProperty(name = "vidcase.http.max-probe-picture-size", defaultValue = "64M")
    MemorySize maxProbe;

    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 1).handler(this::check);
    }

    private void check(RoutingContext ctx) {
        String length = ctx.request().getHeader("Content-Length");
        String path = ctx.request().path();
        long limit = FILE_ENDPOINTS.matcher(path).matches()
                ? maxUpload.asLongValue() + MULTIPART_OVERHEAD
                : PACKAGE_ENDPOINTS.matcher(path).matches() ? maxPackage.asLongValue()
                : PROBE_ENDPOINTS.matcher(path).matches() && !json(ctx) ? maxProbe.asLongValue()
                : maxJsonBody.asLongValue();
        boolean file = FILE_ENDPOINTS.matcher(path).matches();
        if (length == null && !file && ctx.request().getHeader("Transfer-Encoding") != null) {
            Problem problem = Problem.of(411, "A request body other than a file upload or import must announce its length "
                            + "(Content-Length, at most " + limit + " bytes); chunked bodies are accepted for files only",
                    path, RequestIdHandler.of(ctx), null);
            ctx.response().setStatusCode(411)
                    .putHeader("Content-Type", Problem.MEDIA_TYPE)
                    .putHeader("Connection", "close")
                    .end(Json.encode(problem));
            return;
        }
        boolean hasBody = length != null ? parse(length) != 0 : ctx.request().getHeader("Transfer-Encoding") != null;
        if (hasBody && ctx.request().getHeader("Content-Type") == null && path.startsWith("/api/")) {
            Set<String> accepted = routes.acceptedTypes(ctx.request().method().name(), path);
            Problem problem = Problem.of(415, "A request body needs a Content-Type"
                            + (accepted.isEmpty() ? "" : "; this endpoint accepts " + String.join(" or ", accepted)),
                    path, RequestIdHandler.of(ctx), null);
            ctx.response().setStatusCode(415)
                    .putHeader("Content-Type", Problem.MEDIA_TYPE)
                    .putHeader("Connection", "close")
                    .end(Json.encode(problem));
            return;
        }
        if (length != null && parse(length) > limit) {
            Problem problem = Problem.of(413,
                    "The request body of " + length + " bytes exceeds the limit of " + limit + " bytes",
                    path, RequestIdHandler.of(ctx), null);
            ctx.response().setStatusCode(413)
                    .putHeader("Content-Type", Problem.MEDIA_TYPE)
                    .putHeader("Connection", "close")
                    .end(Json.encode(problem));
            return;
        }
        ctx.next();
    }

    private static boolean json(RoutingContext ctx) {
        String type = ctx.request().getHeader("Content-Type");
        return type == null || type.toLowerCase(java.util.Locale.ROOT).contains("json");
    }

    private static long parse(String length) {
        try {
            return Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
