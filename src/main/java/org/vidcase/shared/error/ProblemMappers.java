package org.vidcase.shared.error;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ValidationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.vidcase.shared.request.RequestInfo;

/**
 * Every error leaves the server as application/problem+json. Bodies carry a human-readable
 * detail, never class names or stack traces; unexpected errors are logged with the request id.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @Inject
    RequestInfo request;

    @ServerExceptionMapper
    public Response domain(DomainException e) {
        return problem(ProblemStatusMap.statusOf(e), e.getMessage(), null);
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return json(json);
        }
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        if (status >= 500) {
            LOG.errorf(e, "Request %s failed", request.requestId());
            return problem(status, "The server could not complete the request", null);
        }
        Response.ResponseBuilder builder = problemBuilder(status, clientDetail(e, status), null);
        String allow = e.getResponse().getHeaderString("Allow");
        if (allow != null) {
            builder.header("Allow", allow);
        }
        return builder.build();
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldOf(v), v.getMessage()))
                .sorted((a, b) -> a.field().compareTo(b.field()))
                .collect(Collectors.toList());
        return problem(400, "The request is not valid", errors);
    }

    @ServerExceptionMapper
    public Response validation(ValidationException e) {
        return problem(400, "The request is not valid", null);
    }

    @ServerExceptionMapper({JsonProcessingException.class, JsonParseException.class, JsonMappingException.class,
            MismatchedInputException.class, InvalidFormatException.class, UnrecognizedPropertyException.class,
            ValueInstantiationException.class})
    public Response json(JsonProcessingException e) {
        if (e instanceof JsonParseException) {
            return problem(400, "The body is not well-formed JSON", null);
        }
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = mapping.getPath().stream()
                    .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            return problem(400, "The body does not match the expected document",
                    List.of(new Problem.FieldError(field, describe(e))));
        }
        return problem(400, "The body does not match the expected document", null);
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthorized(RuntimeException e) {
        return problemBuilder(401, "A valid bearer token is required", null)
                .header("WWW-Authenticate", "Bearer realm=\"vid\"")
                .build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return problem(403, "Your roles do not allow this action", null);
    }

    /** A unique key taken, or a row changed, by a concurrent request between our check and our write. */
    @ServerExceptionMapper({org.hibernate.exception.ConstraintViolationException.class,
            jakarta.persistence.OptimisticLockException.class, org.hibernate.StaleStateException.class})
    public Response concurrentChange(RuntimeException e) {
        return problem(409, "The data changed concurrently; read it again and retry", null);
    }

    @ServerExceptionMapper
    public Response illegalArgument(IllegalArgumentException e) {
        // Our own messages are written for users; a library's may name classes or internals.
        StackTraceElement[] trace = e.getStackTrace();
        boolean ours = trace.length > 0 && trace[0].getClassName().startsWith("org.vidcase.");
        return problem(400, ours && e.getMessage() != null ? e.getMessage() : "The request is not valid", null);
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        LOG.errorf(e, "Request %s failed", request.requestId());
        return problem(500, "The server could not complete the request; quote request id "
                + request.requestId() + " to an administrator", null);
    }

    private Response problem(int status, String detail, List<Problem.FieldError> errors) {
        return problemBuilder(status, detail, errors).build();
    }

    private Response.ResponseBuilder problemBuilder(int status, String detail, List<Problem.FieldError> errors) {
        Problem body = Problem.of(status, detail, request.path(), request.requestId(), errors);
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(body);
    }

    private static String clientDetail(WebApplicationException e, int status) {
        return switch (status) {
            case 404 -> "No such resource";
            case 405 -> "This method is not allowed on this resource";
            case 406 -> "The requested media type cannot be produced";
            case 413 -> "The request body is too large";
            case 415 -> "This media type is not supported here";
            default -> e.getMessage() == null || e.getMessage().startsWith("HTTP ") ? "The request was refused" : e.getMessage();
        };
    }

    private static String fieldOf(ConstraintViolation<?> violation) {
        // Paths look like "create.request.title": drop the method and parameter prefix.
        String path = violation.getPropertyPath().toString();
        String[] parts = path.split("\\.", 3);
        return parts.length == 3 ? parts[2] : parts[parts.length - 1];
    }

    private static String describe(JsonProcessingException e) {
        if (e instanceof InvalidFormatException invalid) {
            Class<?> target = invalid.getTargetType();
            if (target != null && target.isEnum()) {
                return "must be one of " + java.util.Arrays.toString(target.getEnumConstants());
            }
            return "has the wrong type or format";
        }
        if (e instanceof UnrecognizedPropertyException) {
            return "is not a known field";
        }
        if (e instanceof MismatchedInputException) {
            return "has the wrong type";
        }
        return "is not valid";
    }
}
