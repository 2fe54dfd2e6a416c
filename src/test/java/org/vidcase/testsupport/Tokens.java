package org.vidcase.testsupport;

import static io.restassured.RestAssured.given;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.ConfigProvider;

/** Real access tokens from the real Keycloak, one per demo user, cached until shortly before expiry. */
public final class Tokens {

    private static final Map<String, Cached> CACHE = new ConcurrentHashMap<>();

    private Tokens() {
    }

    /** Password grant through the public CLI client; demo passwords are {@code <user>-demo}. */
    public static String of(String username) {
        return CACHE.compute(username, (u, cached) -> cached != null && cached.fresh() ? cached : fetchUser(u)).token();
    }

    /** Drops the cached token, so that the next {@link #of} signs in again. */
    public static void forget(String username) {
        CACHE.remove(username);
    }

    /** Client-credentials grant of the hub service account. */
    public static String hubNode() {
        return CACHE.compute("#hub", (u, cached) -> cached != null && cached.fresh() ? cached : fetchHub()).token();
    }

    /** Client-credentials grant of a demo exchange node's client (vidcase-node-a, -b, -c). */
    public static String node(String clientId) {
        return CACHE.compute("#" + clientId, (u, cached) -> cached != null && cached.fresh() ? cached
                : parse(given().formParams(Map.of("grant_type", "client_credentials", "client_id", clientId,
                        "client_secret", clientId + "-local-secret"))
                        .post(tokenEndpoint()).then().statusCode(200).extract().jsonPath().getMap(""))).token();
    }

    public static String tokenEndpoint() {
        String realm = ConfigProvider.getConfig().getValue("quarkus.oidc.auth-server-url", String.class);
        return realm + "/protocol/openid-connect/token";
    }

    private static Cached fetchUser(String username) {
        return parse(given().formParams(Map.of("grant_type", "password", "client_id", "vidcase-cli",
                "username", username, "password", username + "-demo"))
                .post(tokenEndpoint()).then().statusCode(200).extract().jsonPath().getMap(""));
    }

    private static Cached fetchHub() {
        return parse(given().formParams(Map.of("grant_type", "client_credentials", "client_id", "vidcase-hub",
                "client_secret", "vidcase-hub-local-secret"))
                .post(tokenEndpoint()).then().statusCode(200).extract().jsonPath().getMap(""));
    }

    private static Cached parse(Map<String, Object> body) {
        long lifetime = ((Number) body.get("expires_in")).longValue();
        return new Cached((String) body.get("access_token"), System.currentTimeMillis() + (lifetime - 30) * 1000);
    }

    private record Cached(String token, long validUntil) {
        boolean fresh() {
            return System.currentTimeMillis() < validUntil;
        }
    }
}
