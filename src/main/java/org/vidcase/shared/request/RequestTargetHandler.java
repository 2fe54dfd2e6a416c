package org.vidcase.shared.request;

import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.vidcase.shared.error.Problem;

/**
 * Refuses a request whose path or query is not text the server could keep: percent-encoded (or raw)
 * bytes that are not UTF-8, or a NUL. The web layer would otherwise turn such bytes into U+FFFD
 * (a file name stored altered) and pass a NUL on to PostgreSQL, which refuses it with an error. A
 * path answers 404 (it names no resource, as any malformed id), a query parameter 400 naming it.
 */
@ApplicationScoped
public class RequestTargetHandler {

    static final String RULE = "must be UTF-8 text without NUL characters";

    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 2).handler(this::check);
    }

    private void check(RoutingContext ctx) {
        String path = ctx.request().path();
        if (path != null && !isText(path, false)) {
            refuse(ctx, 404, "No such resource", null);
            return;
        }
        String query = ctx.request().query();
        if (query != null) {
            for (String pair : query.split("&")) {
                int equals = pair.indexOf('=');
                String name = equals < 0 ? pair : pair.substring(0, equals);
                String value = equals < 0 ? "" : pair.substring(equals + 1);
                if (!isText(name, true)) {
                    refuse(ctx, 400, "A query parameter's name " + RULE, null);
                    return;
                }
                if (!isText(value, true)) {
                    String shown = decode(name, true);
                    refuse(ctx, 400, "Query parameter '" + shown + "' " + RULE,
                            List.of(new Problem.FieldError(shown, RULE)));
                    return;
                }
            }
        }
        ctx.next();
    }

    /** Whether the raw (percent-encoded) component decodes to UTF-8 without NUL. */
    static boolean isText(String raw, boolean plusIsSpace) {
        byte[] bytes = bytes(raw, plusIsSpace);
        if (bytes == null) {
            return false;
        }
        for (byte b : bytes) {
            if (b == 0) {
                return false;
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /** The bytes a raw component stands for: percent escapes decoded, other characters as the bytes they came as. */
    private static byte[] bytes(String raw, boolean plusIsSpace) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%' && i + 2 < raw.length()) {
                int high = Character.digit(raw.charAt(i + 1), 16);
                int low = Character.digit(raw.charAt(i + 2), 16);
                if (high < 0 || low < 0) {
                    return null;
                }
                out.write(high << 4 | low);
                i += 2;
            } else if (c == '%') {
                return null;
            } else if (c == '+' && plusIsSpace) {
                out.write(' ');
            } else if (c > 0xFF) {
                out.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            } else {
                out.write(c);
            }
        }
        return out.toByteArray();
    }

    private static String decode(String raw, boolean plusIsSpace) {
        byte[] bytes = bytes(raw, plusIsSpace);
        String text = bytes == null ? raw : new String(bytes, StandardCharsets.UTF_8);
        String printable = text.replaceAll("[\\p{Cntrl}]", "?");
        return printable.length() <= 60 ? printable : printable.substring(0, 57) + "...";
    }

    private static void refuse(RoutingContext ctx, int status, String detail, List<Problem.FieldError> errors) {
        Problem problem = Problem.of(status, detail, ctx.request().path(), RequestIdHandler.of(ctx), errors);
        ctx.response().setStatusCode(status)
                .putHeader("Content-Type", Problem.MEDIA_TYPE)
                .end(Json.encode(problem));
    }
}
