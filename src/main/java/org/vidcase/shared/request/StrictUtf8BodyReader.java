package org.vidcase.shared.request;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * JSON request documents must be UTF-8 (RFC 8259) in the strict sense of {@link StrictUtf8InputStream}:
 * a body with an overlong or otherwise broken sequence is a 400, not a string with a character the
 * caller never wrote. Bodies read as files (uploads, imports) and bodies that declare another charset
 * are left to their readers.
 */
@Provider
public class StrictUtf8BodyReader implements ReaderInterceptor {

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        if (!isJsonDocument(context)) {
            return context.proceed();
        }
        context.setInputStream(new StrictUtf8InputStream(context.getInputStream()));
        try {
            return context.proceed();
        } catch (StrictUtf8InputStream.NotUtf8Exception e) {
            throw new BadRequestException("The body is not UTF-8 text (" + e.getMessage() + ")");
        }
    }

    private static boolean isJsonDocument(ReaderInterceptorContext context) {
        MediaType type = context.getMediaType();
        if (type == null || InputStream.class.isAssignableFrom(context.getType()) || context.getType() == byte[].class) {
            return false;
        }
        boolean json = type.getSubtype().equals("json") || type.getSubtype().endsWith("+json");
        String charset = type.getParameters().get(MediaType.CHARSET_PARAMETER);
        return json && (charset == null || StandardCharsets.UTF_8.name().equalsIgnoreCase(charset));
    }
}
