package org.vidcase.media;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.vidcase.localstack.LocalStackTestResource;
import org.vidcase.testsupport.Api;
import org.vidcase.testsupport.CaseFixture;
import org.vidcase.testsupport.MediaFixture;
import org.vidcase.testsupport.Tokens;

/** Supervisors see how many pictures each officer opened, per day and week, from the audit trail. */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, restrictToAnnotatedClass = false)
class WelfareTest {

    @Test
    void downloadsAreCountedPerOfficerPerDayAndWeek() {
        long before = downloadedToday("investigator");
        UUID caseId = CaseFixture.openCase("investigator");
        UUID seizureId = MediaFixture.seizure(caseId, "investigator");
        String item = MediaFixture.uploadUnique(caseId, seizureId, "investigator");
        for (int i = 0; i < 2; i++) {
            io.restassured.RestAssured.given().auth().oauth2(Tokens.of("investigator"))
                    .queryParam("justification", "Categorisation check").get("/api/cases/" + caseId + "/media/" + item + "/content")
                    .then().statusCode(200);
        }
        // A refused download is not a picture seen.
        io.restassured.RestAssured.given().auth().oauth2(Tokens.of("investigator"))
                .get("/api/cases/" + caseId + "/media/" + item + "/content").then().statusCode(400);
        assertThat(downloadedToday("investigator")).isEqualTo(before + 2);

        Map<String, Object> welfare = Api.as("supervisor").queryParam("weeks", 1).get("/api/welfare/exposure").then()
                .statusCode(200).extract().jsonPath().getMap("");
        LocalDate monday = LocalDate.now(ZoneOffset.UTC).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        assertThat(welfare.get("from")).isEqualTo(monday.toString());
        Api.as("officer").get("/api/welfare/exposure").then().statusCode(403);
        Api.as("auditor").get("/api/welfare/exposure").then().statusCode(403);
        assertThat(Api.as("auditor").get("/api/audit/events?action=media.welfare&actor=supervisor").then().statusCode(200)
                .extract().jsonPath().getList("")).isNotEmpty();
    }

    @SuppressWarnings("unchecked")
    private static long downloadedToday(String user) {
        List<Map<String, Object>> officers = Api.as("supervisor").get("/api/welfare/exposure").then().statusCode(200)
                .extract().jsonPath().getList("officers");
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        return officers.stream().filter(o -> user.equals(o.get("username")))
                .flatMap(o -> ((List<Map<String, Object>>) o.get("days")).stream())
                .filter(d -> today.equals(d.get("start"))).mapToLong(d -> ((Number) d.get("downloaded")).longValue()).sum();
    }
}
