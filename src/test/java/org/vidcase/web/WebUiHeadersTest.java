package org.vidcase.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.vidcase.localstack.LocalStackTestResource;
import org.vidcase.testsupport.Api;

/** The UI is served by the server with its security headers; case data is never cacheable. */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, restrictToAnnotatedClass = false)
class WebUiHeadersTest {

    @Test
    void theUiIsServedWithAPolicyThatAllowsOnlyTheServerAndTheRealm() {
        String realm = ConfigProvider.getConfig().getValue("quarkus.oidc.auth-server-url", String.class);
        String keycloak = SecurityHeaders.origin(realm);
        for (String path : List.of("/", "/index.html", "/app/main.js", "/app/style.css")) {
            var response = given().get(path).then().statusCode(200)
                    .header("X-Content-Type-Options", "nosniff")
                    .header("X-Frame-Options", "DENY")
                    .header("Referrer-Policy", "no-referrer")
                    .header("Cache-Control", not(containsString("public")))
                    .extract();
            String csp = response.header("Content-Security-Policy");
            assertThat(csp).as(path).contains("default-src 'none'", "script-src 'self'", "style-src 'self'",
                    "connect-src 'self' " + keycloak, "frame-ancestors 'none'", "base-uri 'none'", "object-src 'none'")
                    .doesNotContain("unsafe-inline", "unsafe-eval", "*");
        }
        given().get("/").then().body(containsString("<script type=\"module\" src=\"/app/main.js\">"));
    }

    @Test
    void theUiReadsItsSignInSettingsFromTheServer() {
        String realm = ConfigProvider.getConfig().getValue("quarkus.oidc.auth-server-url", String.class);
        given().get("/app/config.json").then().statusCode(200).contentType("application/json")
                .body("realmUrl", equalTo(realm.replaceAll("/+$", ""))).body("clientId", equalTo("vidcase-web"))
                .body("exchangeMode", equalTo("node"));
    }

    @Test
    void apiAnswersAreNeverStored() {
        Api.as("officer").get("/api/cases").then().statusCode(200).header("Cache-Control", "no-store");
        Api.anonymous().get("/api/cases").then().statusCode(401).header("Cache-Control", "no-store");
        Api.as("officer").get("/api/cases/" + java.util.UUID.randomUUID()).then().statusCode(404)
                .header("Cache-Control", "no-store");
        // Quarkus' own pages (Swagger UI has inline scripts) keep their own headers.
        given().get("/q/health/live").then().header("Content-Security-Policy", org.hamcrest.Matchers.nullValue());
    }
}
