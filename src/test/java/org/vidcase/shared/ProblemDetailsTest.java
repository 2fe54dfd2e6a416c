package org.vidcase.shared;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.vidcase.localstack.LocalStackTestResource;
import org.vidcase.localstack.ShortLivedTokens;
import org.vidcase.testsupport.LogCapture;
import org.vidcase.testsupport.Api;
import org.vidcase.testsupport.CaseFixture;
import org.vidcase.testsupport.Tokens;

/** Bad input gets a 4xx problem document, and nothing is stored. */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, restrictToAnnotatedClass = false)
class ProblemDetailsTest {

    @Test
    void malformedJsonIsRejected() {
        int before = caseCount();
        problem(Api.as("officer").body("{\"reference\": \"X-1\", \"title\": ").post("/api/cases"), 400)
                .body("detail", containsString("not well-formed JSON"));
        assertThat(caseCount()).isEqualTo(before);
    }

    @Test
    void wrongTypesAndUnknownFieldsNameTheField() {
        problem(Api.as("officer").body("{\"reference\": \"X-2\", \"title\": [1,2]}").post("/api/cases"), 400)
                .body("errors.field", hasItem("title"));
        problem(Api.as("officer").body("{\"reference\": \"X-3\", \"title\": \"t\", \"owner\": \"me\"}").post("/api/cases"), 400)
                .body("errors.field", hasItem("owner"));
    }

    @Test
    void missingAndInvalidFieldsAreListed() {
        int before = caseCount();
        problem(Api.as("officer").body("{\"reference\": \"no spaces allowed\"}").post("/api/cases"), 400)
                .body("errors.field", hasItem("reference"))
                .body("errors.field", hasItem("title"));
        problem(Api.as("officer").body("{}").post("/api/cases"), 400).body("errors.size()", equalTo(2));
        problem(Api.as("officer").post("/api/cases"), 400);
        assertThat(caseCount()).isEqualTo(before);
    }

    @Test
    void unknownEnumValuesAreRejected() {
        UUID caseId = CaseFixture.openCase("officer");
        problem(Api.as("officer").body(Map.of("role", "OVERLORD")).put("/api/cases/" + caseId + "/members/officer2"), 400)
                .body("errors[0].field", equalTo("role"))
                .body("errors[0].message", containsString("LEAD"));
        Api.as("officer").get("/api/cases/" + caseId + "/members").then().body("username", not(hasItem("officer2")));
    }

    @Test
    void oversizedBodiesAreRefusedBeforeReading() {
        String huge = "x".repeat(2 * 1024 * 1024);
        problem(Api.as("officer").body(Map.of("reference", "X-4", "title", huge)).post("/api/cases"), 413);
    }

