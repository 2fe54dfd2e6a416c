package org.vidcase.media;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.minio.ListObjectsArgs;
import io.minio.MinioClient;
import io.minio.Result;
import io.minio.messages.Item;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.vidcase.localstack.LocalStackTestResource;
import org.vidcase.testsupport.CaseFixture;
import org.vidcase.testsupport.MediaFixture;
import org.vidcase.testsupport.Tokens;

/**
 * Content is stored once for the deployment, but an upload must not tell that another case holds
 * the same file: an upload of content another unit's case holds gets the same answer as new
 * content, and makes the same storage calls in the same order (recorded on the real store), not
 * merely in the same time. The extra object is swept away afterwards, off the request's path.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, restrictToAnnotatedClass = false)
class UploadDeduplicationDisclosesNothingTest {

    @Inject
    MinioClient minio;

    @Test
    void contentAnotherCaseHoldsIsAnsweredAndStoredLikeNewContent() throws Exception {
        UUID theirs = CaseFixture.openCase("officer2");
        byte[] shared = MediaFixture.uniquePng();
        upload("officer2", theirs, MediaFixture.seizure(theirs, "officer2"), shared).then().statusCode(201);

        UUID mine = CaseFixture.openCase("officer");
        UUID seizure = MediaFixture.seizure(mine, "officer");
        // Warm-up, so that both recorded uploads meet the same caches and connections.
        upload("officer", mine, seizure, MediaFixture.uniquePng()).then().statusCode(201);

        RecordingEvidenceStore.start();
        JsonPath known = upload("officer", mine, seizure, shared).then().statusCode(201).extract().jsonPath();
        List<String> knownCalls = RecordingEvidenceStore.stop();
        RecordingEvidenceStore.start();
        JsonPath fresh = upload("officer", mine, seizure, MediaFixture.uniquePng()).then().statusCode(201).extract().jsonPath();
        List<String> freshCalls = RecordingEvidenceStore.stop();

        assertThat(knownCalls).isNotEmpty().contains("stage", "promote").isEqualTo(freshCalls);
        assertThat(known.getString("outcome")).isEqualTo("NEW_ITEM").isEqualTo(fresh.getString("outcome"));
        assertThat(known.getMap("")).containsOnlyKeys(fresh.getMap("").keySet());
        Map<String, Object> knownItem = known.getMap("item");
        Map<String, Object> freshItem = fresh.getMap("item");
        assertThat(knownItem.keySet()).isEqualTo(freshItem.keySet());
        assertThat(knownItem.get("hasContent")).isEqualTo(true).isEqualTo(freshItem.get("hasContent"));

        // One object per content stays: the upload's own copy of the shared content is swept away.
        String sha256 = MediaFixture.sha256(shared);
        String prefix = "blobs/" + sha256.substring(0, 2) + "/" + sha256 + "/";
        long deadline = System.currentTimeMillis() + 15_000;
        while (objectKeys(prefix).size() > 1 && System.currentTimeMillis() < deadline) {
            Thread.sleep(200);
        }
        assertThat(objectKeys(prefix)).hasSize(1);
        // And the content still comes back, verified, for both cases.
        given().auth().oauth2(Tokens.of("officer")).queryParam("justification", "dedup test")
                .get("/api/cases/" + mine + "/media/" + knownItem.get("id") + "/content").then().statusCode(200);
    }

    private static io.restassured.response.Response upload(String user, UUID caseId, UUID seizureId, byte[] bytes) {
        return given().auth().oauth2(Tokens.of(user)).contentType("application/octet-stream").body(bytes)
                .queryParam("fileName", "same.png").queryParam("path", "/dedup")
                .post("/api/cases/" + caseId + "/seizures/" + seizureId + "/media");
    }

    private List<String> objectKeys(String prefix) {
        List<String> keys = new ArrayList<>();
        for (Result<Item> r : minio.listObjects(ListObjectsArgs.builder().bucket("vidcase-evidence").prefix(prefix)
                .recursive(true).build())) {
            try {
                String key = r.get().objectName();
                if (!key.endsWith("/")) {
                    // The local stack's folder markers (staging/, imports/) are not objects the server wrote.
                    keys.add(key);
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return keys;
    }
}
