package org.vidcase.testsupport;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A plain HTTP forwarder that keeps every request and response body passing through it, so that a
 * test can search what travelled between servers. Only the headers a server needs are passed on.
 */
public final class RecordingProxy implements AutoCloseable {

    private static final Set<String> FORWARDED = Set.of("authorization", "content-type", "accept");

    /** One call as it went over the wire. */
    public record Exchange(String method, String uri, byte[] requestBody, int status, byte[] responseBody) {
    }

    private final HttpServer server;
    private final String target;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final List<Exchange> exchanges = new CopyOnWriteArrayList<>();

    private RecordingProxy(HttpServer server, String target) {
        this.server = server;
        this.target = target.replaceAll("/+$", "");
    }

    public static RecordingProxy to(String target) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        RecordingProxy proxy = new RecordingProxy(server, target);
        server.createContext("/", proxy::forward);
        server.setExecutor(Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "recording-proxy");
            t.setDaemon(true);
            return t;
        }));
        server.start();
        return proxy;
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public List<Exchange> exchanges() {
        return List.copyOf(exchanges);
    }

    private void forward(HttpExchange call) throws IOException {
        byte[] body;
        try (InputStream in = call.getRequestBody()) {
            body = in.readAllBytes();
        }
        String uri = call.getRequestURI().toString();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(target + uri)).timeout(Duration.ofSeconds(120))
                .method(call.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        call.getRequestHeaders().forEach((name, values) -> {
            if (FORWARDED.contains(name.toLowerCase())) {
                values.forEach(v -> request.header(name, v));
            }
        });
        HttpResponse<byte[]> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            call.sendResponseHeaders(502, -1);
            return;
        }
        exchanges.add(new Exchange(call.getRequestMethod(), uri, body, response.statusCode(), response.body()));
        response.headers().firstValue("Content-Type").ifPresent(t -> call.getResponseHeaders().add("Content-Type", t));
        byte[] out = response.body();
        call.sendResponseHeaders(response.statusCode(), out.length == 0 ? -1 : out.length);
        if (out.length > 0) {
            try (OutputStream os = call.getResponseBody()) {
                os.write(out);
            }
        }
        call.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
