package org.vidcase.media;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.Comparator;
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

@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, restrictToAnnotatedClass = false)
class MediaImportExportTest {

    @jakarta.inject.Inject
    org.vidcase.jobs.service.JobService jobs;

    private static String hex(int length, long seed) {
        StringBuilder s = new StringBuilder();
        java.util.Random r = new java.util.Random(seed);
        while (s.length() < length) {
            s.append(Integer.toHexString(r.nextInt(16)));
        }
        return s.toString();
    }

    /** A VICS 1.3 case export: three good records (one found twice) and one with a malformed MD5. */
    private static String vics13(long seed) {
        return """
                {"odata.metadata": "http://github.com/ICMEC/ProjectVic/DataModels/1.3.xml#Cases",
                 "value": [{"CaseNumber": "SOURCE-CASE-9", "Media": [
                   {"MediaID": 1, "MD5": "%s", "SHA1": "%s", "Category": 1, "VictimIdentified": "true",
                    "IsDistributed": true, "Series": "Lighthouse", "MediaSize": 2048,
                    "MediaFiles": [{"FileName": "a.jpg", "FilePath": "C:\\\\Users\\\\x\\\\a.jpg"},
                                   {"FileName": "a (1).jpg", "FilePath": "D:\\\\backup\\\\a (1).jpg"}],
                    "Exifs": [{"PropertyName": "Make", "PropertyValue": "SyntheticCam"},
                              {"PropertyName": "Model", "PropertyValue": "Model 9"}]},
                   {"MediaID": 2, "MD5": "not-a-hash", "Category": 1},
                   {"MediaID": 3, "MD5": "%s", "Category": "2", "OffenderIdentified": "no",
                    "AlternativeHashes": [{"HashName": "SHA256", "HashValue": "%s"}]},
                   {"MediaID": 4, "MD5": "%s"}
                 ]}]}
                """.formatted(hex(32, seed), hex(40, seed + 1), hex(32, seed + 2), hex(64, seed + 3), hex(32, seed + 4));
    }

    private static String importFile(UUID caseId, UUID seizureId, String contentType, String body) {
        return given().auth().oauth2(Tokens.of("officer")).contentType(contentType).body(body)
                .post("/api/cases/" + caseId + "/seizures/" + seizureId + "/imports")
                .then().statusCode(202).body("type", equalTo("media-import")).extract().path("id");
    }

    @Test
    void aVicsExportBecomesItemsWithLocationsAndBadRecordsAreReported() {
        UUID caseId = CaseFixture.openCase("officer");
        UUID seizureId = MediaFixture.seizure(caseId, "officer");
        String vics = vics13(System.nanoTime());

        JsonPath job = Jobs.awaitEnd(importFile(caseId, seizureId, "application/json", vics), "officer");
        assertThat(job.getString("state")).isEqualTo("SUCCEEDED");
        assertThat(job.getLong("errorCount")).isEqualTo(1);
        assertThat(job.getList("errors", String.class).get(0)).contains("record 1").contains("/Media/1/MD5");
        assertThat(job.getInt("result.newItems")).isEqualTo(3);
        assertThat(job.getInt("result.newLocations")).isEqualTo(2);

        JsonPath items = Api.as("officer").get("/api/cases/" + caseId + "/media").then().statusCode(200)
                .body("", hasSize(3)).extract().jsonPath();
        Map<String, Object> first = items.getList("", Map.class).stream()
                .filter(m -> "Lighthouse".equals(m.get("series"))).findFirst().orElseThrow();
        assertThat(first).containsEntry("category", "1").containsEntry("categorySource", "IMPORT")
                .containsEntry("source", "VICS").containsEntry("hasContent", false);
        assertThat((Map<String, Object>) first.get("flags")).containsEntry("victimIdentified", true)
                .containsEntry("distributed", true);
        assertThat((Map<String, Object>) first.get("exif")).containsEntry("make", "SyntheticCam");
        assertThat((List<?>) first.get("locations")).hasSize(2);

        // The imported category starts the item's history; an officer's decision follows it.
        String history = "/api/cases/" + caseId + "/media/" + first.get("id") + "/categorisations";
        Api.as("officer").get(history).then().statusCode(200)
                .body("source", equalTo(List.of("IMPORT"))).body("[0].category", equalTo("1"));
        Api.as("officer").body(Map.of("category", "4")).put("/api/cases/" + caseId + "/media/" + first.get("id")
                + "/categorisation").then().statusCode(200).body("categorySource", equalTo("HUMAN"));
        Api.as("officer").get(history).then().body("source", equalTo(List.of("IMPORT", "HUMAN")))
                .body("category", equalTo(List.of("1", "4"))).body("[0].categorisedBy", equalTo("officer"));

        // The same file again changes nothing.
        JsonPath again = Jobs.awaitEnd(importFile(caseId, seizureId, "application/json", vics), "officer");
        assertThat(again.getInt("result.newItems")).isZero();
        assertThat(again.getInt("result.newLocations")).isZero();
        Api.as("officer").get("/api/cases/" + caseId + "/media").then().body("", hasSize(3));
        Api.as("auditor").get("/api/audit/events?caseId=" + caseId + "&action=media.import").then().statusCode(200)
                .body("size()", org.hamcrest.Matchers.greaterThanOrEqualTo(4));
    }

