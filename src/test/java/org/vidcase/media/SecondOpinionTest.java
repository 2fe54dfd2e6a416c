package org.vidcase.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.vidcase.localstack.LocalStackTestResource;
import org.vidcase.testsupport.Api;
import org.vidcase.testsupport.CaseFixture;
import org.vidcase.testsupport.MediaFixture;

/**
 * Second opinions on the real stack: every decision to an alert category goes to a second grader
 * of the team, blind; a disagreement waits for a supervisor of the unit; both decisions are kept,
 * and the resolution becomes the items' category. (The test profile samples no other decision.)
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, restrictToAnnotatedClass = false)
class SecondOpinionTest {

    @Test
    void anAlertDecisionIsGradedBlindAndADisagreementIsResolvedByASupervisor() {
        UUID caseId = CaseFixture.openCase("officer");
        CaseFixture.addMember(caseId, "officer", "investigator", "MEMBER");
        UUID seizureId = MediaFixture.seizure(caseId, "officer");
        String item = MediaFixture.uploadUnique(caseId, seizureId, "officer");

        categorise(caseId, item, "1");
        Map<String, Object> waiting = awaiting("investigator", caseId).stream()
                .filter(o -> item.equals(o.get("mediaItemId"))).findFirst().orElseThrow();
        assertThat(waiting).containsEntry("reason", "ALERT").containsEntry("state", "AWAITING")
                .containsEntry("firstBy", "officer").containsEntry("itemCount", 1);
        assertThat(waiting.get("firstCategory")).as("the second grader decides blind").isNull();
        assertThat(awaiting("officer", caseId)).as("nobody gives the second opinion on their own decision")
                .noneMatch(o -> item.equals(o.get("mediaItemId")));
        assertThat(awaiting("officer2", null)).as("outside the team").noneMatch(o -> item.equals(o.get("mediaItemId")));

        String id = (String) waiting.get("id");
        String grade = "/api/cases/" + caseId + "/second-opinions/" + id + "/grade";
        Api.as("officer").body(Map.of("category", "1", "version", 0)).post(grade).then().statusCode(422)
                .body("detail", containsString("another grader"));
        Api.as("officer2").body(Map.of("category", "1", "version", 0)).post(grade).then().statusCode(404);
        Api.as("investigator").body(Map.of("category", "7", "version", 0)).post(grade).then().statusCode(422);
        Api.as("investigator").body(Map.of("category", "2", "note", "adult, comparison", "version", 0)).post(grade)
                .then().statusCode(200).body("state", equalTo("DISAGREED")).body("firstCategory", equalTo("1"))
                .body("secondCategory", equalTo("2")).body("secondBy", equalTo("investigator"));
        Api.as("investigator").body(Map.of("category", "2", "version", 1)).post(grade).then().statusCode(409);
        assertThat(category(caseId, item)).as("the item keeps the first decision until a supervisor decides").isEqualTo("1");

        String resolution = "/api/cases/" + caseId + "/second-opinions/" + id + "/resolution";
        Api.as("supervisor").body(Map.of("category", "2", "version", 1)).post(resolution).then().statusCode(422)
                .body("detail", containsString("note"));
        List<Map<String, Object>> disagreements = Api.as("supervisor").queryParam("state", "DISAGREED")
                .get("/api/second-opinions").then().statusCode(200).extract().jsonPath().getList("");
        assertThat(disagreements).anySatisfy(o -> assertThat(o).containsEntry("id", id).containsEntry("firstCategory", "1"));
        Api.as("supervisor").body(Map.of("category", "2", "note", "Adult: comparison material", "version", 1))
                .post(resolution).then().statusCode(200).body("state", equalTo("RESOLVED"))
                .body("resolvedCategory", equalTo("2")).body("resolvedBy", equalTo("supervisor"))
                .body("firstCategory", equalTo("1")).body("secondCategory", equalTo("2"));
        assertThat(category(caseId, item)).isEqualTo("2");

        List<Map<String, Object>> history = Api.as("officer").get("/api/cases/" + caseId + "/media/" + item
                + "/categorisations").then().statusCode(200).extract().jsonPath().getList("");
        assertThat(history).extracting(h -> h.get("category"), h -> h.get("categorisedBy"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("1", "officer"),
                        org.assertj.core.groups.Tuple.tuple("2", "supervisor"));
        assertThat(history.get(1).get("note")).asString().startsWith("Second-opinion resolution: ");

        List<Map<String, Object>> events = Api.as("auditor").get("/api/audit/events?caseId=" + caseId).then()
                .statusCode(200).extract().jsonPath().getList("");
        assertThat(events).extracting(e -> e.get("action")).contains("media.second-opinion", "media.opinion-resolve");
    }

    @Test
    void aDecisionToANonAlertCategoryIsNotSampledAtAShareOfZeroAndANewDecisionWithdrawsTheWaitingOne() {
        UUID caseId = CaseFixture.openCase("officer");
        UUID seizureId = MediaFixture.seizure(caseId, "officer");
        String item = MediaFixture.uploadUnique(caseId, seizureId, "officer");
        categorise(caseId, item, "2");
        assertThat(opinions("supervisor", caseId, "AWAITING")).isEmpty();
        categorise(caseId, item, "1");
        assertThat(opinions("supervisor", caseId, "AWAITING")).hasSize(1);
        categorise(caseId, item, "3");
        assertThat(opinions("supervisor", caseId, "WITHDRAWN")).hasSize(1);
        assertThat(opinions("supervisor", caseId, "AWAITING")).singleElement()
                .satisfies(o -> assertThat(o).containsEntry("reason", "ALERT"));
        Api.as("officer2").queryParam("caseId", caseId).get("/api/second-opinions").then().statusCode(404);
    }

    @Test
    void undoRevertsAWholeSeriesDecisionOnceAndWithdrawsItsSecondOpinion() {
        UUID caseId = CaseFixture.openCase("officer");
        CaseFixture.addMember(caseId, "officer", "investigator", "MEMBER");
        UUID seizureId = MediaFixture.seizure(caseId, "officer");
        String a = MediaFixture.uploadUnique(caseId, seizureId, "officer");
        String b = MediaFixture.uploadUnique(caseId, seizureId, "officer");
        String c = MediaFixture.uploadUnique(caseId, seizureId, "officer");
        categorise(caseId, c, "4");
        String series = Api.as("officer").body(Map.of("name", "Undo series", "mediaItemIds", List.of(a, b, c)))
                .post("/api/cases/" + caseId + "/series").then().statusCode(201).extract().path("id");

        Api.as("officer").body(Map.of("category", "1")).put("/api/cases/" + caseId + "/series/" + series + "/categorisation")
                .then().statusCode(200).body("categorised", equalTo(3)).body("suggestedLeft", equalTo(0));
        assertThat(List.of(a, b, c)).allSatisfy(m -> assertThat(category(caseId, m)).isEqualTo("1"));
        assertThat(opinions("supervisor", caseId, "AWAITING")).singleElement()
                .satisfies(o -> assertThat(o).containsEntry("itemCount", 3));
        List<String> seriesHistory = Api.as("officer").get("/api/cases/" + caseId + "/series/" + series + "/history")
                .then().statusCode(200).extract().jsonPath().getList("action");
        assertThat(seriesHistory).contains("members-categorised");

        // Someone else categorises b meanwhile: the undo leaves that later decision alone.
        categoriseAs("investigator", caseId, b, "2");
        Api.as("investigator").post("/api/cases/" + caseId + "/media/" + a + "/categorisation/undo").then().statusCode(409)
                .body("detail", containsString("officer"));
        Api.as("officer").post("/api/cases/" + caseId + "/media/" + a + "/categorisation/undo").then().statusCode(200)
                .body("category", nullValue()).body("categorySource", nullValue());
        assertThat(category(caseId, a)).isNull();
        assertThat(category(caseId, b)).isEqualTo("2");
        assertThat(category(caseId, c)).as("back to what it was before the series decision").isEqualTo("4");
        assertThat(opinions("supervisor", caseId, "WITHDRAWN")).hasSize(1);
        Api.as("officer").post("/api/cases/" + caseId + "/media/" + a + "/categorisation/undo").then().statusCode(409);
        Api.as("officer").queryParam("review", "TO_REVIEW").get("/api/cases/" + caseId + "/media").then().statusCode(200)
                .body("id", org.hamcrest.Matchers.hasItem(a));
        List<Map<String, Object>> history = Api.as("officer").get("/api/cases/" + caseId + "/media/" + a
                + "/categorisations").then().statusCode(200).extract().jsonPath().getList("");
        assertThat(history).hasSize(2);
        assertThat(history.get(1)).containsEntry("undoes", history.get(0).get("decisionId")).containsEntry("category", null)
                .containsEntry("categorisedBy", "officer");

        Api.as("officer2").body(Map.of("category", "1")).put("/api/cases/" + caseId + "/series/" + series + "/categorisation")
                .then().statusCode(404);
        Api.as("officer2").post("/api/cases/" + caseId + "/media/" + a + "/categorisation/undo").then().statusCode(404);
        Api.as("liaison").body(Map.of("category", "1")).put("/api/cases/" + caseId + "/series/" + series + "/categorisation")
                .then().statusCode(403);
    }

    @Test
    void hashOnlyItemsComeFirstInTheReviewQueueWhenAsked() {
        UUID caseId = CaseFixture.openCase("officer");
        UUID seizureId = MediaFixture.seizure(caseId, "officer");
        String picture = MediaFixture.uploadUnique(caseId, seizureId, "officer");
        String csv = "MD5,FileName\n" + "0123456789abcdef0123456789abcdef,only-hash.jpg\n";
        String job = io.restassured.RestAssured.given().auth().oauth2(org.vidcase.testsupport.Tokens.of("officer"))
                .contentType("text/csv").body(csv).post("/api/cases/" + caseId + "/seizures/" + seizureId + "/imports")
                .then().statusCode(202).extract().path("id");
        org.vidcase.testsupport.Jobs.awaitState(job, "officer", "SUCCEEDED");
        List<Map<String, Object>> arrival = queue(caseId, false);
        List<Map<String, Object>> hashOnlyFirst = queue(caseId, true);
        assertThat(arrival).extracting(m -> m.get("id")).first().isEqualTo(picture);
        assertThat(hashOnlyFirst).extracting(m -> m.get("hasContent")).containsExactly(false, true);
    }

    private static List<Map<String, Object>> queue(UUID caseId, boolean hashOnlyFirst) {
        return Api.as("officer").queryParam("review", "TO_REVIEW").queryParam("hashOnlyFirst", hashOnlyFirst)
                .get("/api/cases/" + caseId + "/media").then().statusCode(200).extract().jsonPath().getList("");
    }

    private static List<Map<String, Object>> awaiting(String user, UUID caseId) {
        var request = Api.as(user);
        if (caseId != null) {
            request = request.queryParam("caseId", caseId);
        }
        return request.get("/api/second-opinions").then().statusCode(200).extract().jsonPath().getList("");
    }

    private static List<Map<String, Object>> opinions(String user, UUID caseId, String state) {
        return Api.as(user).queryParam("caseId", caseId).queryParam("state", state).get("/api/second-opinions").then()
                .statusCode(200).extract().jsonPath().getList("");
    }

    private static void categorise(UUID caseId, String item, String category) {
        categoriseAs("officer", caseId, item, category);
    }

    private static void categoriseAs(String user, UUID caseId, String item, String category) {
        Api.as(user).body(Map.of("category", category)).put("/api/cases/" + caseId + "/media/" + item + "/categorisation")
                .then().statusCode(200).body("category", equalTo(category));
    }

    static String category(UUID caseId, String item) {
        return Api.as("officer").get("/api/cases/" + caseId + "/media/" + item).then().statusCode(200).extract()
                .path("category");
    }
}
