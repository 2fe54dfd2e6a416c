package org.vidcase.fuzz;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, so that a request can carry what a well-behaved client refuses to
 * send: raw bytes in the request target (invalid UTF-8, NUL), a body with no length (chunked) or
 * any Content-Type at all. One connection per request ({@code Connection: close}).
 */
final class RawHttp {

    /** Longest answer kept; the rest is read and dropped (an export of the fixture case is far smaller). */
    private static final int KEEP = 4 * 1024 * 1024;

    private final String host;
    private final int port;
    private final int timeoutMillis;

    RawHttp(String host, int port, int timeoutMillis) {
        this.host = host;
        this.port = port;
        this.timeoutMillis = timeoutMillis;
    }

    /** An answer, or a status of -1 when none came in time (a hang) and 0 when the connection failed. */
    record Answer(int status, Map<String, String> headers, byte[] body, String failure) {

        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    Answer send(HttpRequestSpec request) {
        try (Socket socket = new Socket(host, port)) {
            socket.setSoTimeout(timeoutMillis);
            OutputStream out = socket.getOutputStream();
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            head.writeBytes(request.method().getBytes(StandardCharsets.US_ASCII));
            head.write(' ');
            head.writeBytes(request.target());
            head.writeBytes(" HTTP/1.1\r\n".getBytes(StandardCharsets.US_ASCII));
            StringBuilder headers = new StringBuilder("Host: " + host + ":" + port + "\r\nConnection: close\r\n");
            request.headers().forEach((name, value) -> headers.append(name).append(": ").append(value).append("\r\n"));
            byte[] body = request.body();
            if (body != null) {
                headers.append(request.chunked() ? "Transfer-Encoding: chunked\r\n" : "Content-Length: " + body.length + "\r\n");
            }
            headers.append("\r\n");
            head.writeBytes(headers.toString().getBytes(StandardCharsets.ISO_8859_1));
            try {
                out.write(head.toByteArray());
                if (body != null) {
                    writeBody(out, body, request.chunked());
                }
                out.flush();
            } catch (IOException refusedWhileSending) {
                // The server may answer (413, 411) and close before it has read the whole body.
            }
            return read(socket, socket.getInputStream());
        } catch (SocketTimeoutException e) {
            return new Answer(-1, Map.of(), new byte[0], "no answer within " + timeoutMillis + " ms");
        } catch (IOException e) {
            return new Answer(0, Map.of(), new byte[0], "connection failed: " + e.getMessage());
        }
    }

    private static void writeBody(OutputStream out, byte[] body, boolean chunked) throws IOException {
        if (!chunked) {
            out.write(body);
            return;
        }
        int chunk = 8192;
        for (int offset = 0; offset < body.length; offset += chunk) {
            int n = Math.min(chunk, body.length - offset);
            out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body, offset, n);
            out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    }

    private static Answer read(Socket socket, InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buffer = new byte[16384];
        long total = 0;
        boolean headersSeen = false;
        try {
            int n;
            while ((n = in.read(buffer)) > 0) {
                total += n;
                if (all.size() < KEEP) {
                    all.write(buffer, 0, Math.min(n, KEEP - all.size()));
                }
                if (!headersSeen && indexOf(all.toByteArray(), "\r\n\r\n".getBytes(StandardCharsets.US_ASCII)) >= 0) {
                    headersSeen = true;
                    if (all.toString(StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT).contains("text/event-stream")) {
                        // An event stream ends with its job; judge the first events rather than wait for the end.
                        socket.setSoTimeout(1500);
                    }
                }
            }
        } catch (SocketTimeoutException e) {
            if (all.size() == 0) {
                throw e;
            }
            // An answer that never ends (e.g. an event stream): judge what came.
        } catch (IOException reset) {
            if (all.size() == 0) {
                throw reset;
            }
        }
        byte[] raw = all.toByteArray();
        int end = indexOf(raw, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        if (end < 0) {
            return new Answer(0, Map.of(), raw, "not an HTTP answer (" + total + " bytes)");
        }
        String[] lines = new String(raw, 0, end, StandardCharsets.ISO_8859_1).split("\r\n");
        String[] statusLine = lines[0].split(" ", 3);
        int status = Integer.parseInt(statusLine[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.merge(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        lines[i].substring(colon + 1).trim(), (a, b) -> a + ", " + b);
            }
        }
        byte[] body = java.util.Arrays.copyOfRange(raw, end + 4, raw.length);
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = dechunk(body);
        }
        return new Answer(status, headers, body, null);
    }

    private static byte[] dechunk(byte[] chunked) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int i = 0;
        while (i < chunked.length) {
            int lineEnd = indexOf(chunked, i, "\r\n".getBytes(StandardCharsets.US_ASCII));
            if (lineEnd < 0) {
                break;
            }
            String size = new String(chunked, i, lineEnd - i, StandardCharsets.US_ASCII).split(";")[0].trim();
            int n;
            try {
                n = Integer.parseInt(size, 16);
            } catch (NumberFormatException e) {
                break;
            }
            if (n == 0) {
                break;
            }
            int start = lineEnd + 2;
            out.write(chunked, start, Math.min(n, chunked.length - start));
            i = start + n + 2;
        }
        return out.toByteArray();
    }

    private static int indexOf(byte[] data, byte[] pattern) {
        return indexOf(data, 0, pattern);
    }

    private static int indexOf(byte[] data, int from, byte[] pattern) {
        outer:
        for (int i = from; i <= data.length - pattern.length; i++) {
            for (int k = 0; k < pattern.length; k++) {
                if (data[i + k] != pattern[k]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
