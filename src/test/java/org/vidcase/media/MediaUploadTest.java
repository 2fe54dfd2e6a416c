package org.vidcase.media;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

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
import org.vidcase.synthetic.SyntheticImages;
import org.vidcase.localstack.LocalStackTestResource;
import org.vidcase.localstack.StorageOutage;
import org.vidcase.testsupport.Api;
import org.vidcase.testsupport.CaseFixture;
import org.vidcase.testsupport.MediaFixture;
import org.vidcase.testsupport.Tokens;

@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, restrictToAnnotatedClass = false)
class MediaUploadTest {

    @Inject
    MinioClient minio;

    private static io.restassured.response.Response uploadRaw(String user, UUID caseId, UUID seizureId, byte[] bytes,
                                                             String fileName, String path) {
        return given().auth().oauth2(Tokens.of(user)).contentType("application/octet-stream").body(bytes)
                .queryParam("fileName", fileName).queryParam("path", path)
                .post("/api/cases/" + caseId + "/seizures/" + seizureId + "/media");
    }

    @Test
    void anUploadIsHashedOnceStoredEncryptedAndReturnedVerified() throws Exception {
        UUID caseId = CaseFixture.openCase("officer");
        UUID seizureId = MediaFixture.seizure(caseId, "officer");
        byte[] png = MediaFixture.uniquePng();
        String sha256 = MediaFixture.sha256(png);

        JsonPath item = uploadRaw("officer", caseId, seizureId, png, "holiday.png", "/Users/x/Pictures")
                .then().statusCode(201)
                .body("status", equalTo(201)).body("outcome", equalTo("NEW_ITEM")).body("fileName", equalTo("holiday.png"))
                .rootPath("item")
                .body("sha256", equalTo(sha256)).body("md5", notNullValue()).body("sha1", notNullValue())
                .body("pdq", notNullValue()).body("pdqQuality", equalTo(100))
                .body("mimeType", equalTo("image/png")).body("width", equalTo(320)).body("height", equalTo(240))
                .body("size", equalTo(png.length)).body("hasContent", equalTo(true))
                .body("locations", hasSize(1)).body("locations[0].path", equalTo("/Users/x/Pictures"))
                .body("locations[0].fileName", equalTo("holiday.png"))
                .extract().jsonPath();
        String mediaId = item.getString("item.id");

        // At rest the object is ciphertext, under a key derived from its SHA-256.
        List<String> keys = objectKeys("blobs/" + sha256.substring(0, 2) + "/" + sha256 + "/");
        assertThat(keys).hasSize(1);
        byte[] stored = minio.getObject(io.minio.GetObjectArgs.builder().bucket("vidcase-evidence").object(keys.get(0)).build())
                .readAllBytes();
        assertThat(stored).isNotEqualTo(png);
        // No 32-byte run of the plaintext survives (a chance match of 32 bytes is impossible in practice).
        String ciphertext = new String(stored, java.nio.charset.StandardCharsets.ISO_8859_1);
        for (int offset = 0; offset + 32 <= png.length; offset += 1024) {
            String run = new String(png, offset, 32, java.nio.charset.StandardCharsets.ISO_8859_1);
            assertThat(ciphertext).doesNotContain(run);
        }
        assertThat(objectKeys("staging/")).isEmpty();

        byte[] downloaded = Api.as("officer").queryParam("justification", "triage of exhibit").accept("*/*")
                .get("/api/cases/" + caseId + "/media/" + mediaId + "/content")
                .then().statusCode(200).header("X-Content-SHA256", sha256).extract().asByteArray();
        assertThat(downloaded).isEqualTo(png);

        Api.as("auditor").get("/api/audit/events?action=media.download&objectId=" + mediaId).then().statusCode(200)
                .body("justification", hasItem("triage of exhibit")).body("actor", hasItem("officer"));
    }

