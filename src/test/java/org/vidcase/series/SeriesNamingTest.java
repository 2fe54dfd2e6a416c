package org.vidcase.series;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.vidcase.localstack.LocalStackTestResource;
import org.vidcase.testsupport.Api;
import org.vidcase.testsupport.CaseFixture;
import org.vidcase.testsupport.HashSetFixture;
import org.vidcase.testsupport.Jobs;
import org.vidcase.testsupport.MediaFixture;
import org.vidcase.testsupport.Tokens;

/**
 * The series text of items (an officer's categorisation, an imported export) becomes membership of
 * the series known by that name in the case, without overriding officers.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, restrictToAnnotatedClass = false)
class SeriesNamingTest {

    private final Random random = new Random(77);

    @Test
    void anOfficersCategorisationNamesTheSeriesAtOnceAndARenameKeepsTheOldName() {
        UUID caseId = CaseFixture.openCase("officer");
        UUID seizureId = MediaFixture.seizure(caseId, "officer");
        String first = upload(caseId, seizureId);
        String second = upload(caseId, seizureId);
        String third = upload(caseId, seizureId);

        categorise(caseId, first, "Blue Room");
        String id = seriesNamed(caseId, "Blue Room");
        assertThat(id).isNotNull();
        JsonPath blue = series(caseId, id);
        assertThat(blue.getString("members.find { it.mediaItemId == '" + first + "' }.joinedBy")).isEqualTo("NAME");
        assertThat(blue.getString("members.find { it.mediaItemId == '" + first + "' }.state")).isEqualTo("CONFIRMED");
        assertThat(blue.getString("members.find { it.mediaItemId == '" + first + "' }.addedBy")).isEqualTo("officer");

        // Spacing and case do not make another series.
        categorise(caseId, second, "  blue   ROOM ");
        assertThat(members(caseId, id)).containsExactlyInAnyOrder(first, second);
        assertThat(Api.as("officer").get("/api/cases/" + caseId + "/series").then().statusCode(200)
                .extract().<List<String>>path("name")).containsOnlyOnce("Blue Room");

        // Renamed, the series is still what the old name means.
        Api.as("officer").body(Map.of("version", series(caseId, id).getLong("version"), "name", "Bedroom 7"))
                .patch("/api/cases/" + caseId + "/series/" + id).then().statusCode(200);
        categorise(caseId, third, "Blue Room");
        categorise(caseId, first, "bedroom 7");
        assertThat(members(caseId, id)).containsExactlyInAnyOrder(first, second, third);

        // The officer rejects one from the series; recategorising it elsewhere moves it there.
        decide(caseId, id, second, "REJECT");
        assertThat(members(caseId, id)).containsExactlyInAnyOrder(first, third);
        categorise(caseId, third, "Garden");
        String garden = seriesNamed(caseId, "Garden");
        assertThat(members(caseId, garden)).containsExactly(third);
        assertThat(members(caseId, id)).containsExactly(first);
        // Clearing the series text takes away the membership the name made.
        categorise(caseId, third, "");
        assertThat(members(caseId, garden)).isEmpty();

        List<String> events = Api.as("officer").get("/api/cases/" + caseId + "/series/" + id + "/history").then().statusCode(200).extract().path("action");
        assertThat(events).contains("members-named", "members-renamed-away");

        // The index knows the membership: the series filters the media list.
        List<String> inSeries = await(() -> Api.as("officer").queryParam("seriesId", id)
                .get("/api/cases/" + caseId + "/media").then().statusCode(200).extract().path("id"),
                ids -> ids.size() == 1);
        assertThat(inSeries).containsExactly(first);

        // The same name in another case is another series.
        UUID other = CaseFixture.openCase("officer");
        String elsewhere = upload(other, MediaFixture.seizure(other, "officer"));
        categorise(other, elsewhere, "Blue Room");
        assertThat(seriesNamed(other, "Blue Room")).isNotNull().isNotEqualTo(id);
    }

    @Test
    void anImportedExportsAndAHashSetsSeriesBecomeSeriesWithoutMovingAnOfficersMember() {
        UUID caseId = CaseFixture.openCase("officer");
        UUID seizureId = MediaFixture.seizure(caseId, "officer");
        String name = "Lighthouse " + random.nextInt(1_000_000);
        String md5a = hex(32);
        String md5b = hex(32);
        importVics(caseId, seizureId, md5a, name, md5b, name.toUpperCase());

        // One series for both spellings, known by whichever the linking met first.
        List<Map<String, Object>> named = Api.as("officer").get("/api/cases/" + caseId + "/series").then().statusCode(200)
                .extract().path("findAll { it.name.equalsIgnoreCase('" + name + "') }");
        assertThat(named).as("the import turns the imported series into one").hasSize(1);
        assertThat((String) named.get(0).get("name")).isIn(name, name.toUpperCase());
        String id = (String) named.get(0).get("id");
        // Linked by the import itself: there when the job reports success.
        List<Map<String, Object>> imported = series(caseId, id).getList("members");
        assertThat(imported).hasSize(2).allSatisfy(m -> {
            assertThat(m.get("joinedBy")).isEqualTo("NAME");
            assertThat(m.get("addedBy")).isEqualTo("import");
        });
        assertThat(series(caseId, id).getString("createdBy")).contains("series names");


        // A reference hash set names a series for two uploaded pictures: the one an officer had put in a series of
        // their own stays there; the other joins the series the hash set names.
        byte[] x = MediaFixture.uniquePng();
        byte[] y = MediaFixture.uniquePng();
        String itemX = upload(caseId, seizureId, x);
        String itemY = upload(caseId, seizureId, y);
        String manual = Api.as("officer").body(Map.of("name", "Manual " + random.nextInt(1000), "mediaItemIds", List.of(itemX)))
                .post("/api/cases/" + caseId + "/series").then().statusCode(201).extract().path("id");
        String hashSetSeries = "Known series " + random.nextInt(1_000_000);
        String set = HashSetFixture.create("Reference " + random.nextInt(1_000_000), "PROJECT_VIC", "ALERT", null);
        HashSetFixture.setActive(set, true);
        String entries = """
                {"odata.metadata": "http://github.com/ICMEC/ProjectVic/DataModels/1.3.xml#Cases",
                 "value": [{"Media": [{"MediaID": 1, "MD5": "%s", "Category": 1, "Series": "%s"},
                                      {"MediaID": 2, "MD5": "%s", "Category": 1, "Series": "%s"}]}]}
                """.formatted(md5(x), hashSetSeries, md5(y), hashSetSeries);
        JsonPath job = HashSetFixture.importAndWait(set, "VICS", entries.getBytes(StandardCharsets.UTF_8));
        assertThat(Jobs.awaitEnd(job.getString("result.rematchJobId"), "supervisor").getString("state"))
                .isEqualTo("SUCCEEDED");
        String known = seriesNamed(caseId, hashSetSeries);
        assertThat(known).as("the rematch turns the hash set's series into one of the case").isNotNull();
        assertThat(members(caseId, known)).containsExactly(itemY);
        assertThat(members(caseId, manual)).containsExactly(itemX);
        assertThat(Api.as("officer").get("/api/cases/" + caseId + "/media/" + itemX).then().statusCode(200)
                .extract().<String>path("series")).isEqualTo(hashSetSeries);
    }

    @Test
    void seriesTextLeftWaitingIsLinkedByTheSweep() throws Exception {
        UUID caseId = CaseFixture.openCase("officer");
        String item = upload(caseId, MediaFixture.seizure(caseId, "officer"));
        String name = "Left behind " + random.nextInt(1_000_000);
        // As a crash between an import's commit and its linking would leave it.
        try (var c = dataSource.getConnection(); var s = c.prepareStatement("UPDATE media_item SET series = ? WHERE id = ?")) {
            s.setString(1, name);
            s.setObject(2, UUID.fromString(item));
            assertThat(s.executeUpdate()).isEqualTo(1);
        }
        String id = await(() -> seriesNamed(caseId, name), s -> s != null);
        assertThat(id).as("the sweep links what was left waiting").isNotNull();
        assertThat(members(caseId, id)).containsExactly(item);
    }

    @jakarta.inject.Inject
    io.agroal.api.AgroalDataSource dataSource;

    private static String md5(byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("MD5").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    private static void importVics(UUID caseId, UUID seizureId, String md5a, String seriesA, String md5b, String seriesB) {
        String vics = """
                {"odata.metadata": "http://github.com/ICMEC/ProjectVic/DataModels/1.3.xml#Cases",
                 "value": [{"Media": [
                   {"MediaID": 1, "MD5": "%s", "Category": 1, "Series": "%s",
                    "MediaFiles": [{"FileName": "a.jpg", "FilePath": "C:\\\\x\\\\a.jpg"}]},
                   {"MediaID": 2, "MD5": "%s", "Category": 2, "Series": "%s"}]}]}
                """.formatted(md5a, seriesA, md5b, seriesB);
        String jobId = given().auth().oauth2(Tokens.of("officer")).contentType("application/json").body(vics)
                .post("/api/cases/" + caseId + "/seizures/" + seizureId + "/imports").then().statusCode(202)
                .extract().path("id");
        assertThat(Jobs.awaitEnd(jobId, "officer").getString("state")).isEqualTo("SUCCEEDED");
    }

    private String hex(int length) {
        StringBuilder s = new StringBuilder();
        while (s.length() < length) {
            s.append(Integer.toHexString(random.nextInt(16)));
        }
        return s.toString();
    }

    private static void categorise(UUID caseId, String item, String series) {
        Api.as("officer").body(Map.of("category", "2", "series", series))
                .put("/api/cases/" + caseId + "/media/" + item + "/categorisation").then().statusCode(200);
    }

    private static void decide(UUID caseId, String seriesId, String item, String decision) {
        Api.as("officer").body(Map.of("decision", decision))
                .post("/api/cases/" + caseId + "/series/" + seriesId + "/members/" + item + "/decision")
                .then().statusCode(200);
    }

    private static String seriesNamed(UUID caseId, String name) {
        List<Map<String, Object>> all = Api.as("officer").get("/api/cases/" + caseId + "/series").then().statusCode(200)
                .extract().path("$");
        return all.stream().filter(s -> name.equals(s.get("name"))).map(s -> (String) s.get("id")).findFirst().orElse(null);
    }

    private static JsonPath series(UUID caseId, String id) {
        return Api.as("officer").get("/api/cases/" + caseId + "/series/" + id).then().statusCode(200).extract().jsonPath();
    }

    private static List<String> members(UUID caseId, String id) {
        List<Map<String, Object>> members = series(caseId, id).getList("members");
        return members.stream().filter(m -> !"REJECTED".equals(m.get("state"))).map(m -> (String) m.get("mediaItemId"))
                .toList();
    }

    private static String upload(UUID caseId, UUID seizureId) {
        return upload(caseId, seizureId, MediaFixture.uniquePng());
    }

    private static String upload(UUID caseId, UUID seizureId, byte[] bytes) {
        return given().auth().oauth2(Tokens.of("officer")).contentType("application/octet-stream")
                .body(bytes).queryParam("fileName", "n.png")
                .post("/api/cases/" + caseId + "/seizures/" + seizureId + "/media")
                .then().statusCode(201).extract().path("item.id");
    }

    private static <T> T await(Supplier<T> call, java.util.function.Predicate<T> done) {
        long deadline = System.currentTimeMillis() + 30_000;
        T last = call.get();
        while (!done.test(last) && System.currentTimeMillis() < deadline) {
            sleep(300);
            last = call.get();
        }
        return last;
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