    @Test
    void aJsonBodyWithoutALengthIsRefusedBeforeReadingAndStoresNothing() throws Exception {
        String reference = CaseFixture.uniqueReference();
        byte[] json = ("{\"reference\": \"" + reference + "\", \"title\": \"" + "x".repeat(10_000) + "\"}")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        java.net.http.HttpClient http = java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_1_1).build();
        // A body publisher of unknown length: sent chunked, without Content-Length.
        java.net.http.HttpResponse<String> response = http.send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(io.restassured.RestAssured.baseURI + ":" + io.restassured.RestAssured.port + "/api/cases"))
                .header("Authorization", "Bearer " + Tokens.of("officer")).header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(json)))
                .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(411);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("announce its length");
        Api.as("officer").get("/api/cases").then().statusCode(200).body("reference", not(hasItem(reference)));
    }

    @Test
    void wrongContentTypeIsRefused() {
        problem(given().auth().oauth2(Tokens.of("officer")).contentType("text/plain").body("reference=X")
                .post("/api/cases"), 415);
    }

    @Test
    void unknownPathsAndMethodsAnswerProblems() {
        problem(Api.as("officer").get("/api/no-such-thing"), 404);
        problem(Api.as("officer").delete("/api/cases"), 405).header("Allow", "GET, HEAD, POST");
    }

    @Test
    void aMethodAnExistingPathDoesNotSupportIs405WithAllow() {
        UUID caseId = CaseFixture.openCase("officer");
        // Paths served by one resource class and methods by none: the REST layer alone answers 404.
        problem(Api.as("officer").delete("/api/cases/" + caseId + "/media"), 405)
                .header("Allow", "GET, HEAD").body("detail", containsString("GET, HEAD"));
        problem(Api.as("officer").patch("/api/cases/" + caseId), 405).header("Allow", "GET, HEAD");
        problem(Api.as("officer").get("/api/cases/" + caseId + "/seizures/" + UUID.randomUUID() + "/media"), 405)
                .header("Allow", "POST");
        problem(Api.as("officer").delete("/api/categories"), 405).header("Allow", "GET, HEAD");
        // A path that does not exist at all stays 404.
        problem(Api.as("officer").delete("/api/cases/" + caseId + "/nothing-here"), 404);
    }

    @Test
    void unsupportedMediaTypesNameTheAcceptedOnes() {
        problem(given().auth().oauth2(Tokens.of("officer")).contentType("text/plain").body("reference=X")
                .post("/api/cases"), 415).body("detail", containsString("application/json"));
        UUID caseId = CaseFixture.openCase("officer");
        UUID seizureId = org.vidcase.testsupport.MediaFixture.seizure(caseId, "officer");
        problem(given().auth().oauth2(Tokens.of("officer")).contentType("image/png").body(new byte[] {1, 2, 3})
                .post("/api/cases/" + caseId + "/seizures/" + seizureId + "/media"), 415)
                .body("detail", containsString("application/octet-stream"))
                .body("detail", containsString("multipart/form-data"));
        Api.as("officer").get("/api/cases/" + caseId + "/media").then().body("", org.hamcrest.Matchers.hasSize(0));
    }

    @Test
    void malformedQueryParametersAre400NamingTheParameter() {
        UUID caseId = CaseFixture.openCase("officer");
        String media = "/api/cases/" + caseId + "/media";
        problem(Api.as("officer").get(media + "?seizureId=not-a-uuid"), 400)
                .body("errors[0].field", equalTo("seizureId"))
                .body("detail", containsString("seizureId")).body("detail", containsString("UUID"));
        problem(Api.as("officer").get(media + "?page=abc"), 400).body("errors[0].field", equalTo("page"));
        problem(Api.as("officer").get(media + "?review=NEW"), 400).body("errors[0].field", equalTo("review"))
                .body("detail", containsString("TO_REVIEW"));
        UUID seizureId = org.vidcase.testsupport.MediaFixture.seizure(caseId, "officer");
        problem(given().auth().oauth2(Tokens.of("officer")).contentType("application/octet-stream")
                .body(org.vidcase.testsupport.MediaFixture.uniquePng()).queryParam("fileName", "a.png")
                .queryParam("created", "yesterday")
                .post("/api/cases/" + caseId + "/seizures/" + seizureId + "/media"), 400)
                .body("errors[0].field", equalTo("created")).body("detail", containsString("ISO-8601"));
        Api.as("officer").get(media).then().body("", org.hamcrest.Matchers.hasSize(0));
        // A malformed id in the path names no resource: still 404.
        problem(Api.as("officer").get("/api/cases/not-a-uuid/media"), 404);
    }

    @Test
    void scalarsAreNeverCoercedInRequestBodies() {
        int before = caseCount();
        problem(Api.as("officer").body("{\"reference\": \"X-5\", \"title\": 42}").post("/api/cases"), 400)
                .body("errors[0].field", equalTo("title")).body("errors[0].message", containsString("JSON string"));
        problem(Api.as("officer").body("{\"reference\": \"X-6\", \"title\": false}").post("/api/cases"), 400)
                .body("errors[0].field", equalTo("title"));
        problem(Api.as("supervisor").body("{\"active\": \"true\"}").put("/api/hash-sets/" + UUID.randomUUID() + "/active"),
                400).body("errors[0].field", equalTo("active")).body("errors[0].message", containsString("true or false"));
        problem(Api.as("supervisor").body("{\"active\": 1}").put("/api/hash-sets/" + UUID.randomUUID() + "/active"),
                400).body("errors[0].field", equalTo("active"));
        assertThat(caseCount()).isEqualTo(before);
        // A timestamp is an ISO-8601 string, never a number of seconds since 1970.
        UUID caseId = CaseFixture.openCase("officer");
        UUID seizureId = org.vidcase.testsupport.MediaFixture.seizure(caseId, "officer");
        String custody = "/api/cases/" + caseId + "/seizures/" + seizureId + "/custody";
        problem(Api.as("officer").body("{\"occurredAt\": 1, \"from\": \"a\", \"to\": \"b\", \"purpose\": \"c\"}")
                .post(custody), 400)
                .body("errors[0].field", equalTo("occurredAt")).body("errors[0].message", containsString("ISO-8601"));
        problem(Api.as("officer").body("{\"reference\": \"EX-9\", \"seizedAt\": 1700000000}")
                .post("/api/cases/" + caseId + "/seizures"), 400).body("errors[0].field", equalTo("seizedAt"));
        Api.as("officer").get(custody).then().statusCode(200).body("", org.hamcrest.Matchers.hasSize(0));
    }

    @Test
    void businessRefusalsAreConflictsNotSuccesses() {
        String reference = CaseFixture.uniqueReference();
        Api.as("officer").body(Map.of("reference", reference, "title", "first")).post("/api/cases").then().statusCode(201);
        problem(Api.as("officer").body(Map.of("reference", reference, "title", "second")).post("/api/cases"), 409)
                .body("detail", containsString(reference));
    }

    @Test
    void authenticationAndAuthorisationFailuresAreProblems() {
        problem(Api.anonymous().get("/api/cases"), 401)
                .header("WWW-Authenticate", "Bearer realm=\"vid\"")
                .body("detail", containsString("bearer token is required"));
        problem(Api.as("auditor").get("/api/cases"), 403);
    }

    @Test
    void anExpiredTokenIsSaidToHaveExpired() throws Exception {
        String expired = ShortLivedTokens.expiredToken("officer");
        problem(given().auth().oauth2(expired).accept("application/json").get("/api/cases"), 401)
                .header("WWW-Authenticate", equalTo("Bearer realm=\"vid\", error=\"invalid_token\", "
                        + "error_description=\"The access token expired\""))
                .body("detail", containsString("The access token expired"));
    }

    @Test
    void aGarbageTokenIsRefusedLocallyWithoutIntrospection() {
        LogCapture.Captured captured = LogCapture.during("io.quarkus.oidc", () -> {
            problem(given().auth().oauth2("garbage").accept("application/json").get("/api/cases"), 401)
                    .header("WWW-Authenticate", containsString("error=\"invalid_token\""))
                    .body("detail", containsString("not valid"));
            problem(given().auth().oauth2("eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.").accept("application/json")
                    .get("/api/cases"), 401);
        });
        assertThat(captured.sawMarker()).as("the capture sees the OIDC log category").isTrue();
        // The verifier says it refused the token itself, and never called Keycloak's introspection endpoint.
        assertThat(captured.messages()).anyMatch(m -> m.contains("introspection is not allowed"));
        assertThat(captured.messages()).noneMatch(m -> m.contains("/token/introspect"));
        assertThat(captured.errorsFrom("io.quarkus.oidc")).isEmpty();
    }

    private static ValidatableResponse problem(io.restassured.response.Response response, int status) {
        return response.then().statusCode(status)
                .contentType("application/problem+json")
                .body("status", equalTo(status))
                .body("title", notNullValue())
                .body("type", startsWithUrn())
                .body("detail", not(containsString("Exception")))
                .body("stackTrace", nullValue())
                .body("requestId", notNullValue());
    }

    private static org.hamcrest.Matcher<String> startsWithUrn() {
        return org.hamcrest.Matchers.startsWith("urn:vidcase:problem:");
    }

    private static int caseCount() {
        return Api.as("supervisor").get("/api/cases").then().statusCode(200).extract().jsonPath().getList("id").size();
    }
}