    @Test
    void theSameFileTwiceIsOneItemWithTwoLocations() {
        UUID caseId = CaseFixture.openCase("officer");
        UUID seizureA = MediaFixture.seizure(caseId, "officer");
        UUID seizureB = MediaFixture.seizure(caseId, "officer");
        byte[] png = MediaFixture.uniquePng();

        String first = uploadRaw("officer", caseId, seizureA, png, "a.png", "/DCIM").then().statusCode(201)
                .body("outcome", equalTo("NEW_ITEM")).extract().path("item.id");
        // Known content is not answered as a new file: 200, and the outcome says what changed.
        String second = uploadRaw("officer", caseId, seizureB, png, "copy.png", "/Downloads").then().statusCode(200)
                .body("status", equalTo(200)).body("outcome", equalTo("LOCATION_ADDED"))
                .body("item.locations", hasSize(2)).extract().path("item.id");
        assertThat(second).isEqualTo(first);
        uploadRaw("officer", caseId, seizureA, png, "a.png", "/DCIM").then().statusCode(200)
                .body("outcome", equalTo("ALREADY_RECORDED")).body("item.locations", hasSize(2));
        Api.as("officer").get("/api/cases/" + caseId + "/media?seizureId=" + seizureB).then().body("id", hasItem(first));
    }

    @Test
    void theSameNewContentUploadedToTwoCasesAtOnceIsStoredOnce() throws Exception {
        UUID caseA = CaseFixture.openCase("officer");
        UUID seizureA = MediaFixture.seizure(caseA, "officer");
        UUID caseB = CaseFixture.openCase("officer");
        UUID seizureB = MediaFixture.seizure(caseB, "officer");
        byte[] png = MediaFixture.uniquePng();
        String sha256 = MediaFixture.sha256(png);
        Tokens.of("officer");

        var executor = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var first = executor.submit(() -> uploadRaw("officer", caseA, seizureA, png, "a.png", "/").statusCode());
            var second = executor.submit(() -> uploadRaw("officer", caseB, seizureB, png, "b.png", "/").statusCode());
            assertThat(List.of(first.get(), second.get())).containsExactly(201, 201);
        } finally {
            executor.shutdown();
        }
        // One object on record; a losing duplicate is removed after its transaction commits.
        long deadline = System.currentTimeMillis() + 5_000;
        while (objectKeys("blobs/" + sha256.substring(0, 2) + "/" + sha256 + "/").size() > 1
                && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        assertThat(objectKeys("blobs/" + sha256.substring(0, 2) + "/" + sha256 + "/")).hasSize(1);
        for (UUID caseId : List.of(caseA, caseB)) {
            String mediaId = Api.as("officer").get("/api/cases/" + caseId + "/media").then().body("", hasSize(1))
                    .extract().path("[0].id");
            assertThat(Api.as("officer").queryParam("justification", "race check").accept("*/*")
                    .get("/api/cases/" + caseId + "/media/" + mediaId + "/content").then().statusCode(200)
                    .extract().asByteArray()).isEqualTo(png);
        }
    }

