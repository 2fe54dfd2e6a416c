package org.vidcase.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * Access tokens of the demo accounts, as a client of the realm keeps them: signed in once with the
 * password grant of {@code vidcase-cli}, then renewed with the refresh token a minute before the
 * access token expires (signing in again if the refresh token is no longer good). Virtual officers
 * sharing an account share its token.
 */
final class OfficerTokens {

    static final Duration RENEW_BEFORE_EXPIRY = Duration.ofSeconds(60);

    private final HttpClient http;
    private final URI tokenEndpoint;
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, Holder> accounts = new ConcurrentHashMap<>();
    private final AtomicInteger signIns = new AtomicInteger();
    private final AtomicInteger refreshes = new AtomicInteger();

    OfficerTokens(HttpClient http, URI tokenEndpoint) {
        this.http = http;
        this.tokenEndpoint = tokenEndpoint;
    }

    /** A token good for at least another minute, or null when Keycloak refused (the error is recorded). */
    String bearer(String account, Measurements into) {
        Holder holder = accounts.computeIfAbsent(account, a -> new Holder());
        synchronized (holder) {
            long now = System.currentTimeMillis();
            if (holder.access != null && now < holder.accessExpires - RENEW_BEFORE_EXPIRY.toMillis()) {
                return holder.access;
            }
            boolean refresh = holder.refresh != null && now < holder.refreshExpires - 5_000;
            Map<String, String> form = new LinkedHashMap<>();
            form.put("client_id", "vidcase-cli");
            if (refresh) {
                form.put("grant_type", "refresh_token");
                form.put("refresh_token", holder.refresh);
            } else {
                form.put("grant_type", "password");
                form.put("username", account);
                form.put("password", account + "-demo");
            }
            JsonNode body = post(form, into);
            if (body == null) {
                holder.access = null;
                holder.refresh = null;
                return null;
            }
            (refresh ? refreshes : signIns).incrementAndGet();
            holder.access = body.path("access_token").asText();
            holder.accessExpires = now + body.path("expires_in").asLong() * 1000;
            holder.refresh = body.path("refresh_token").asText(null);
            holder.refreshExpires = now + body.path("refresh_expires_in").asLong() * 1000;
            return holder.access;
        }
    }

    int signIns() {
        return signIns.get();
    }

    int refreshes() {
        return refreshes.get();
    }

    private JsonNode post(Map<String, String> form, Measurements into) {
        String encoded = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(tokenEndpoint).timeout(LoadHttp.TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encoded)).build();
        long started = System.nanoTime();
        String problem;
        JsonNode body = null;
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                problem = form.get("grant_type") + " grant: status " + response.statusCode() + " " + LoadHttp.excerpt(response.body());
            } else {
                body = json.readTree(response.body());
                problem = body.hasNonNull("access_token") && body.path("expires_in").asLong() > 0 ? null
                        : "token response without access_token or expires_in";
            }
        } catch (IOException e) {
            problem = form.get("grant_type") + " grant: " + e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            problem = "interrupted";
        }
        into.request(RequestType.TOKEN, null, System.nanoTime() - started, problem);
        return problem == null ? body : null;
    }

    private static final class Holder {
        String access;
        long accessExpires;
        String refresh;
        long refreshExpires;
    }
}
