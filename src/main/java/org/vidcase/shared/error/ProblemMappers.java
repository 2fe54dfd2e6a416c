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
import java.util.Set;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.vidcase.shared.request.ApiRoutes;
import org.vidcase.shared.request.InvalidParameterException;
import org.vidcase.shared.request.RequestInfo;
import org.vidcase.shared.request.StorableText;

/**
 * Every error leaves the server as application/problem+json. Bodies carry a human-readable
 * detail, never class names or stack traces; unexpected errors are logged with the request id.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    private static final String MALFORMED_FORM = "The multipart body is malformed: its parts, their headers or its closing "
            + "boundary (the one named in Content-Type) cannot be read";

    @Inject
    RequestInfo request;

    @Inject
    ApiRoutes routes;

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
        if (e instanceof InvalidParameterException invalid) {
            return problem(400, invalid.getMessage(), List.of(new Problem.FieldError(invalid.parameter(),
                    invalid.getMessage())));
        }
        String path = request.path();
        if (status == 404 || status == 405) {
            // The REST layer answers 404 when a path is served by one resource class and the method
            // by none; a path that exists with other methods is a 405 naming them.
            Set<String> allowed = path == null ? Set.of() : routes.allowedMethods(path);
            if (!allowed.isEmpty() && !allowed.contains(request.method())) {
                String allow = String.join(", ", allowed);
                return problemBuilder(405, request.method() + " is not allowed on this resource; it allows " + allow,
                        null).header("Allow", allow).build();
            }
        }
        if (status == 415 && path != null) {
            Set<String> accepted = routes.acceptedTypes(request.method(), path);
            if (!accepted.isEmpty()) {
                return problem(415, "This endpoint accepts " + String.join(" or ", accepted)
                        + "; send the body with that Content-Type", null);
            }
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
        if (e instanceof JsonParseException parse) {
            String duplicate = duplicateField(parse);
            if (duplicate != null) {
                return problem(400, "The body gives field '" + duplicate + "' twice",
                        List.of(new Problem.FieldError(duplicate, "is given twice")));
            }
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

    /**
     * RFC 6750: no error code when no token was sent; {@code invalid_token} with a description
     * when one was sent and refused, so that a client knows to get a new one.
     */
    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthorized(RuntimeException e) {
        if (!request.hasAuthorization()) {
            return problemBuilder(401, "A bearer token is required: send 'Authorization: Bearer <access token>'",
                    null).header("WWW-Authenticate", "Bearer realm=\"vid\"").build();
        }
        if (TokenFailure.mfaMissing(e)) {
            String description = "A second factor is required: sign in again with your one-time code or security key";
            return problemBuilder(401, description, null)
                    .header("WWW-Authenticate", "Bearer realm=\"vid\", error=\"insufficient_user_authentication\", "
                            + "error_description=\"" + description + "\", max_age=\"0\"")
                    .build();
        }
        String description = TokenFailure.expired(e) ? "The access token expired"
                : "The access token is not valid for this server";
        return problemBuilder(401, description + "; get a new one from the realm's token endpoint", null)
                .header("WWW-Authenticate", "Bearer realm=\"vid\", error=\"invalid_token\", error_description=\""
                        + description + "\"")
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

    /** A multipart body the form parser cannot read: a client's error, before any resource code ran. */
    @ServerExceptionMapper
    public Response malformedForm(org.jboss.resteasy.reactive.server.core.multipart.MultipartParser.MalformedMessageException e) {
        return problem(400, MALFORMED_FORM, null);
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        if (FormFailure.isFormParsing(e)) {
            return problem(400, MALFORMED_FORM, null);
        }
        // A unique key taken concurrently surfaces at commit, wrapped in the transaction's rollback.
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (cause instanceof org.hibernate.exception.ConstraintViolationException
                    || cause instanceof jakarta.persistence.OptimisticLockException
                    || cause instanceof org.hibernate.StaleStateException) {
                return concurrentChange((RuntimeException) cause);
            }
        }
        if (DatabaseUnavailable.causedBy(e)) {
            LOG.warnf("Request %s failed: the database is unavailable (%s)", request.requestId(), e.getMessage());
            return problemBuilder(503, "The database is unavailable; the request did not complete. Try again shortly.", null)
                    .header("Retry-After", "5").build();
        }
        if (DatabaseUnavailable.rolledBackByAnotherTransaction(e)) {
            // Transient, but a sign of a lock-order bug: logged with the stack so that it can be found.
            LOG.warnf(e, "Request %s was rolled back by the database (deadlock or serialization failure)",
                    request.requestId());
            return problemBuilder(503, "The request met another one in the database and was rolled back; nothing of it "
                    + "was kept. Send it again.", null).header("Retry-After", "1").build();
        }
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

    /** The name in Jackson's "Duplicate field 'x'" (strict duplicate detection), else null. */
    private static String duplicateField(JsonParseException e) {
        String message = e.getOriginalMessage();
        if (message == null || !message.startsWith("Duplicate field '")) {
            return null;
        }
        int end = message.indexOf('\'', "Duplicate field '".length());
        return end < 0 ? null : message.substring("Duplicate field '".length(), end);
    }

    private static String describe(JsonProcessingException e) {
        if (e instanceof UnrecognizedPropertyException) {
            return "is not a known field";
        }
        if (e instanceof InvalidFormatException invalid && invalid.getValue() instanceof String text
                && !StorableText.isStorable(text)) {
            return StorableText.RULE;
        }
        if (e instanceof MismatchedInputException mismatch) {
            Class<?> target = mismatch.getTargetType();
            if (target != null && target.isEnum()) {
                return "must be one of " + java.util.Arrays.toString(target.getEnumConstants());
            }
            String expected = expectedShape(target);
            return expected != null ? "must be " + expected : "has the wrong type";
        }
        return "is not valid";
    }

    /** What a field of this Java type must look like in JSON, in words for the caller. */
    static String expectedShape(Class<?> target) {
        if (target == null) {
            return null;
        }
        if (target == String.class || target == Character.class || target == char.class) {
            return "a JSON string";
        }
        if (target == java.util.UUID.class) {
            return "a UUID string, e.g. 0f8fad5b-d9cb-469f-a165-70867728950e";
        }
        if (target == java.time.Instant.class || target == java.time.OffsetDateTime.class) {
            return "an ISO-8601 timestamp string, e.g. 2026-11-20T09:30:00Z";
        }
        if (target == java.time.LocalDate.class) {
            return "an ISO-8601 date string, e.g. 2026-11-20";
        }
        if (target == Boolean.class || target == boolean.class) {
            return "true or false";
        }
        if (target == Integer.class || target == int.class || target == Long.class || target == long.class
                || target == Short.class || target == short.class) {
            return "a whole JSON number";
        }
        if (Number.class.isAssignableFrom(target) || target == double.class || target == float.class) {
            return "a JSON number";
        }
        if (java.util.Collection.class.isAssignableFrom(target) || target.isArray()) {
            return "a JSON array";
        }
        if (java.util.Map.class.isAssignableFrom(target) || target.isRecord()) {
            return "a JSON object";
        }
        return null;
    }
}
