package org.vidcase.hub.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.vidcase.hub.service.PackageRefusedException;
import org.vidcase.shared.error.Problem;
import org.vidcase.shared.request.RequestInfo;

/** A refused package as a problem document: its status, the reason, and each payload position at fault. */
public class HubProblems {

    @Inject
    RequestInfo request;

    @ServerExceptionMapper
    public Response refused(PackageRefusedException e) {
        List<Problem.FieldError> errors = e.violations().isEmpty() ? null : e.violations().stream().limit(100)
                .map(v -> new Problem.FieldError(v.pointer().isEmpty() ? "/" : v.pointer(), v.message())).toList();
        return Response.status(e.status()).type(Problem.MEDIA_TYPE)
                .entity(Problem.of(e.status(), e.getMessage(), request.path(), request.requestId(), errors)).build();
    }
}
