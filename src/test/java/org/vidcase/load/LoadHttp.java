package org.vidcase.load;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sends the load's requests round robin over the replicas, as the demo accounts, and checks every
 * answer: an unexpected status, no answer within {@link #TIMEOUT}, a body that is not the JSON
 * expected or fails the call's own check is an error, recorded with its type, replica, request id
 * and detail.
 */
final class LoadHttp {

    static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final HttpClient http;
    private final List<LoadSettings.Replica> replicas;
    private final OfficerTokens tokens;
    private final ObjectMapper json = new ObjectMapper();
    private final AtomicInteger next = new AtomicInteger();

    LoadHttp(HttpClient http, List<LoadSettings.Replica> replicas, OfficerTokens tokens) {
        this.http = http;
        this.replicas = List.copyOf(replicas);
        this.tokens = tokens;
    }

    OfficerTokens tokens() {
        return tokens;
    }

    ObjectMapper json() {
        return json;
    }

    /** Sends the call to the next replica; the reply is {@code ok} only if everything was as expected. */
    Reply send(Call call, Measurements into) {
        String token = tokens.bearer(call.account(), into);
        if (token == null) {
            into.request(call.type(), null, 0, "no token for " + call.account() + " (see the token errors)");
            return Reply.FAILED;
        }
        LoadSettings.Replica replica = replicas.get(Math.floorMod(next.getAndIncrement(), replicas.size()));
        String requestId = UUID.randomUUID().toString();
        HttpRequest.Builder request = HttpRequest.newBuilder(replica.baseUrl().resolve(call.pathAndQuery()))
                .timeout(TIMEOUT).header("Authorization", "Bearer " + token).header("Accept", "application/json")
                .header("X-Request-Id", requestId);
        if (call.body() == null) {
            request.method(call.method(), HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", call.contentType())
                    .method(call.method(), HttpRequest.BodyPublishers.ofByteArray(call.body()));
        }
        long started = System.nanoTime();
        String problem;
        JsonNode body = null;
        int status = 0;
        try {
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            status = response.statusCode();
            String text = new String(response.body(), java.nio.charset.StandardCharsets.UTF_8);
            String type = response.headers().firstValue("Content-Type").orElse("");
            if (!call.expected().contains(status)) {
                problem = "status " + status + " (expected " + call.expected() + "): " + excerpt(text);
                // Kept for the caller: a multipart answer of 207 says which files were stored nonetheless.
                body = type.startsWith("application/json") ? readQuietly(text) : null;
            } else if (!type.startsWith("application/json")) {
                problem = "status " + status + " with Content-Type '" + type + "': " + excerpt(text);
            } else {
                body = json.readTree(text);
                problem = call.check().problemWith(body, status);
            }
        } catch (HttpTimeoutException e) {
            problem = "no answer within " + TIMEOUT.toSeconds() + " s";
        } catch (JsonProcessingException e) {
            problem = "status " + status + " with a body that is not JSON: " + e.getOriginalMessage();
        } catch (IOException e) {
            problem = "connection: " + e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            problem = "interrupted";
        }
        long latency = System.nanoTime() - started;
        if (problem != null) {
            problem = call.method() + " " + call.pathAndQuery() + " on " + replica.name() + " (request " + requestId
                    + "): " + problem;
        }
        into.request(call.type(), replica.name(), latency, problem);
        return problem == null ? new Reply(true, status, body) : new Reply(false, status, body);
    }

    private JsonNode readQuietly(String text) {
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    static String excerpt(String text) {
        String flat = text.replaceAll("\\s+", " ");
        return flat.length() <= 300 ? flat : flat.substring(0, 300) + "...";
    }

    /** The outcome of one call: {@code body} is the parsed JSON answer, if it was JSON. */
    record Reply(boolean ok, int status, JsonNode body) {
        static final Reply FAILED = new Reply(false, 0, null);
    }
}
