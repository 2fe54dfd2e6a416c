package org.vidcase.fuzz;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.vidcase.localstack.LocalStackTestResource;
import org.vidcase.testsupport.Api;
import org.vidcase.testsupport.CaseFixture;
import org.vidcase.testsupport.MediaFixture;
import org.vidcase.testsupport.Tokens;

/**
 * The defects the fuzzing suite found, one by one, each as the request that showed it: every one
 * was a 500, stored something other than what was sent, or accepted a request it should not have.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, restrictToAnnotatedClass = false)
class FuzzFindingsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aNulInAQueryParameterIsA400NamingItNotA500() throws Exception {
        JsonNode problem = problem(send("GET", "/api/audit/events?action=a%00b", "auditor", null, null), 400);
        assertThat(problem.path("errors").get(0).path("field").asText()).isEqualTo("action");
        UUID caseId = CaseFixture.openCase("officer");
        problem(send("GET", "/api/cases/" + caseId + "/media?category=1%00", "officer", null, null), 400);
        problem(send("GET", "/api/cases/" + caseId + "/leads?assignee=x%00", "officer", null, null), 400);
    }

    @Test
    void aFileNameThatIsNotUtf8IsRefusedAndNothingIsStored() throws Exception {
        UUID caseId = CaseFixture.openCase("officer");
        UUID seizure = MediaFixture.seizure(caseId, "officer");
        byte[] png = MediaFixture.uniquePng();
        JsonNode problem = problem(send("POST", "/api/cases/" + caseId + "/seizures/" + seizure
                + "/media?fileName=M%E4dchen.png", "officer", "application/octet-stream", png), 400);
        assertThat(problem.path("errors").get(0).path("field").asText()).isEqualTo("fileName");
        problem(send("POST", "/api/cases/" + caseId + "/seizures/" + seizure + "/media?fileName=a.png&path=%C0%AF",
                "officer", "application/octet-stream", png), 400);
        problem(send("GET", "/api/cases/" + caseId + "/media%C3%28", "officer", null, null), 404);
        assertThat(Api.as("officer").get("/api/cases/" + caseId + "/media").then().statusCode(200).extract()
                .jsonPath().getList("$")).isEmpty();
    }

    @Test
    void jsonBodiesAreStrictUtf8WithoutDuplicateKeysTrailingDocumentsNulsOrLoneSurrogates() throws Exception {
        int before = Api.as("supervisor").get("/api/cases").then().extract().jsonPath().getList("id").size();
        String reference = CaseFixture.uniqueReference();
        byte[] overlong = concat(("{\"reference\": \"" + reference + "\", \"title\": \"a").getBytes(StandardCharsets.US_ASCII),
                new byte[] {(byte) 0xC0, (byte) 0xAF}, "b\"}".getBytes(StandardCharsets.US_ASCII));
        assertThat(problem(send("POST", "/api/cases", "officer", "application/json", overlong), 400).path("detail").asText())
                .contains("not UTF-8");
        JsonNode duplicate = problem(send("POST", "/api/cases", "officer", "application/json",
                utf8("{\"reference\": \"" + reference + "\", \"title\": \"a\", \"title\": \"b\"}")), 400);
        assertThat(duplicate.path("errors").get(0).path("field").asText()).isEqualTo("title");
        problem(send("POST", "/api/cases", "officer", "application/json", utf8("{\"reference\": \"" + reference
                + "\", \"title\": \"a\"}{\"reference\": \"" + reference + "-2\", \"title\": \"b\"}")), 400);
        for (String text : List.of("a\\u0000b", "lone \\ud800", "lone \\udc00")) {
            JsonNode problem = problem(send("POST", "/api/cases", "officer", "application/json",
                    utf8("{\"reference\": \"" + reference + "\", \"title\": \"" + text + "\"}")), 400);
            assertThat(problem.path("errors").get(0).path("field").asText()).isEqualTo("title");
            assertThat(problem.path("errors").get(0).path("message").asText()).contains("NUL");
        }
        assertThat(Api.as("supervisor").get("/api/cases").then().extract().jsonPath().getList("id")).hasSize(before);
    }

    @Test
    void aBodyWithoutAContentTypeIs415NamingTheTypesAccepted() throws Exception {
        String reference = CaseFixture.uniqueReference();
        JsonNode problem = problem(send("POST", "/api/cases", "officer", null,
                utf8("{\"reference\": \"" + reference + "\", \"title\": \"t\"}")), 415);
        assertThat(problem.path("detail").asText()).contains("application/json");
        Api.as("officer").get("/api/cases").then().body("reference", org.hamcrest.Matchers.not(
                org.hamcrest.Matchers.hasItem(reference)));
    }

    @Test
    void aMalformedMultipartFormIsA400AndStoresNothing() throws Exception {
        UUID caseId = CaseFixture.openCase("officer");
        UUID seizure = MediaFixture.seizure(caseId, "officer");
        String path = "/api/cases/" + caseId + "/seizures/" + seizure + "/media";
        byte[] unclosed = utf8("--b1\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.png\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\nnot closed");
        problem(send("POST", path, "officer", "multipart/form-data; boundary=b1", unclosed), 400);
        problem(send("POST", path, "officer", "multipart/form-data; boundary=other", unclosed), 400);
        problem(send("POST", path, "officer", "multipart/form-data; boundary=b1",
                utf8("--b1\r\nnot a header\r\n\r\nx\r\n--b1--\r\n")), 400);
        assertThat(Api.as("officer").get("/api/cases/" + caseId + "/media").then().statusCode(200).extract()
                .jsonPath().getList("$")).isEmpty();
    }

    @Test
    void aMultipartFileNameThatIsNotUtf8IsRefusedForThatFile() throws Exception {
        UUID caseId = CaseFixture.openCase("officer");
        UUID seizure = MediaFixture.seizure(caseId, "officer");
        byte[] form = concat(utf8("--b1\r\nContent-Disposition: form-data; name=\"file\"; filename=\"M"),
                new byte[] {(byte) 0xE4}, utf8("dchen.png\"\r\nContent-Type: application/octet-stream\r\n\r\n"),
                MediaFixture.uniquePng(), utf8("\r\n--b1--\r\n"));
        RawHttp.Answer answer = send("POST", "/api/cases/" + caseId + "/seizures/" + seizure + "/media", "officer",
                "multipart/form-data; boundary=b1", form);
        assertThat(answer.status()).as(answer.text()).isEqualTo(400);
        List<String> names = Api.as("officer").get("/api/cases/" + caseId + "/media").then().statusCode(200).extract()
                .jsonPath().getList("locations.flatten().fileName");
        assertThat(names).isEmpty();
    }

    @Test
    void theUploadedPathsAreTextAsSentOrRefused() throws Exception {
        // A name with folders that climb is split as any other; it is a record of the device, never a path on the server.
        UUID caseId = CaseFixture.openCase("officer");
        UUID seizure = MediaFixture.seizure(caseId, "officer");
        given().auth().oauth2(Tokens.of("officer")).contentType("application/octet-stream").body(MediaFixture.uniquePng())
                .queryParam("fileName", "../../../../etc/passwd").post("/api/cases/" + caseId + "/seizures/" + seizure + "/media")
                .then().statusCode(201).body("fileName", org.hamcrest.Matchers.equalTo("passwd"))
                .body("item.locations[0].path", org.hamcrest.Matchers.equalTo("../../../../etc"));
    }

    @Test
    void requestsPastTheHttpLayersLimitsAreRefusedBeforeAnyRouteWithoutABody() {
        RawHttp.Answer longLine = send("GET", "/api/cases?pad=" + "p".repeat(9000), "officer", null, null);
        assertThat(longLine.status()).isEqualTo(414);
        assertThat(longLine.body()).isEmpty();
        HttpRequestSpec bigHeader = HttpRequestSpec.of("GET", "/api/cases").withHeader("X-Padding", "h".repeat(30_000))
                .withHeader("Authorization", "Bearer " + Tokens.of("officer"));
        RawHttp.Answer big = new RawHttp("localhost", RestAssured.port, 30_000).send(bigHeader);
        assertThat(big.status()).isEqualTo(431);
        assertThat(big.body()).isEmpty();
        assertThat(given().get("/q/health/ready").statusCode()).isEqualTo(200);
    }

    private static RawHttp.Answer send(String method, String target, String user, String contentType, byte[] body) {
        HttpRequestSpec request = HttpRequestSpec.of(method, target).withHeader("Accept", "application/json")
                .withHeader("Authorization", "Bearer " + Tokens.of(user));
        if (body != null) {
            request = request.withBody(contentType, body);
        }
        return new RawHttp("localhost", RestAssured.port, 30_000).send(request);
    }

    private static JsonNode problem(RawHttp.Answer answer, int status) throws Exception {
        assertThat(answer.status()).as(answer.text()).isEqualTo(status);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        JsonNode problem = JSON.readTree(answer.body());
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("requestId").isTextual()).isTrue();
        assertThat(answer.text()).doesNotContain("Exception").doesNotContain("org.");
        return problem;
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
