package org.vidcase.fuzz;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.vidcase.localstack.LocalStackTestResource;
import org.vidcase.testsupport.Api;
import org.vidcase.testsupport.CaseFixture;
import org.vidcase.testsupport.MediaFixture;
import org.vidcase.testsupport.Tokens;

/**
 * Corrupt, truncated and hostile pictures uploaded as evidence, as raw bodies and as multipart
 * forms: each is kept (never a 5xx, never thrown away), as an item with its SHA-256 and its content,
 * without a PDQ hash where it could not be decoded and with the reason why, within bounded time;
 * the server stays ready.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, restrictToAnnotatedClass = false)
class HostileEvidenceTest {

    @Test
    void everyHostilePictureIsKeptWithItsHashesAndTheReasonItCouldNotBeDecoded() {
        UUID caseId = CaseFixture.openCase("officer");
        UUID raw = MediaFixture.seizure(caseId, "officer");
        UUID multipart = MediaFixture.seizure(caseId, "officer");
        List<String> wrong = new ArrayList<>();
        List<HostileImages.HostileFile> files = HostileImages.all(ApiFuzzSeeds.DEFAULT);
        for (HostileImages.HostileFile file : files) {
            long started = System.currentTimeMillis();
            Response response = given().auth().oauth2(Tokens.of("officer")).contentType("application/octet-stream")
                    .body(file.bytes()).queryParam("fileName", file.name()).queryParam("path", "/hostile")
                    .post("/api/cases/" + caseId + "/seizures/" + raw + "/media");
            long millis = System.currentTimeMillis() - started;
            if (response.statusCode() != 201 && response.statusCode() != 200) {
                wrong.add(file + " raw: " + response.statusCode() + " " + response.asString());
                continue;
            }
            if (millis > 30_000) {
                wrong.add(file + " raw: took " + millis + " ms");
            }
            check(file, response.jsonPath().getMap("item"), wrong);
        }
        // The same files again, four to a form, each as the part's file name.
        for (int i = 0; i < files.size(); i += 4) {
            List<HostileImages.HostileFile> batch = files.subList(i, Math.min(files.size(), i + 4));
            var request = given().auth().oauth2(Tokens.of("officer")).contentType("multipart/form-data");
            for (HostileImages.HostileFile file : batch) {
                request = request.multiPart("file", file.name(), file.bytes(), "application/octet-stream")
                        .multiPart("path", "/hostile/multipart");
            }
            Response response = request.post("/api/cases/" + caseId + "/seizures/" + multipart + "/media");
            if (response.statusCode() != 200 && response.statusCode() != 201) {
                wrong.add("multipart " + batch + ": " + response.statusCode() + " " + response.asString());
                continue;
            }
            List<Map<String, Object>> outcomes = response.jsonPath().getList("$");
            for (int k = 0; k < batch.size(); k++) {
                Map<String, Object> outcome = outcomes.get(k);
                if (outcome.get("item") == null) {
                    wrong.add(batch.get(k) + " multipart: refused " + outcome.get("problem"));
                } else {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> item = (Map<String, Object>) outcome.get("item");
                    check(batch.get(k), item, wrong);
                    if (!"LOCATION_ADDED".equals(outcome.get("outcome"))) {
                        wrong.add(batch.get(k) + " multipart: " + outcome.get("outcome") + ", expected the raw upload's item");
                    }
                }
            }
        }
        assertThat(wrong).isEmpty();
        List<Map<String, Object>> items = Api.as("officer").get("/api/cases/" + caseId + "/media?size=1000").then()
                .statusCode(200).extract().jsonPath().getList("$");
        assertThat(items).hasSize((int) files.stream().map(f -> MediaFixture.sha256(f.bytes())).distinct().count());
        assertThat(items).allSatisfy(item -> assertThat((List<?>) item.get("locations")).hasSize(2));
        assertThat(given().get("/q/health/ready").statusCode()).isEqualTo(200);
    }

    private static void check(HostileImages.HostileFile file, Map<String, Object> item, List<String> wrong) {
        String sha256 = MediaFixture.sha256(file.bytes());
        if (!sha256.equals(item.get("sha256")) || ((Number) item.get("size")).longValue() != file.bytes().length) {
            wrong.add(file + ": stored as " + item.get("sha256") + " of " + item.get("size") + " bytes");
        }
        if (!Boolean.TRUE.equals(item.get("hasContent"))) {
            wrong.add(file + ": its content was not kept");
        }
        String reason = (String) item.get("decodeFailure");
        boolean decoded = item.get("pdq") != null;
        if (decoded == (reason != null)) {
            wrong.add(file + ": pdq " + item.get("pdq") + " and decode failure " + reason);
        }
        if (file.expect() == HostileImages.Expect.FAILS && (decoded || reason == null || reason.isBlank())) {
            wrong.add(file + ": expected a decode failure with its reason, got pdq " + item.get("pdq"));
        }
        if (file.expect() == HostileImages.Expect.DECODES && !decoded) {
            wrong.add(file + ": expected a picture, got " + reason);
        }
        if (file.bytes().length > 0 && file.expect() != HostileImages.Expect.DECODES) {
            byte[] content = given().auth().oauth2(Tokens.of("officer")).queryParam("justification", "hostile file check")
                    .get("/api/cases/" + item.get("caseId") + "/media/" + item.get("id") + "/content").then()
                    .extract().asByteArray();
            if (!java.util.Arrays.equals(content, file.bytes())) {
                wrong.add(file + ": the content downloaded is not the file uploaded");
            }
        }
    }
}
