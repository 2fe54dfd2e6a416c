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
    void wrongContentTypeIsRefused() {
        problem(given().auth().oauth2(Tokens.of("officer")).contentType("text/plain").body("reference=X")
                .post("/api/cases"), 415);
    }

    @Test
    void unknownPathsAndMethodsAnswerProblems() {
        problem(Api.as("officer").get("/api/no-such-thing"), 404);
        problem(Api.as("officer").delete("/api/cases"), 405);
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
        problem(Api.anonymous().get("/api/cases"), 401);
        problem(Api.as("auditor").get("/api/cases"), 403);
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
