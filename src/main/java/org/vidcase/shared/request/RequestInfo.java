package org.vidcase.shared.request;

import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

/** Request id and path of the current HTTP request, or nulls when running outside one (jobs, start-up). */
@RequestScoped
public class RequestInfo {

    @Inject
    CurrentVertxRequest currentRequest;

    public String requestId() {
        RoutingContext ctx = currentRequest.getCurrent();
        return ctx == null ? null : RequestIdHandler.of(ctx);
    }

    public String method() {
        RoutingContext ctx = currentRequest.getCurrent();
        return ctx == null ? null : ctx.request().method().name();
    }

    /** Whether the request carried credentials in an Authorization header. */
    public boolean hasAuthorization() {
        RoutingContext ctx = currentRequest.getCurrent();
        return ctx != null && ctx.request().getHeader("Authorization") != null;
    }

    public String path() {
        RoutingContext ctx = currentRequest.getCurrent();
        return ctx == null ? null : ctx.request().path();
    }
}
