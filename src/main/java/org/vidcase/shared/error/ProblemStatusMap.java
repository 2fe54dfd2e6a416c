package org.vidcase.shared.error;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ValidationException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Exception class to HTTP status. Lookup walks the superclasses, so a subclass inherits its
 * parent's status unless it is listed itself.
 */
public final class ProblemStatusMap {

    private static final Map<Class<? extends Throwable>, Integer> STATUS = new LinkedHashMap<>();

    static {
        STATUS.put(ResourceNotFoundException.class, 404);
        STATUS.put(ConflictException.class, 409);
        STATUS.put(RuleViolationException.class, 422);
        STATUS.put(ServiceUnavailableException.class, 503);
        STATUS.put(ContentTooLargeException.class, 413);
        STATUS.put(IntegrityViolationException.class, 500);
        STATUS.put(JsonProcessingException.class, 400);
        STATUS.put(ValidationException.class, 400);
        STATUS.put(IllegalArgumentException.class, 400);
        STATUS.put(UnauthorizedException.class, 401);
        STATUS.put(AuthenticationFailedException.class, 401);
        STATUS.put(ForbiddenException.class, 403);
    }

    private ProblemStatusMap() {
    }

    public static int statusOf(Throwable error) {
        for (Class<?> type = error.getClass(); type != null; type = type.getSuperclass()) {
            Integer status = STATUS.get(type);
            if (status != null) {
                return status;
            }
        }
        return 500;
    }
}