    @Test
    void csvWithAHeaderImportsToo() {
        UUID caseId = CaseFixture.openCase("officer");
        UUID seizureId = MediaFixture.seizure(caseId, "officer");
        String csv = "md5;sha1;path;category\n" + hex(32, 11) + ";" + hex(40, 12) + ";/p/one.jpg;1\n"
                + "zz;;/p/bad.jpg;1\n" + hex(32, 13) + ";;/p/two.jpg;\n";

        JsonPath job = Jobs.awaitEnd(importFile(caseId, seizureId, "text/csv", csv), "officer");
        assertThat(job.getString("state")).isEqualTo("SUCCEEDED");
        assertThat(job.getLong("errorCount")).isEqualTo(1);
        assertThat(job.getList("errors", String.class).get(0)).contains("line 3");
        Api.as("officer").get("/api/cases/" + caseId + "/media").then().body("", hasSize(2));
    }

    @Test
    void aFileThatIsNotTheFormatIsRefusedAtOnce() {
        UUID caseId = CaseFixture.openCase("officer");
        UUID seizureId = MediaFixture.seizure(caseId, "officer");
        given().auth().oauth2(Tokens.of("officer")).contentType("application/json").body("{\"hello\": [1, 2]}")
                .post("/api/cases/" + caseId + "/seizures/" + seizureId + "/imports")
                .then().statusCode(422).contentType("application/problem+json")
                .body("detail", containsString("Not a VICS export"));
        given().auth().oauth2(Tokens.of("officer")).contentType("text/csv").body("colour,size\nred,1\n")
                .post("/api/cases/" + caseId + "/seizures/" + seizureId + "/imports")
                .then().statusCode(422).body("detail", containsString("Not a CSV export"));
        Api.as("officer").get("/api/cases/" + caseId + "/media").then().body("", hasSize(0));
    }

    @Test
    void anImportStopsWhenItsCaseIsClosed() {
        UUID caseId = CaseFixture.openCase("officer");
        UUID seizureId = MediaFixture.seizure(caseId, "officer");
        String first = importFile(caseId, seizureId, "application/json", vics13(System.nanoTime()));
        assertThat(Jobs.awaitEnd(first, "officer").getString("state")).isEqualTo("SUCCEEDED");
        String parameters = jobs.find(UUID.fromString(first)).orElseThrow().parameters;

        Api.as("officer").body(Map.of("reason", "closed while an import was queued"))
                .post("/api/cases/" + caseId + "/close").then().statusCode(200);
        // The same stored export, queued again as a restart would: it must not write into the closed case.
        UUID again = jobs.submit(org.vidcase.media.service.MediaImportJob.TYPE, caseId, "officer", parameters).id;
        JsonPath end = Jobs.awaitEnd(again.toString(), "officer");
        assertThat(end.getString("state")).isEqualTo("FAILED");
        assertThat(end.getString("message")).contains("case was closed");
    }