    @Test
    void theSameContentUploadedTwiceAtOnceToOneCaseBecomesOneItemWithTwoLocations() throws Exception {
        UUID caseId = CaseFixture.openCase("officer");
        UUID seizureId = MediaFixture.seizure(caseId, "officer");
        byte[] png = MediaFixture.uniquePng();
        Tokens.of("officer");
        var executor = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var first = executor.submit(() -> uploadRaw("officer", caseId, seizureId, png, "a.png", "/one").statusCode());
            var second = executor.submit(() -> uploadRaw("officer", caseId, seizureId, png, "a.png", "/two").statusCode());
            // One of them filed the new item, the other added its location to it.
            assertThat(List.of(first.get(), second.get())).containsExactlyInAnyOrder(201, 200);
        } finally {
            executor.shutdown();
        }
        Api.as("officer").get("/api/cases/" + caseId + "/media").then().body("", hasSize(1))
                .body("[0].locations", hasSize(2));
    }

    @Test
    void aBatchStoresEveryPartAndNonImagesKeepTheirDigests() {
        UUID caseId = CaseFixture.openCase("officer");
        UUID seizureId = MediaFixture.seizure(caseId, "officer");
        byte[] jpeg = SyntheticImages.jpeg(SyntheticImages.scene(System.nanoTime(), 400, 300), 0.85f);
        byte[] text = ("notes " + UUID.randomUUID()).getBytes();

        given().auth().oauth2(Tokens.of("officer"))
                .multiPart("file", "scene.jpg", jpeg, "image/jpeg")
                .multiPart("file", "notes.txt", text, "text/plain")
                .multiPart("path", "/photos").multiPart("path", "/docs")
                .post("/api/cases/" + caseId + "/seizures/" + seizureId + "/media")
                .then().statusCode(201)
                .body("", hasSize(2))
                .body("[0].item.mimeType", equalTo("image/jpeg")).body("[0].item.pdq", notNullValue())
                .body("[0].item.locations[0].path", equalTo("/photos"))
                .body("[1].item.sha256", equalTo(MediaFixture.sha256(text)))
                .body("[1].item.pdq", equalTo(null))
                .body("[1].item.decodeFailure", equalTo("not an image"));
    }

    @Test
    void anUploadedPhotoShowsItsCameraTimePlaceAndSoftware() {
        UUID caseId = CaseFixture.openCase("officer");
        UUID seizureId = MediaFixture.seizure(caseId, "officer");
        byte[] photo = org.vidcase.hashing.ExifFixture.withExif(
                SyntheticImages.jpeg(SyntheticImages.scene(System.nanoTime(), 320, 240), 0.9f),
                "SyntheCam", "SC-100", "PhotoTool 3.1", "2026:11:20 07:15:00", "+01:00", "SN-000417",
                "SC 35mm f/1.8", 48.8584, 2.2945);

        String mediaId = uploadRaw("officer", caseId, seizureId, photo, "IMG_0417.jpg", "/DCIM/100SYNTH")
                .then().statusCode(201)
                .body("item.exif.make", equalTo("SyntheCam")).body("item.exif.model", equalTo("SC-100"))
                .body("item.exif.bodySerial", equalTo("SN-000417")).body("item.exif.lens", equalTo("SC 35mm f/1.8"))
                .body("item.exif.software", equalTo("PhotoTool 3.1"))
                .body("item.exif.dateTimeOriginal", equalTo("2026-11-20T07:15:00+01:00"))
                .body("item.pdq", notNullValue())
                .extract().path("item.id");
        double latitude = Api.as("officer").get("/api/cases/" + caseId + "/media/" + mediaId).then().statusCode(200)
                .extract().jsonPath().getDouble("exif.gpsLatitude");
        assertThat(latitude).isBetween(48.858, 48.859);
    }

    @Test
    void anUploadWithoutAFileNameIsRefusedAndStoresNothing() {
        UUID caseId = CaseFixture.openCase("officer");
        UUID seizureId = MediaFixture.seizure(caseId, "officer");
        byte[] png = MediaFixture.uniquePng();

        given().auth().oauth2(Tokens.of("officer")).contentType("application/octet-stream").body(png)
                .queryParam("path", "/DCIM")
                .post("/api/cases/" + caseId + "/seizures/" + seizureId + "/media")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("fileName is required"));
        given().auth().oauth2(Tokens.of("officer")).multiPart("file", "", png, "image/png")
                .post("/api/cases/" + caseId + "/seizures/" + seizureId + "/media")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("fileName is required")).body("requestId", notNullValue());
        Api.as("officer").get("/api/cases/" + caseId + "/media").then().body("", hasSize(0));
        assertThat(objectKeys("blobs/" + MediaFixture.sha256(png).substring(0, 2) + "/" + MediaFixture.sha256(png))).isEmpty();
        assertThat(objectKeys("staging/")).isEmpty();
    }

    @Test
    void aNameGivenWithFoldersIsSplitIntoPathAndName() {
        UUID caseId = CaseFixture.openCase("officer");
        UUID seizureId = MediaFixture.seizure(caseId, "officer");

        uploadRaw("officer", caseId, seizureId, MediaFixture.uniquePng(), "100APPLE/IMG_0001.png", "/DCIM")
                .then().statusCode(201).body("fileName", equalTo("IMG_0001.png"))
                .body("item.locations[0].fileName", equalTo("IMG_0001.png"))
                .body("item.locations[0].path", equalTo("/DCIM/100APPLE"));
        // A browser's folder upload sends each file's relative path as its filename.
        given().auth().oauth2(Tokens.of("officer"))
                .multiPart("file", "Holiday/beach.png", MediaFixture.uniquePng(), "image/png")
                .post("/api/cases/" + caseId + "/seizures/" + seizureId + "/media")
                .then().statusCode(201).body("[0].outcome", equalTo("NEW_ITEM"))
                .body("[0].item.locations[0].fileName", equalTo("beach.png"))
                .body("[0].item.locations[0].path", equalTo("Holiday"));
    }

    @Test
    void aBatchOfKnownContentAnswers200WithEachOutcome() {
        UUID caseId = CaseFixture.openCase("officer");
        UUID seizureId = MediaFixture.seizure(caseId, "officer");
        byte[] png = MediaFixture.uniquePng();
        uploadRaw("officer", caseId, seizureId, png, "a.png", "/one").then().statusCode(201);

        given().auth().oauth2(Tokens.of("officer"))
                .multiPart("file", "a.png", png, "image/png").multiPart("file", "b.png", png, "image/png")
                .multiPart("path", "/one").multiPart("path", "/two")
                .post("/api/cases/" + caseId + "/seizures/" + seizureId + "/media")
                .then().statusCode(200)
                .body("outcome", equalTo(List.of("ALREADY_RECORDED", "LOCATION_ADDED")))
                .body("status", equalTo(List.of(200, 200)));
        given().auth().oauth2(Tokens.of("officer"))
                .multiPart("file", "c.png", png, "image/png").multiPart("file", "d.png", MediaFixture.uniquePng(), "image/png")
                .post("/api/cases/" + caseId + "/seizures/" + seizureId + "/media")
                .then().statusCode(201)
                .body("outcome", equalTo(List.of("LOCATION_ADDED", "NEW_ITEM")));
    }

    @Test
    void outsidersCannotUploadAndNothingIsStored() {
        UUID caseId = CaseFixture.openCase("officer");
        UUID seizureId = MediaFixture.seizure(caseId, "officer");
        byte[] png = MediaFixture.uniquePng();

        uploadRaw("officer2", caseId, seizureId, png, "x.png", "/").then().statusCode(404)
                .contentType("application/problem+json");
        // Need-to-know comes first: without a name the outsider still learns nothing but 404.
        given().auth().oauth2(Tokens.of("officer2")).contentType("application/octet-stream").body(png)
                .post("/api/cases/" + caseId + "/seizures/" + seizureId + "/media").then().statusCode(404);
        Api.as("officer").get("/api/cases/" + caseId + "/media").then().body("", hasSize(0));
        assertThat(objectKeys("blobs/" + MediaFixture.sha256(png).substring(0, 2) + "/" + MediaFixture.sha256(png))).isEmpty();
    }

    @Test
    void oversizedUploadsAreRefusedAndLeaveNothing() {
        UUID caseId = CaseFixture.openCase("officer");
        UUID seizureId = MediaFixture.seizure(caseId, "officer");
        byte[] big = new byte[6 * 1024 * 1024];
        new java.util.Random(7).nextBytes(big);

        uploadRaw("officer", caseId, seizureId, big, "big.bin", "/").then().statusCode(413)
                .contentType("application/problem+json");
        // Without a length announced, the limit applies while streaming.
        given().auth().oauth2(Tokens.of("officer")).contentType("application/octet-stream")
                .body(new java.io.ByteArrayInputStream(big)).queryParam("fileName", "big.bin")
                .post("/api/cases/" + caseId + "/seizures/" + seizureId + "/media")
                .then().statusCode(413).contentType("application/problem+json");
        Api.as("officer").get("/api/cases/" + caseId + "/media").then().body("", hasSize(0));
        assertThat(objectKeys("staging/")).isEmpty();
    }

    @Test
    void withoutStorageAnUploadAnswers503AndLeavesNoRow() throws Exception {
        UUID caseId = CaseFixture.openCase("officer");
        UUID seizureId = MediaFixture.seizure(caseId, "officer");
        byte[] png = MediaFixture.uniquePng();
        try (StorageOutage outage = StorageOutage.begin()) {
            uploadRaw("officer", caseId, seizureId, png, "x.png", "/").then().statusCode(503)
                    .contentType("application/problem+json").body("detail", containsString("nothing was stored"));
        }
        Api.as("officer").get("/api/cases/" + caseId + "/media").then().body("", hasSize(0));
        uploadRaw("officer", caseId, seizureId, png, "x.png", "/").then().statusCode(201);
    }

    @Test
    void downloadsNeedAJustificationAndTheTeam() {
        UUID caseId = CaseFixture.openCase("officer");
        UUID seizureId = MediaFixture.seizure(caseId, "officer");
        String mediaId = uploadRaw("officer", caseId, seizureId, MediaFixture.uniquePng(), "x.png", "/")
                .then().statusCode(201).extract().path("item.id");

        Api.as("officer").accept("*/*").get("/api/cases/" + caseId + "/media/" + mediaId + "/content")
                .then().statusCode(400).contentType("application/problem+json");
        Api.as("officer2").accept("*/*").queryParam("justification", "curious")
                .get("/api/cases/" + caseId + "/media/" + mediaId + "/content").then().statusCode(404);
    }

    @Test
    void officersCategoriseAndTheHistoryIsKept() {
        UUID caseId = CaseFixture.openCase("officer");
        UUID seizureId = MediaFixture.seizure(caseId, "officer");
        String mediaId = uploadRaw("officer", caseId, seizureId, MediaFixture.uniquePng(), "x.png", "/")
                .then().statusCode(201).extract().path("item.id");
        String base = "/api/cases/" + caseId + "/media/" + mediaId;

        Api.as("officer").body(Map.of("category", "1", "flags", Map.of("distributed", true), "tags", List.of("bedroom")))
                .put(base + "/categorisation").then().statusCode(200)
                .body("category", equalTo("1")).body("categorySource", equalTo("HUMAN"))
                .body("flags.distributed", equalTo(true)).body("tags", hasItem("bedroom"));
        Api.as("officer").body(Map.of("category", "4", "note", "comparison image"))
                .put(base + "/categorisation").then().statusCode(200);
        Api.as("officer").body(Map.of("category", "Z")).put(base + "/categorisation").then().statusCode(422)
                .body("detail", containsString("not defined"));
        Api.as("officer").get(base + "/categorisations").then().statusCode(200)
                .body("category", equalTo(List.of("1", "4"))).body("[1].note", equalTo("comparison image"))
                .body("categorisedBy", hasItem("officer"));
        // The item shows its latest note under the request's name; a categorisation without one keeps it.
        Api.as("officer").get(base).then().body("note", equalTo("comparison image")).body("notes", equalTo(null));
        Api.as("officer").body(Map.of("category", "4")).put(base + "/categorisation").then().statusCode(200)
                .body("note", equalTo("comparison image"));
    }

    @Test
    void categoriesMustBeJsonStringsAndFlagsBooleans() {
        UUID caseId = CaseFixture.openCase("officer");
        UUID seizureId = MediaFixture.seizure(caseId, "officer");
        String mediaId = uploadRaw("officer", caseId, seizureId, MediaFixture.uniquePng(), "x.png", "/")
                .then().statusCode(201).extract().path("item.id");
        String base = "/api/cases/" + caseId + "/media/" + mediaId;

        Api.as("officer").body("{\"category\": 1}").put(base + "/categorisation").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("category")).body("errors[0].message", containsString("JSON string"));
        Api.as("officer").body("{\"category\": true}").put(base + "/categorisation").then().statusCode(400)
                .body("errors[0].field", equalTo("category"));
        Api.as("officer").body("{\"category\": \"1\", \"flags\": {\"distributed\": \"true\"}}")
                .put(base + "/categorisation").then().statusCode(400)
                .body("errors[0].field", equalTo("flags.distributed")).body("errors[0].message", containsString("true or false"));
        Api.as("officer").body("{\"category\": \"1\", \"flags\": {\"distributed\": 1}}")
                .put(base + "/categorisation").then().statusCode(400).body("errors[0].field", equalTo("flags.distributed"));
        Api.as("officer").body("{\"category\": \"1\", \"tags\": [7]}").put(base + "/categorisation")
                .then().statusCode(400).body("errors[0].field", equalTo("tags[0]"));
        // Nothing was recorded by the refused requests.
        Api.as("officer").get(base).then().body("category", equalTo(null));
        Api.as("officer").get(base + "/categorisations").then().body("", hasSize(0));
    }

    @Test
    void anUnknownCategoryIsRefusedWithTheSchemeListed() {
        UUID caseId = CaseFixture.openCase("officer");
        UUID seizureId = MediaFixture.seizure(caseId, "officer");
        String mediaId = uploadRaw("officer", caseId, seizureId, MediaFixture.uniquePng(), "x.png", "/")
                .then().statusCode(201).extract().path("item.id");
        Api.as("officer").body(Map.of("category", "9")).put("/api/cases/" + caseId + "/media/" + mediaId + "/categorisation")
                .then().statusCode(422)
                .body("detail", containsString("1 (Child abuse material)"))
                .body("detail", containsString("4 (Comparison material, not pertinent)"))
                .body("detail", containsString("GET /api/categories"));
    }

    @Test
    void theActiveSchemeIsListed() {
        for (String user : List.of("officer", "investigator", "liaison", "supervisor", "auditor")) {
            Api.as(user).get("/api/categories").then().statusCode(200)
                    .body("scheme", equalTo("vics"))
                    .body("categories.code", equalTo(List.of("0", "1", "2", "3", "4")))
                    .body("categories.find { it.code == '1' }.label", equalTo("Child abuse material"))
                    .body("categories.find { it.code == '1' }.alert", equalTo(true))
                    .body("categories.find { it.code == '4' }.alert", equalTo(false))
                    .body("categories.description", org.hamcrest.Matchers.everyItem(notNullValue()));
        }
    }

    @Test
    void theCategorisationEventRecordsOldAndNewValuesButNoNoteText() throws Exception {
        UUID caseId = CaseFixture.openCase("officer");
        UUID seizureId = MediaFixture.seizure(caseId, "officer");
        String mediaId = uploadRaw("officer", caseId, seizureId, MediaFixture.uniquePng(), "x.png", "/")
                .then().statusCode(201).extract().path("item.id");
        String base = "/api/cases/" + caseId + "/media/" + mediaId;
        Api.as("officer").body(Map.of("category", "2", "flags", Map.of("distributed", true), "series", "S-7",
                "tags", List.of("bedroom"))).put(base + "/categorisation").then().statusCode(200);
        Api.as("officer").body(Map.of("category", "1", "flags", Map.of("distributed", true, "victimIdentified", true),
                "tags", List.of("outdoor"), "note", "the words of a private note")).put(base + "/categorisation")
                .then().statusCode(200);

        List<String> details = Api.as("auditor").get("/api/audit/events?action=media.categorise&objectId=" + mediaId)
                .then().statusCode(200).extract().jsonPath().getList("detail", String.class);
        assertThat(details).hasSize(2);
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        var first = json.readTree(details.stream().filter(d -> d.contains("\"to\":\"2\"")).findFirst().orElseThrow());
        assertThat(first.at("/category/from").isNull()).isTrue();
        assertThat(first.at("/flags/distributed/to").asBoolean()).isTrue();
        assertThat(first.at("/series/to").asText()).isEqualTo("S-7");
        assertThat(first.at("/tags/added/0").asText()).isEqualTo("bedroom");
        assertThat(first.at("/noteGiven").asBoolean()).isFalse();
        var second = json.readTree(details.stream().filter(d -> d.contains("\"to\":\"1\"")).findFirst().orElseThrow());
        assertThat(second.at("/category/from").asText()).isEqualTo("2");
        assertThat(second.at("/category/to").asText()).isEqualTo("1");
        assertThat(second.at("/flags/victimIdentified/to").asBoolean()).isTrue();
        assertThat(second.has("series")).as("unchanged series not repeated").isFalse();
        assertThat(second.at("/flags").has("distributed")).as("unchanged flag not repeated").isFalse();
        assertThat(second.at("/tags/removed/0").asText()).isEqualTo("bedroom");
        assertThat(second.at("/noteGiven").asBoolean()).isTrue();
        assertThat(String.join("\n", details)).doesNotContain("private note");
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
