package org.vidcase.shared.request;

import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

/** Request id and path of the current HTTP request, or nulls when running outside one (jobs). */
@RequestScoped
public class RequestInfo {

    @Inject
    Instance<RoutingContext> routingContext;

    public String requestId() {
        RoutingContext ctx = current();
        return ctx == null ? null : RequestIdHandler.of(ctx);
    }

    public String path() {
        RoutingContext ctx = current();
        return ctx == null ? null : ctx.request().path();
    }

    private RoutingContext current() {
        if (!routingContext.isResolvable()) {
            return null;
        }
        try {
            return routingContext.get();
        } catch (RuntimeException notInHttpRequest) {
            return null;
        }
    }
}
