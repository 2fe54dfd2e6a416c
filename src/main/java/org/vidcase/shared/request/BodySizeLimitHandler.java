package org.vidcase.shared.request;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.vidcase.shared.error.Problem;

/**
 * Answers an announced oversized body with a problem document before the body is read;
 * Vert.x itself would answer 413 with an empty body.
 */
@ApplicationScoped
public class BodySizeLimitHandler {

    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    MemorySize maxBodySize;

    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 1).handler(this::check);
    }

    private void check(RoutingContext ctx) {
        String length = ctx.request().getHeader("Content-Length");
        long limit = maxBodySize.asLongValue();
        if (length != null && parse(length) > limit) {
            Problem problem = new Problem("urn:vidcase:problem:content-too-large", "Content Too Large", 413,
                    "The request body of " + length + " bytes exceeds the limit of " + limit + " bytes",
                    ctx.request().path(), RequestIdHandler.of(ctx), null);
            ctx.response().setStatusCode(413)
                    .putHeader("Content-Type", Problem.MEDIA_TYPE)
                    .putHeader("Connection", "close")
                    .end(Json.encode(problem));
            return;
        }
        ctx.next();
    }

    private static long parse(String length) {
        try {
            return Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
