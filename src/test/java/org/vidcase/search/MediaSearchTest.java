package org.vidcase.search;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.ConfigProvider;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.vidcase.hashing.ExifFixture;
import org.vidcase.localstack.LocalStackTestResource;
import org.vidcase.localstack.SearchOutage;
import org.vidcase.synthetic.ProceduralScene;
import org.vidcase.synthetic.SyntheticImages;
import org.vidcase.testsupport.Api;
import org.vidcase.testsupport.CaseFixture;
import org.vidcase.testsupport.MediaFixture;
import org.vidcase.testsupport.Tokens;

/** GET /media with words and index-only filters, and its facets, on the real index. */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, restrictToAnnotatedClass = false)
class MediaSearchTest {

    private final Random random = new Random(4242);

    @Test
    void findsItemsByWordsFileNamePartsFoldersAndCameraAndCountsFacets() {
        UUID caseId = CaseFixture.openCase("officer");
        UUID phone = MediaFixture.seizure(caseId, "officer");
        UUID laptop = MediaFixture.seizure(caseId, "officer");
        String beach = upload(caseId, phone, MediaFixture.uniquePng(), "HolidayPics2019.PNG", "/DCIM/Ålesund");
        String camera = upload(caseId, phone, ExifFixture.withExif(SyntheticImages.jpeg(
                        ProceduralScene.of(random.nextLong()).render(320, 240), 0.85f), "Canon", "EOS 5D", "Firmware 1.1",
                "2019:07:01 10:00:00", "+02:00", "SN-77123", "EF50mm", 60.47, 8.47),
                "IMG_0042.jpg", "C:\\Users\\Bob\\Pictures");
        String plain = upload(caseId, laptop, MediaFixture.uniquePng(), "scan.png", "C:\\Users\\Bob\\Documents");
        Api.as("officer").body(Map.of("category", "2", "note", "Strand bei Straße, café sign visible",
                        "tags", List.of("beach")))
                .put("/api/cases/" + caseId + "/media/" + beach + "/categorisation").then().statusCode(200);

        // Words: accents folded, parts of a file name, the note, the tag.
        assertThat(awaitIds(caseId, Map.of("q", "strasse CAFE"), ids -> ids.contains(beach))).containsExactly(beach);
        assertThat(ids(caseId, Map.of("q", "holiday 2019"))).containsExactly(beach);
        assertThat(ids(caseId, Map.of("q", "img 42"))).containsExactly(camera);
        assertThat(ids(caseId, Map.of("q", "alesund"))).containsExactly(beach);
        assertThat(ids(caseId, Map.of("q", "IMG00*"))).containsExactly(camera);
        assertThat(ids(caseId, Map.of("q", "png -holiday"))).containsExactly(plain);
        assertThat(ids(caseId, Map.of("q", "nothing-like-this"))).isEmpty();
        // Camera fields: words and filters.
        assertThat(ids(caseId, Map.of("q", "canon"))).containsExactly(camera);
        assertThat(ids(caseId, Map.of("make", "Canon"))).containsExactly(camera);
        assertThat(ids(caseId, Map.of("serial", "SN-77123"))).containsExactly(camera);
        // A folder and everything below it, whatever the slashes and case.
        assertThat(ids(caseId, Map.of("folder", "c:/users/BOB"))).containsExactlyInAnyOrder(camera, plain);
        assertThat(ids(caseId, Map.of("folder", "C:\\Users\\Bob\\Documents\\"))).containsExactly(plain);
        assertThat(ids(caseId, Map.of("extension", ".JPG"))).containsExactly(camera);
        assertThat(ids(caseId, Map.of("tag", "beach", "seizureId", phone.toString()))).containsExactly(beach);
        assertThat(ids(caseId, Map.of("q", "png", "seizureId", laptop.toString()))).containsExactly(plain);

        JsonPath facets = Api.as("officer").get("/api/cases/" + caseId + "/media/facets").then().statusCode(200)
                .extract().jsonPath();
        assertThat(facets.getLong("total")).isEqualTo(3);
        assertThat(facets.getInt("facets.category.find { it.value == '2' }.count")).isEqualTo(1);
        assertThat(facets.getInt("facets.category.find { it.value == null }.count")).isEqualTo(2);
        assertThat(facets.getInt("facets.seizure.find { it.value == '" + phone + "' }.count")).isEqualTo(2);
        assertThat(facets.getInt("facets.extension.find { it.value == 'png' }.count")).isEqualTo(2);
        assertThat(facets.getInt("facets.make.find { it.value == 'Canon' }.count")).isEqualTo(1);
        JsonPath narrowed = Api.as("officer").queryParam("q", "bob").queryParam("facet", "mediaType")
                .get("/api/cases/" + caseId + "/media/facets").then().statusCode(200).extract().jsonPath();
        assertThat(narrowed.getLong("total")).isEqualTo(2);
        assertThat(narrowed.getMap("facets")).containsOnlyKeys("mediaType");
        assertThat(narrowed.getInt("facets.mediaType.find { it.value == 'image/jpeg' }.count")).isEqualTo(1);

        List<String> details = Api.as("auditor").get("/api/audit/events?action=media.list&actor=officer&size=1000")
                .then().statusCode(200).extract().path("detail");
        assertThat(details).anyMatch(d -> d != null && d.contains("strasse CAFE"));
    }

