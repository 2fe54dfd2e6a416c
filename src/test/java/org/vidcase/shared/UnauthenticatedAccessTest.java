package org.vidcase.shared;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.vidcase.localstack.LocalStackTestResource;

/**
 * Walks the published OpenAPI document: every operation without a token, or with a forged one,
 * answers 401 problem+json, and every operation is described.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, restrictToAnnotatedClass = false)
class UnauthenticatedAccessTest {

    private static final String FORGED = "eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9."
            + "eyJzdWIiOiJtYWxsb3J5IiwicmVhbG1fYWNjZXNzIjp7InJvbGVzIjpbInN1cGVydmlzb3IiXX19.c2lnbmF0dXJl";

    @Test
    void everyApiOperationRequiresAValidToken() {
        Map<String, Map<String, Object>> paths = openApi().getMap("paths");
        assertThat(paths).isNotEmpty();
        List<String> open = new ArrayList<>();
        int checked = 0;
        for (var path : paths.entrySet()) {
            if (!path.getKey().startsWith("/api/")) {
                continue;
            }
            String concrete = path.getKey().replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
            for (var operation : path.getValue().entrySet()) {
                String method = operation.getKey();
                String contentType = acceptedContentType(operation.getValue());
                checked++;
                for (String token : new String[] {null, FORGED}) {
                    var request = given().contentType(contentType).body("{}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
                    if (token != null) {
                        request = request.auth().oauth2(token);
                    }
                    Response response = request.request(method.toUpperCase(), concrete);
                    if (response.statusCode() != 401 || !response.contentType().startsWith("application/problem+json")) {
                        open.add(method + " " + path.getKey() + (token == null ? " (no token)" : " (forged token)")
                                + " -> " + response.statusCode());
                    }
                }
            }
        }
        assertThat(checked).isGreaterThanOrEqualTo(12);
        assertThat(open).isEmpty();
    }

    /** The first media type the operation declares for its body, so that the request is not refused for its type. */
    @SuppressWarnings("unchecked")
    private static String acceptedContentType(Object operation) {
        Object body = ((Map<String, Object>) operation).get("requestBody");
        if (body instanceof Map<?, ?> requestBody && requestBody.get("content") instanceof Map<?, ?> content
                && !content.isEmpty()) {
            return content.keySet().iterator().next().toString();
        }
        return "application/json";
    }

    @Test
    void everyOperationIsDescribed() {
        Map<String, Map<String, Map<String, Object>>> paths = openApi().getMap("paths");
        List<String> undescribed = new ArrayList<>();
        paths.forEach((path, operations) -> operations.forEach((method, op) -> {
            if (op.get("summary") == null || op.get("summary").toString().isBlank()) {
                undescribed.add(method + " " + path);
            }
        }));
        assertThat(undescribed).isEmpty();
    }

    @Test
    void healthAndOpenApiArePublic() {
        given().get("/q/health/live").then().statusCode(200);
        given().get("/q/openapi").then().statusCode(200);
    }

    private static JsonPath openApi() {
        return given().accept("application/json").get("/q/openapi?format=json").then().statusCode(200).extract().jsonPath();
    }
}
