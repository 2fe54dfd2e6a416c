package org.vidcase.shared.request;

import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * Typed query parameters ({@code ?seizureId=}, {@code ?created=}, {@code ?page=}): a value that is
 * not of the type is a bad request naming the parameter and the form expected. JAX-RS would answer
 * 404, as if the resource did not exist. Path parameters keep that 404: a malformed id names no
 * resource.
 */
@Provider
public class QueryParamConverterProvider implements ParamConverterProvider {

    private record Kind(String expected, Function<String, Object> parse) {
    }

    private static final Map<Class<?>, Kind> KINDS = Map.of(
            UUID.class, new Kind("a UUID, e.g. 0f8fad5b-d9cb-469f-a165-70867728950e", UUID::fromString),
            Instant.class, new Kind("an ISO-8601 timestamp, e.g. 2026-11-20T09:30:00Z", Instant::parse),
            LocalDate.class, new Kind("an ISO-8601 date, e.g. 2026-11-20", LocalDate::parse),
            Integer.class, new Kind("a whole number", Integer::valueOf),
            Long.class, new Kind("a whole number", Long::valueOf),
            Boolean.class, new Kind("true or false", QueryParamConverterProvider::parseBoolean));

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        Kind kind = KINDS.get(boxed(rawType));
        String name = queryParamName(annotations);
        if (kind == null || name == null) {
            return null;
        }
        return new ParamConverter<>() {
            @Override
            public T fromString(String value) {
                if (value == null) {
                    return null;
                }
                try {
                    return (T) kind.parse().apply(value.strip());
                } catch (IllegalArgumentException | DateTimeParseException e) {
                    throw new InvalidParameterException(name, "Query parameter '" + name + "' must be "
                            + kind.expected() + ", not '" + abbreviated(value) + "'");
                }
            }

            @Override
            public String toString(T value) {
                return value == null ? null : value.toString();
            }
        };
    }

    static String queryParamName(Annotation[] annotations) {
        if (annotations == null) {
            return null;
        }
        for (Annotation a : annotations) {
            if (a instanceof QueryParam q) {
                return q.value();
            }
            if (a instanceof RestQuery q) {
                return q.value();
            }
        }
        return null;
    }

    private static Object parseBoolean(String value) {
        if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
            return Boolean.valueOf(value);
        }
        throw new IllegalArgumentException(value);
    }

    private static Class<?> boxed(Class<?> type) {
        if (type == int.class) {
            return Integer.class;
        }
        if (type == long.class) {
            return Long.class;
        }
        if (type == boolean.class) {
            return Boolean.class;
        }
        return type;
    }

    static String abbreviated(String value) {
        return value.length() <= 60 ? value : value.substring(0, 57) + "...";
    }
}
