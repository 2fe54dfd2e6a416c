package org.vidcase.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.vidcase.localstack.LocalStackTestResource;
import org.vidcase.testsupport.Api;
import org.vidcase.testsupport.CaseFixture;
import org.vidcase.testsupport.Jobs;
import org.vidcase.testsupport.MediaFixture;
import org.vidcase.testsupport.Tokens;

/** GET /api/jobs lists the caller's own jobs, newest first, and nobody else's. */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, restrictToAnnotatedClass = false)
class MyJobsTest {

    @Test
    void theCallerSeesTheirOwnJobsNewestFirst() {
        UUID caseId = CaseFixture.openCase("investigator");
        UUID seizureId = MediaFixture.seizure(caseId, "investigator");
        String first = importCsv(caseId, seizureId);
        String second = importCsv(caseId, seizureId);
        Jobs.awaitState(first, "investigator", "SUCCEEDED");
        Jobs.awaitState(second, "investigator", "SUCCEEDED");

        List<Map<String, Object>> mine = Api.as("investigator").get("/api/jobs").then().statusCode(200).extract()
                .jsonPath().getList("");
        List<Object> ids = mine.stream().map(j -> j.get("id")).toList();
        assertThat(ids).contains(first, second);
        assertThat(ids.indexOf(second)).isLessThan(ids.indexOf(first));
        assertThat(mine).allSatisfy(j -> assertThat(j.get("owner")).isEqualTo("investigator"));
        assertThat(Api.as("investigator").queryParam("active", true).get("/api/jobs").then().statusCode(200).extract()
                .jsonPath().getList("id")).doesNotContain(first, second);
        assertThat(Api.as("officer").get("/api/jobs").then().statusCode(200).extract().jsonPath().getList("id"))
                .doesNotContain(first, second);
        Api.as("investigator").queryParam("size", 0).get("/api/jobs").then().statusCode(400);
    }

    private static String importCsv(UUID caseId, UUID seizureId) {
        String md5 = UUID.randomUUID().toString().replace("-", "");
        return io.restassured.RestAssured.given().auth().oauth2(Tokens.of("investigator")).contentType("text/csv")
                .body("MD5,FileName\n" + md5 + ",x.jpg\n").post("/api/cases/" + caseId + "/seizures/" + seizureId + "/imports")
                .then().statusCode(202).extract().path("id");
    }
}