    @Test
    void observersCannotImportOrUpload() {
        UUID caseId = CaseFixture.openCase("officer");
        UUID seizureId = MediaFixture.seizure(caseId, "officer");
        CaseFixture.addMember(caseId, "officer", "investigator", "OBSERVER");
        given().auth().oauth2(Tokens.of("investigator")).contentType("application/json").body(vics13(9))
                .post("/api/cases/" + caseId + "/seizures/" + seizureId + "/imports").then().statusCode(403);
        given().auth().oauth2(Tokens.of("investigator")).contentType("application/octet-stream")
                .body(MediaFixture.uniquePng())
                .post("/api/cases/" + caseId + "/seizures/" + seizureId + "/media").then().statusCode(403);
        Api.as("officer").get("/api/cases/" + caseId + "/media").then().body("", hasSize(0));
    }

    @Test
    void outsidersCannotImportIntoACase() {
        UUID caseId = CaseFixture.openCase("officer");
        UUID seizureId = MediaFixture.seizure(caseId, "officer");
        given().auth().oauth2(Tokens.of("officer2")).contentType("application/json").body(vics13(5))
                .post("/api/cases/" + caseId + "/seizures/" + seizureId + "/imports").then().statusCode(404);
    }

    @Test
    void anExportImportsElsewhereToTheSameItems() {
        UUID source = CaseFixture.openCase("officer");
        UUID sourceSeizure = MediaFixture.seizure(source, "officer");
        Jobs.awaitEnd(importFile(source, sourceSeizure, "application/json", vics13(System.nanoTime())), "officer");
        given().auth().oauth2(Tokens.of("officer")).contentType("application/octet-stream").body(MediaFixture.uniquePng())
                .queryParam("fileName", "scene.png").queryParam("path", "/DCIM")
                .post("/api/cases/" + source + "/seizures/" + sourceSeizure + "/media").then().statusCode(201);

        String exported = Api.as("officer").get("/api/cases/" + source + "/seizures/" + sourceSeizure + "/export")
                .then().statusCode(200).body("'@odata.context'", containsString("2.0")).extract().asString();

        UUID target = CaseFixture.openCase("investigator");
        UUID targetSeizure = MediaFixture.seizure(target, "investigator");
        String jobId = given().auth().oauth2(Tokens.of("investigator")).contentType("application/json").body(exported)
                .post("/api/cases/" + target + "/seizures/" + targetSeizure + "/imports")
                .then().statusCode(202).extract().path("id");
        assertThat(Jobs.awaitEnd(jobId, "investigator").getLong("errorCount")).isZero();

        assertThat(comparable(Api.as("investigator").get("/api/cases/" + target + "/media?size=1000")
                .then().extract().jsonPath()))
                .isEqualTo(comparable(Api.as("officer").get("/api/cases/" + source + "/media?size=1000")
                        .then().extract().jsonPath()));
        Api.as("auditor").get("/api/audit/events?caseId=" + source + "&action=media.export").then()
                .body("actor", org.hamcrest.Matchers.hasItem("officer"));
    }

    /** What must survive a round trip: hashes, category, flags, series, EXIF and where each file was found. */
    @SuppressWarnings("unchecked")
    private static List<String> comparable(JsonPath items) {
        return items.getList("", Map.class).stream().map(m -> {
            List<Map<String, Object>> locations = (List<Map<String, Object>>) m.get("locations");
            String where = locations.stream().map(l -> l.get("fileName") + "@" + l.get("path")).sorted().toList().toString();
            return java.util.Arrays.asList(m.get("md5"), m.get("sha1"), m.get("sha256"), m.get("pdq"), m.get("category"), m.get("flags"),
                    m.get("series"), m.get("exif"), m.get("size"), where).toString();
        }).sorted(Comparator.naturalOrder()).toList();
    }
}