    @Test
    void searchesOnlyTheCaseAndRefusesWhatItCannotAnswer() {
        UUID mine = CaseFixture.openCase("officer");
        UUID theirs = CaseFixture.openCase("officer2");
        String word = "zebra" + Long.toString(Math.abs(random.nextLong()), 36).replaceAll("[0-9]", "");
        String own = upload(mine, MediaFixture.seizure(mine, "officer"), MediaFixture.uniquePng(), word + ".png", "/a");
        String other = upload("officer2", theirs, MediaFixture.seizure(theirs, "officer2"), MediaFixture.uniquePng(), word + ".png", "/a");
        assertThat(awaitIds(mine, Map.of("q", word), ids -> ids.contains(own))).containsExactly(own).doesNotContain(other);
        awaitIds(theirs, "officer2", Map.of("q", word), ids -> ids.contains(other));

        // Outside the team the case does not exist, with words or without.
        Api.as("officer2").queryParam("q", word).get("/api/cases/" + mine + "/media").then().statusCode(404);
        Api.as("officer2").get("/api/cases/" + mine + "/media/facets").then().statusCode(404);

        Api.as("officer").queryParam("q", "a*").get("/api/cases/" + mine + "/media").then().statusCode(400)
                .contentType("application/problem+json").body("detail", Matchers.containsString("q: "));
        Api.as("officer").queryParam("facet", "colour").get("/api/cases/" + mine + "/media/facets").then()
                .statusCode(400).body("detail", Matchers.containsString("colour"));
        Api.as("officer").queryParam("facetSize", 0).get("/api/cases/" + mine + "/media/facets").then().statusCode(400);
        Api.as("officer").queryParam("q", word).queryParam("page", 10).queryParam("size", 1000)
                .get("/api/cases/" + mine + "/media").then().statusCode(422);
    }

    @Test
    void wordsAnswer503WhileTheIndexIsDownAndPlainListsStillAnswer() {
        UUID caseId = CaseFixture.openCase("officer");
        String item = upload(caseId, MediaFixture.seizure(caseId, "officer"), MediaFixture.uniquePng(), "x.png", "/");
        Tokens.of("officer");
        try (SearchOutage outage = SearchOutage.begin()) {
            Api.as("officer").queryParam("q", "x").get("/api/cases/" + caseId + "/media").then().statusCode(503)
                    .contentType("application/problem+json").body("detail", Matchers.containsString("unreachable"));
            Api.as("officer").get("/api/cases/" + caseId + "/media/facets").then().statusCode(503);
            Api.as("officer").get("/api/cases/" + caseId + "/media").then().statusCode(200)
                    .body("id", Matchers.hasItem(item));
        }
    }

    @Test
    void theReviewQueueLeavesOutAVideoStillBeingDecoded() throws SQLException {
        UUID caseId = CaseFixture.openCase("officer");
        String word = "okapi" + Long.toString(Math.abs(random.nextLong()), 36).replaceAll("[0-9]", "");
        String item = upload(caseId, MediaFixture.seizure(caseId, "officer"), MediaFixture.uniquePng(), word + ".png", "/v");
        Map<String, String> queue = Map.of("q", word, "review", "TO_REVIEW");
        assertThat(awaitIds(caseId, queue, ids -> ids.contains(item))).containsExactly(item);

        // The decoder has not run yet: found by its words, but not yet in the queue.
        superuser("UPDATE media_item SET video_state = 'PENDING' WHERE id = ?", UUID.fromString(item));
        assertThat(awaitIds(caseId, queue, ids -> !ids.contains(item))).doesNotContain(item);
        assertThat(ids(caseId, Map.of("q", word))).containsExactly(item);

        superuser("UPDATE media_item SET video_state = 'HASHED' WHERE id = ?", UUID.fromString(item));
        assertThat(awaitIds(caseId, queue, ids -> ids.contains(item))).containsExactly(item);
    }

    private static void superuser(String statement, Object... parameters) throws SQLException {
        String url = ConfigProvider.getConfig().getValue("vidcase-test.db.superuser-url", String.class);
        try (Connection c = DriverManager.getConnection(url); PreparedStatement s = c.prepareStatement(statement)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            s.executeUpdate();
        }
    }

    private static List<String> ids(UUID caseId, Map<String, String> params) {
        return Api.as("officer").queryParams(params).get("/api/cases/" + caseId + "/media").then().statusCode(200)
                .extract().path("id");
    }

    private static List<String> awaitIds(UUID caseId, Map<String, String> params, Predicate<List<String>> done) {
        return awaitIds(caseId, "officer", params, done);
    }

    /** Waits until the index holds what was just written (the outbox indexes within moments). */
    private static List<String> awaitIds(UUID caseId, String user, Map<String, String> params,
                                         Predicate<List<String>> done) {
        Supplier<List<String>> call = () -> Api.as(user).queryParams(params).get("/api/cases/" + caseId + "/media")
                .then().statusCode(200).extract().path("id");
        long deadline = System.currentTimeMillis() + 30_000;
        List<String> last = call.get();
        while (!done.test(last) && System.currentTimeMillis() < deadline) {
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            last = call.get();
        }
        return last;
    }

    private static String upload(UUID caseId, UUID seizureId, byte[] bytes, String name, String path) {
        return upload("officer", caseId, seizureId, bytes, name, path);
    }

    private static String upload(String user, UUID caseId, UUID seizureId, byte[] bytes, String name, String path) {
        return given().auth().oauth2(Tokens.of(user))
                .contentType("application/octet-stream").body(bytes)
                .queryParam("fileName", name).queryParam("path", path)
                .post("/api/cases/" + caseId + "/seizures/" + seizureId + "/media")
                .then().statusCode(201).extract().path("item.id");
    }
}
