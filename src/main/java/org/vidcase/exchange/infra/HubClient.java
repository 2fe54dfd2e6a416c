package org.vidcase.exchange.infra;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.vidcase.exchange.format.DeltaPage;
import org.vidcase.exchange.format.HubStatisticsReport;
import org.vidcase.exchange.service.ExchangeSettings;
import org.vidcase.shared.error.ConflictException;
import org.vidcase.shared.error.ServiceUnavailableException;

/**
 * The node's calls to the hub, as the node's own service account (client-credentials grant of its
 * client at the hub's realm): submit a package, read a page of changes, read the hub's statistics.
 * Tokens are reused until shortly before they expire.
 */
@ApplicationScoped
public class HubClient {

    private final ExchangeSettings settings;
    private final ObjectMapper json;
    private final HttpClient http;
    private String token;
    private Instant tokenValidUntil = Instant.EPOCH;

    public HubClient(ExchangeSettings settings, ObjectMapper json) {
        this.settings = settings;
        this.json = json;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** Where packages go, for the record of each disclosure. */
    public String packagesUrl() {
        return settings.hubUrl() + "/api/hub/packages";
    }

    public HubAnswer submit(String compactJws) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(packagesUrl()))
                .timeout(settings.config().hub().timeout())
                .header("Authorization", "Bearer " + token())
                .header("Content-Type", "application/jose")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(compactJws, StandardCharsets.US_ASCII)).build();
        HttpResponse<String> response = send(request);
        return new HubAnswer(response.statusCode(), tree(response.body()));
    }

    /**
     * A page of changes after {@code cursor} (null: from the start).
     *
     * @throws ServiceUnavailableException when the hub cannot be reached or does not answer a page
     */
    public DeltaPage deltas(String cursor, int limit) {
        String query = "?limit=" + limit + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
        return get("/api/hub/deltas" + query, DeltaPage.class, "delta page");
    }

    /**
     * The hub's statistics for the international community, as this node's service account reads them.
     *
     * @throws ServiceUnavailableException when the hub cannot be reached or does not answer them
     */
    public HubStatisticsReport statistics() {
        return get("/api/hub/statistics", HubStatisticsReport.class, "statistics");
    }

    private <T> T get(String pathAndQuery, Class<T> type, String what) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(settings.hubUrl() + pathAndQuery))
                .timeout(settings.config().hub().timeout())
                .header("Authorization", "Bearer " + token())
                .header("Accept", "application/json").GET().build();
        HttpResponse<String> response = send(request);
        if (response.statusCode() != 200) {
            throw new ServiceUnavailableException("The hub answered the " + what + " request with HTTP "
                    + response.statusCode() + ": " + new HubAnswer(response.statusCode(), tree(response.body())).detail());
        }
        try {
            // A newer hub may add members: an answer is read for what this node knows.
            return json.readerFor(type).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .readValue(response.body());
        } catch (IOException e) {
            throw new ServiceUnavailableException("The hub's " + what + " cannot be read: " + e.getMessage());
        }
    }

    private synchronized String token() {
        if (token != null && Instant.now().isBefore(tokenValidUntil)) {
            return token;
        }
        String clientId = settings.config().hub().clientId().orElseThrow(() -> new ConflictException(
                "This node has no client at the hub configured (vidcase.exchange.hub.client-id and client-secret)"));
        String secret = settings.config().hub().clientSecret().orElseThrow(() -> new ConflictException(
                "This node has no client secret for the hub configured (vidcase.exchange.hub.client-secret)"));
        String form = "grant_type=client_credentials&client_id=" + URLEncoder.encode(clientId, StandardCharsets.UTF_8)
                + "&client_secret=" + URLEncoder.encode(secret, StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create(settings.tokenUrl()))
                .timeout(settings.config().hub().timeout())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        HttpResponse<String> response = send(request);
        JsonNode body = tree(response.body());
        if (response.statusCode() != 200 || body == null || !body.hasNonNull("access_token")) {
            throw new ServiceUnavailableException("The hub's realm refused the node's service account " + clientId
                    + " (HTTP " + response.statusCode() + ")");
        }
        token = body.get("access_token").asText();
        long lifetime = body.path("expires_in").asLong(60);
        tokenValidUntil = Instant.now().plusSeconds(Math.max(5, lifetime - 30));
        return token;
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ServiceUnavailableException("The hub cannot be reached at " + request.uri().getScheme() + "://"
                    + request.uri().getAuthority() + ": " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceUnavailableException("Interrupted while calling the hub");
        }
    }

    private JsonNode tree(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            return json.readTree(body);
        } catch (IOException e) {
            return json.getNodeFactory().textNode(body.length() > 500 ? body.substring(0, 500) : body);
        }
    }
}
