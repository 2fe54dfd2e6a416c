package org.vidcase.media;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.vidcase.localstack.LocalStackTestResource;
import org.vidcase.testsupport.Api;
import org.vidcase.testsupport.CaseFixture;
import org.vidcase.testsupport.MediaFixture;

/** The exhibit report counts items per category per exhibit and lists who graded each, and when. */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, restrictToAnnotatedClass = false)
class ExhibitReportTest {

    @Test
    @SuppressWarnings("unchecked")
    void countsPerCategoryPerExhibitWithWhoGradedEachItem() {
        UUID caseId = CaseFixture.openCase("officer");
        CaseFixture.addMember(caseId, "officer", "investigator", "MEMBER");
        UUID one = MediaFixture.seizure(caseId, "officer");
        UUID two = MediaFixture.seizure(caseId, "officer");
        String a = MediaFixture.uploadUnique(caseId, one, "officer");
        String b = MediaFixture.uploadUnique(caseId, one, "officer");
        MediaFixture.uploadUnique(caseId, one, "officer");
        String d = MediaFixture.uploadUnique(caseId, two, "officer");
        categorise("officer", caseId, a, "1");
        categorise("investigator", caseId, b, "2");
        categorise("officer", caseId, d, "2");

        Api.as("liaison").get("/api/cases/" + caseId + "/exhibit-report").then().statusCode(404);
        JsonPath report = Api.as("officer").get("/api/cases/" + caseId + "/exhibit-report").then().statusCode(200).extract().jsonPath();
        assertThat(report.getString("scheme")).isEqualTo("vics");
        assertThat(report.getList("categories.code")).contains("0", "1", "2", "3", "4");
        Map<String, Object> first = exhibit(report, one);
        assertThat(first.get("items")).isEqualTo(3);
        assertThat((List<Map<String, Object>>) first.get("counts")).extracting(c -> c.get("category"), c -> c.get("items"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("1", 1), org.assertj.core.groups.Tuple.tuple("2", 1),
                        org.assertj.core.groups.Tuple.tuple(null, 1));
        List<Map<String, Object>> graded = (List<Map<String, Object>>) first.get("graded");
        assertThat(graded).extracting(g -> g.get("mediaItemId"), g -> g.get("category"), g -> g.get("gradedBy"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple(a, "1", "officer"),
                        org.assertj.core.groups.Tuple.tuple(b, "2", "investigator"));
        assertThat(graded.get(0)).containsEntry("source", "HUMAN").containsEntry("secondOpinionState", "AWAITING");
        assertThat(graded.get(0).get("gradedAt")).isNotNull();
        assertThat((String) graded.get(0).get("fileNames")).startsWith("picture-");
        assertThat(exhibit(report, two).get("items")).isEqualTo(1);

        JsonPath single = Api.as("officer").queryParam("seizureId", two).get("/api/cases/" + caseId + "/exhibit-report")
                .then().statusCode(200).extract().jsonPath();
        assertThat(single.getList("exhibits")).hasSize(1);
        Api.as("officer2").get("/api/cases/" + caseId + "/exhibit-report").then().statusCode(404);
        assertThat(Api.as("auditor").get("/api/audit/events?caseId=" + caseId + "&action=media.report").then()
                .statusCode(200).extract().jsonPath().getList("")).isNotEmpty();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> exhibit(JsonPath report, UUID seizureId) {
        return ((List<Map<String, Object>>) report.get("exhibits")).stream()
                .filter(e -> seizureId.toString().equals(e.get("seizureId"))).findFirst().orElseThrow();
    }

    private static void categorise(String user, UUID caseId, String item, String category) {
        Api.as(user).body(Map.of("category", category)).put("/api/cases/" + caseId + "/media/" + item + "/categorisation")
                .then().statusCode(200);
    }
}
