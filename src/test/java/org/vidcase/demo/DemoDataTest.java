package org.vidcase.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vidcase.localstack.LocalStackTestResource;
import org.vidcase.testsupport.Api;

/** What ./vidcase run shows the demo users. */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, restrictToAnnotatedClass = false)
class DemoDataTest {

    @Test
    void theDemoOfficerSeesTheirCaseWithSyntheticEvidenceAndNotTheOtherTeams() {
        JsonPath cases = Api.as("officer").get("/api/cases").then().statusCode(200)
                .body("reference", hasItem("DEMO-2026-001")).body("reference", not(hasItem("DEMO-2026-002")))
                .extract().jsonPath();
        String caseId = cases.getString("find { it.reference == 'DEMO-2026-001' }.id");

        List<Map<String, Object>> seizures = Api.as("officer").get("/api/cases/" + caseId + "/seizures")
                .then().statusCode(200).extract().jsonPath().getList("");
        assertThat(seizures).extracting(s -> s.get("reference")).containsExactlyInAnyOrder("LAPTOP-01", "PHONE-01");

        List<Map<String, Object>> media = Api.as("officer").get("/api/cases/" + caseId + "/media?size=100")
                .then().statusCode(200).extract().jsonPath().getList("");
        assertThat(media).hasSize(13);
        assertThat(media).allSatisfy(m -> assertThat(m.get("pdq")).isNotNull());
        assertThat(media).filteredOn(m -> ((List<?>) m.get("locations")).size() == 2).hasSize(1);
        Api.as("officer2").get("/api/cases/" + caseId).then().statusCode(404);

        // The demo reference sets matched the files as they were filed.
        assertThat(media).filteredOn(m -> "IGNORABLE".equals(m.get("matchStatus")))
                .extracting(m -> ((List<?>) m.get("locations")).size()).containsExactly(2);
        assertThat(media).filteredOn(m -> "ALERT".equals(m.get("matchStatus"))).hasSizeGreaterThanOrEqualTo(3)
                .allSatisfy(m -> assertThat(m.get("categorySource")).isEqualTo("HASH_MATCH"));
        String laptop = seizures.stream().filter(x -> x.get("reference").equals("LAPTOP-01")).findFirst()
                .orElseThrow().get("id").toString();
        JsonPath report = Api.as("officer").get("/api/cases/" + caseId + "/seizures/" + laptop + "/reduction")
                .then().statusCode(200).extract().jsonPath();
        // Laptop: scene 1 (PDQ) and scene 2 (MD5) known, scenes 3 and 4 new, the wallpaper known-good.
        assertThat(report.getLong("files")).isEqualTo(5);
        assertThat(report.getLong("alert.count")).isEqualTo(2);
        assertThat(report.getLong("ignorable.count")).isEqualTo(1);
        assertThat(report.getLong("toReview.count")).isEqualTo(2);

        // A demo lead, assigned to the demo investigator, with its clues.
        List<Map<String, Object>> leads = Api.as("investigator").get("/api/cases/" + caseId + "/leads").then()
                .statusCode(200).extract().jsonPath().getList("");
        assertThat(leads).singleElement().satisfies(l -> {
            assertThat(l.get("status")).isEqualTo("ASSIGNED");
            assertThat(l.get("assignees")).isEqualTo(List.of("investigator"));
        });
        JsonPath lead = Api.as("investigator").get("/api/cases/" + caseId + "/leads/" + leads.get(0).get("id")).then()
                .statusCode(200).extract().jsonPath();
        assertThat(lead.getList("clues.type")).containsExactlyInAnyOrder("OBJECT", "DEVICE");
        assertThat(lead.getList("series.name")).containsExactly("Lighthouse poster room");
        List<Map<String, Object>> series = Api.as("investigator").get("/api/cases/" + caseId + "/series").then()
                .statusCode(200).extract().jsonPath().getList("");
        assertThat(series).filteredOn(s -> "Lighthouse poster room".equals(s.get("name"))).singleElement()
                .satisfies(s -> assertThat(s.get("confirmed")).isEqualTo(3));
    }
}
