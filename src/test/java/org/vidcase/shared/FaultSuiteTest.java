package org.vidcase.shared;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.vidcase.localstack.KeycloakOutage;
import org.vidcase.localstack.LocalStackTestResource;
import org.vidcase.localstack.StorageOutage;
import org.vidcase.testsupport.Api;
import org.vidcase.testsupport.CaseFixture;
import org.vidcase.testsupport.MediaFixture;
import org.vidcase.testsupport.Tokens;

/**
 * Faults on the real local services, each case asserting that nothing is lost or half-written, and
 * each reported (what was done, what was expected, what was seen) to {@code target/fault-report.md}.
 * The other cases of the suite live where their feature is tested: storage down during an upload
 * ({@code MediaUploadTest}), Elasticsearch down during ingest ({@code SearchIndexingTest}), a replica
 * killed mid-import and mid-re-matching ({@code TwoReplicasIT}).
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, restrictToAnnotatedClass = false)
class FaultSuiteTest {

    private static final Path REPORT = Paths.get("target/fault-report.md");

    @org.junit.jupiter.api.BeforeAll
    static void freshReport() throws IOException {
        Files.deleteIfExists(REPORT);
    }

    @Test
    void keycloakDownLeavesIssuedTokensWorkingAndThePodsReady() throws Exception {
        String issued = Tokens.of("officer");
        UUID caseId = CaseFixture.openCase("officer");
        Response whileDown;
        int ready;
        try (KeycloakOutage outage = KeycloakOutage.begin()) {
            whileDown = given().auth().oauth2(issued).get("/api/cases/" + caseId);
            ready = given().get("/q/health/ready").statusCode();
        }
        assertThat(whileDown.statusCode()).isEqualTo(200);
        assertThat(ready).isEqualTo(200);
        // Back: a new sign-in works again.
        Tokens.forget("officer");
        Api.as("officer").get("/api/cases/" + caseId).then().statusCode(200);
        report("Keycloak frozen (SIGSTOP) while requests come in",
                "tokens already issued keep working (keys cached); the pods stay ready; sign-ins work again after",
                "issued token: " + whileDown.statusCode() + "; readiness: " + ready + "; after: a new token works");
    }

    @Test
    void storageDownAtAnImportStoresNothingAndTheSameImportWorksAfterwards() throws Exception {
        UUID caseId = CaseFixture.openCase("officer");
        UUID seizureId = MediaFixture.seizure(caseId, "officer");
        String csv = "MD5\n" + UUID.randomUUID().toString().replace("-", "") + "\n";
        Response refused;
        try (StorageOutage outage = StorageOutage.begin()) {
            refused = importCsv(caseId, seizureId, csv);
        }
        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        List<?> items = Api.as("officer").get("/api/cases/" + caseId + "/media").then().statusCode(200).extract().path("$");
        assertThat(items).isEmpty();
        Response accepted = importCsv(caseId, seizureId, csv);
        assertThat(accepted.statusCode()).isEqualTo(202);
        String job = accepted.path("id");
        String state = org.vidcase.testsupport.Jobs.awaitEnd(job, "officer").getString("state");
        assertThat(state).isEqualTo("SUCCEEDED");
        int after = Api.as("officer").get("/api/cases/" + caseId + "/media").then().statusCode(200).extract()
                .<List<?>>path("$").size();
        assertThat(after).isEqualTo(1);
        report("Object storage stopped while an export is submitted for import",
                "503 problem, no job and no item; the same file imported afterwards gives its item once",
                "during: " + refused.statusCode() + " " + refused.contentType() + ", items " + items.size()
                        + "; after: " + accepted.statusCode() + ", job " + state + ", items " + after);
    }

    private static Response importCsv(UUID caseId, UUID seizureId, String csv) {
        return given().auth().oauth2(Tokens.of("officer")).contentType("text/csv").body(csv.getBytes(StandardCharsets.UTF_8))
                .post("/api/cases/" + caseId + "/seizures/" + seizureId + "/imports");
    }

    private static synchronized void report(String done, String expected, String seen) throws IOException {
        Files.createDirectories(REPORT.getParent());
        if (!Files.exists(REPORT)) {
            Files.writeString(REPORT, "# Fault report\n\n| Case | Expected | Seen |\n|---|---|---|\n", StandardCharsets.UTF_8);
        }
        Files.writeString(REPORT, "| " + done + " | " + expected + " | " + seen + " |\n", StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);
    }
}
