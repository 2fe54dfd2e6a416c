package org.vidcase.shared.request;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Our enums in query and path parameters: an unknown value is a bad request naming the values
 * allowed (JAX-RS would otherwise answer 404, as if the resource did not exist). Case-insensitive.
 */
@Provider
public class EnumParamConverterProvider implements ParamConverterProvider {

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        if (!rawType.isEnum() || !rawType.getName().startsWith("org.vidcase.")) {
            return null;
        }
        return (ParamConverter<T>) new EnumConverter(rawType, QueryParamConverterProvider.queryParamName(annotations));
    }

    private static final class EnumConverter<E extends Enum<E>> implements ParamConverter<E> {
        private final Class<E> type;
        private final String parameter;

        EnumConverter(Class<E> type, String parameter) {
            this.type = type;
            this.parameter = parameter;
        }

        @Override
        public E fromString(String value) {
            if (value == null || value.isBlank()) {
                return null;
            }
            String wanted = value.strip().toUpperCase(Locale.ROOT).replace('-', '_');
            for (E constant : type.getEnumConstants()) {
                if (constant.name().equals(wanted)) {
                    return constant;
                }
            }
            String allowed = Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
            String shown = QueryParamConverterProvider.abbreviated(value);
            if (parameter == null) {
                throw new BadRequestException("'" + shown + "' is not one of " + allowed);
            }
            throw new InvalidParameterException(parameter, "Query parameter '" + parameter + "' must be one of "
                    + allowed + ", not '" + shown + "'");
        }

        @Override
        public String toString(E value) {
            return value == null ? null : value.name();
        }
    }
}
