package org.vidcase.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One HTTP request as bytes: the request target is raw (it may hold what no URI may), the body
 * null for none, and {@code chunked} sends it without a length.
 */
record HttpRequestSpec(String method, byte[] target, Map<String, String> headers, byte[] body, boolean chunked) {

    HttpRequestSpec {
        headers = new LinkedHashMap<>(headers);
    }

    static HttpRequestSpec of(String method, String target) {
        return of(method, target.getBytes(StandardCharsets.ISO_8859_1));
    }

    static HttpRequestSpec of(String method, byte[] target) {
        return new HttpRequestSpec(method, target, Map.of(), null, false);
    }

    HttpRequestSpec withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new HttpRequestSpec(method, target, more, body, chunked);
    }

    HttpRequestSpec withoutHeader(String name) {
        Map<String, String> fewer = new LinkedHashMap<>(headers);
        fewer.keySet().removeIf(n -> n.equalsIgnoreCase(name));
        return new HttpRequestSpec(method, target, fewer, body, chunked);
    }

    HttpRequestSpec withBody(String contentType, byte[] content) {
        HttpRequestSpec spec = contentType == null ? withoutHeader("Content-Type")
                : withoutHeader("Content-Type").withHeader("Content-Type", contentType);
        return new HttpRequestSpec(method, target, spec.headers, content, chunked);
    }

    HttpRequestSpec chunkedBody() {
        return new HttpRequestSpec(method, target, headers, body == null ? new byte[0] : body, true);
    }

    HttpRequestSpec withTarget(byte[] newTarget) {
        return new HttpRequestSpec(method, newTarget, headers, body, chunked);
    }

    String targetText() {
        return new String(target, StandardCharsets.ISO_8859_1);
    }

    /** What to print so that the request can be sent again by hand: bytes outside printable ASCII escaped. */
    String describe() {
        StringBuilder text = new StringBuilder(method).append(' ').append(printable(target, 400));
        headers.forEach((name, value) -> {
            if (!name.equalsIgnoreCase("Authorization")) {
                text.append("\n  ").append(name).append(": ").append(printable(value.getBytes(StandardCharsets.ISO_8859_1), 200));
            }
        });
        if (body != null) {
            text.append("\n  body (").append(body.length).append(" bytes").append(chunked ? ", chunked" : "")
                    .append("): ").append(printable(body, 600));
        }
        return text.toString();
    }

    static String printable(byte[] bytes, int max) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < bytes.length && out.length() < max; i++) {
            int b = bytes[i] & 0xFF;
            if (b >= 0x20 && b < 0x7F && b != '\\') {
                out.append((char) b);
            } else {
                out.append(String.format("\\x%02X", b));
            }
        }
        if (out.length() >= max) {
            out.append("...");
        }
        return out.toString();
    }
}
