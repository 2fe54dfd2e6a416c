package org.vidcase.shared.error;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** RFC 9457 problem details, with the request id and, for validation, the offending fields. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance,
                      String requestId, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public static Problem of(int status, String detail, String instance, String requestId, List<FieldError> errors) {
        String title = titleOf(status);
        String type = "urn:vidcase:problem:" + title.toLowerCase().replaceAll("[^a-z0-9]+", "-");
        return new Problem(type, title, status, detail, instance, requestId, errors);
    }

    /** RFC 9110 reason phrases; Jakarta REST 3 lacks some (422) and words others differently (413). */
    public static String titleOf(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 406 -> "Not Acceptable";
            case 409 -> "Conflict";
            case 413 -> "Content Too Large";
            case 415 -> "Unsupported Media Type";
            case 422 -> "Unprocessable Entity";
            case 500 -> "Internal Server Error";
            case 503 -> "Service Unavailable";
            default -> {
                jakarta.ws.rs.core.Response.Status known = jakarta.ws.rs.core.Response.Status.fromStatusCode(status);
                yield known != null ? known.getReasonPhrase() : "HTTP " + status;
            }
        };
    }

    /** One rejected field: a JSON path or parameter name and why it was rejected. */
    public record FieldError(String field, String message) {
    }
}
