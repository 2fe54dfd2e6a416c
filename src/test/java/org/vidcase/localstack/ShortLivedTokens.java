package org.vidcase.localstack;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Access tokens that have really expired, from the real Keycloak: a test client of the demo realm,
 * made through the admin API, whose tokens live one second. The realm's own clients keep their
 * five minutes, so no other test is touched.
 */
public final class ShortLivedTokens {

    private static final String CLIENT = "vidcase-test-short-lived";

    private ShortLivedTokens() {
    }

    /** A token of the demo user (password {@code <user>-demo}) that expired a moment ago. */
    public static synchronized String expiredToken(String username) throws InterruptedException {
        LocalStack stack = LocalStackTestResource.running();
        String keycloak = stack.keycloakUrl();
        ensureClient(keycloak, adminToken(keycloak, stack.keycloakAdminPassword()));
        String token = given().formParams(Map.of("grant_type", "password", "client_id", CLIENT,
                        "username", username, "password", username + "-demo"))
                .post(keycloak + "/realms/vid/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token");
        long expiresAtMillis = expiry(token) * 1000;
        long wait = expiresAtMillis - System.currentTimeMillis() + 1_500;
        if (wait > 0) {
            Thread.sleep(wait);
        }
        return token;
    }

    private static String adminToken(String keycloak, String password) {
        return given().formParams(Map.of("grant_type", "password", "client_id", "admin-cli", "username", "admin",
                        "password", password))
                .post(keycloak + "/realms/master/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token");
    }

    private static void ensureClient(String keycloak, String admin) {
        List<?> existing = given().auth().oauth2(admin).queryParam("clientId", CLIENT)
                .get(keycloak + "/admin/realms/vid/clients").then().statusCode(200).extract().path("");
        if (!existing.isEmpty()) {
            return;
        }
        Map<String, Object> audience = Map.of("name", "vidcase-server-audience", "protocol", "openid-connect",
                "protocolMapper", "oidc-audience-mapper", "config", Map.of("included.client.audience", "vidcase-server",
                        "id.token.claim", "false", "access.token.claim", "true"));
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("clientId", CLIENT, "enabled", true, "publicClient", true, "standardFlowEnabled", false,
                        "directAccessGrantsEnabled", true, "attributes", Map.of("access.token.lifespan", "1"),
                        "protocolMappers", List.of(audience)))
                .post(keycloak + "/admin/realms/vid/clients").then().statusCode(201);
    }

    private static long expiry(String jwt) {
        String payload = new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8);
        java.util.regex.Matcher exp = java.util.regex.Pattern.compile("\"exp\"\\s*:\\s*(\\d+)").matcher(payload);
        if (!exp.find()) {
            throw new IllegalStateException("token without exp");
        }
        return Long.parseLong(exp.group(1));
    }
}
