package org.vidcase.series;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.vidcase.localstack.LocalStackTestResource;
import org.vidcase.synthetic.CopyEdit;
import org.vidcase.synthetic.ProceduralScene;
import org.vidcase.synthetic.SyntheticImages;
import org.vidcase.testsupport.Api;
import org.vidcase.testsupport.CaseFixture;
import org.vidcase.testsupport.Jobs;
import org.vidcase.testsupport.MediaFixture;
import org.vidcase.testsupport.Tokens;

/**
 * Cross-case recognition across units: the hitting case learns only that a related series exists
 * and whom to contact; the owning team is notified with the hitting unit and its contact; both
 * sides are audited; supervisors see their own unit's cases only.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, restrictToAnnotatedClass = false)
class CrossCaseHitTest {

    private static final String NORTH_CONTACT = "VID desk North, +44 20 7946 0100, vid-north@example.org";
    private static final String SOUTH_CONTACT = "VID desk South, +44 20 7946 0200, vid-south@example.org";

    @Test
    void aPictureOfAnotherUnitsSeriesTellsOnlyWhomToContact() {
        Random random = new Random(777);
        BufferedImage scene = ProceduralScene.of(random.nextLong()).render(640, 480);
        // North (officer) holds a confirmed series of the scene.
        UUID north = CaseFixture.openCase("officer");
        String original = upload("officer", north, SyntheticImages.png(scene));
        String crop = upload("officer", north, SyntheticImages.png(CopyEdit.CROP.apply(scene, random)));
        cluster("officer", north);
        String seriesId = Api.as("officer").get("/api/cases/" + north + "/series").then().statusCode(200)
                .extract().path("[0].id");
        JsonPath series = Api.as("officer").get("/api/cases/" + north + "/series/" + seriesId).then().extract().jsonPath();
        for (String item : List.of(original, crop)) {
            Api.as("officer").body(Map.of("decision", "CONFIRM"))
                    .post("/api/cases/" + north + "/series/" + seriesId + "/members/" + item + "/decision").then().statusCode(200);
        }
        long unreadBefore = unread("officer");

        // South (officer2) files a mirrored copy and clusters its own case.
        UUID south = CaseFixture.openCase("officer2");
        String mirrored = upload("officer2", south, SyntheticImages.png(CopyEdit.MIRROR.apply(scene, random)));
        JsonPath run = cluster("officer2", south);
        assertThat(run.getInt("result.crossCaseHits")).isEqualTo(1);

        String hitsJson = Api.as("officer2").get("/api/cases/" + south + "/series-hits").then().statusCode(200)
                .extract().asString();
        JsonPath hits = new JsonPath(hitsJson);
        assertThat(hits.getList("$")).hasSize(1);
        assertThat(hits.getString("[0].mediaItemId")).isEqualTo(mirrored);
        assertThat(hits.getString("[0].owningUnit")).isEqualTo("north");
        assertThat(hits.getString("[0].contact")).isEqualTo(NORTH_CONTACT);
        assertThat(hitsJson).doesNotContain(north.toString(), seriesId, series.getString("reference"), original, crop);
        Api.as("officer2").get("/api/cases/" + north + "/series/" + seriesId).then().statusCode(404);
        List<String> southNotes = Api.as("officer2").get("/api/notifications").then().statusCode(200).extract().path("body");
        assertThat(southNotes).anyMatch(b -> b.contains(NORTH_CONTACT));
        assertThat(String.join(" ", southNotes)).doesNotContain(series.getString("reference"), north.toString());

        // The owning team is told which unit to contact.
        assertThat(unread("officer")).isEqualTo(unreadBefore + 1);
        List<Map<String, Object>> inbox = Api.as("officer").queryParam("unread", true).get("/api/notifications").then()
                .statusCode(200).extract().path("$");
        Map<String, Object> note = inbox.stream().filter(n -> "cross-case-hit".equals(n.get("kind"))).findFirst().orElseThrow();
        assertThat((String) note.get("body")).contains("unit south").contains(SOUTH_CONTACT)
                .contains(series.getString("reference"));
        assertThat(note.get("caseId")).isEqualTo(north.toString());
        Api.as("officer").post("/api/notifications/" + note.get("id") + "/read").then().statusCode(200);
        assertThat(unread("officer")).isEqualTo(unreadBefore);
        Api.as("officer2").post("/api/notifications/" + note.get("id") + "/read").then().statusCode(404);

        // Both sides audited; a second run tells nothing new.
        for (UUID caseId : List.of(north, south)) {
            List<?> events = Api.as("auditor").get("/api/audit/events?caseId=" + caseId + "&action=series.cross-case-hit")
                    .then().statusCode(200).extract().path("$");
            assertThat(events).hasSize(1);
        }
        assertThat(cluster("officer2", south).getInt("result.crossCaseHits")).isZero();
    }

    @Test
    void supervisorsSeeTheCasesOfTheirUnit() {
        UUID north = CaseFixture.openCase("officer");
        UUID south = CaseFixture.openCase("officer2");

        Api.as("supervisor").get("/api/cases/" + north).then().statusCode(200);
        Api.as("supervisor").get("/api/cases/" + south).then().statusCode(404);
        List<String> listed = Api.as("supervisor").get("/api/cases").then().statusCode(200).extract().path("id");
        assertThat(listed).contains(north.toString()).doesNotContain(south.toString());
    }

    private static long unread(String user) {
        return Api.as(user).get("/api/notifications/unread-count").then().statusCode(200).extract().jsonPath().getLong("unread");
    }

    private static JsonPath cluster(String user, UUID caseId) {
        String jobId = Api.as(user).body(Map.of()).post("/api/cases/" + caseId + "/series/clustering-jobs")
                .then().statusCode(202).extract().path("id");
        JsonPath job = Jobs.awaitEnd(jobId, user);
        assertThat(job.getString("state")).isEqualTo("SUCCEEDED");
        return job;
    }

    private static String upload(String user, UUID caseId, byte[] bytes) {
        UUID seizureId = MediaFixture.seizure(caseId, user);
        return given().auth().oauth2(Tokens.of(user)).contentType("application/octet-stream").body(bytes)
                .queryParam("fileName", "p.png").post("/api/cases/" + caseId + "/seizures/" + seizureId + "/media")
                .then().statusCode(201).extract().path("item.id");
    }
}
