package org.vidcase.fuzz;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.vidcase.localstack.LocalStackTestResource;
import org.vidcase.testsupport.Api;
import org.vidcase.testsupport.CaseFixture;
import org.vidcase.testsupport.Jobs;
import org.vidcase.testsupport.MediaFixture;
import org.vidcase.testsupport.Tokens;

/**
 * VICS and CSV files with broken structure, wrong encodings, NUL bytes, huge fields, unbalanced
 * quotes, mixed delimiters and formula prefixes, imported as forensic exports and as hash sets: a
 * file broken as a whole is refused (422 at once, or a failed job with the reason) and nothing of it
 * is stored, not even the batches before the damage; of any other file exactly its valid records
 * are stored and the others are reported one by one. Never a 5xx.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, restrictToAnnotatedClass = false)
class BrokenImportFilesTest {

    private static final Pattern INTERNALS = Pattern.compile(
            "\\b(?:java|javax|jakarta|org|com|io)\\.[a-z_]+\\.[A-Za-z.]*[A-Z]\\w*|Exception|\\tat |\\.java:|SQL");

    private record Submitted(BrokenExports.BrokenFile file, String target, Response answer) {
    }

    @Test
    void brokenForensicExportsStoreTheirValidRecordsOrNothing() {
        UUID caseId = CaseFixture.openCase("officer");
        List<Submitted> submitted = new ArrayList<>();
        for (BrokenExports.BrokenFile file : BrokenExports.forensicExports(ApiFuzzSeeds.DEFAULT)) {
            UUID seizure = MediaFixture.seizure(caseId, "officer");
            boolean vics = file.kind() == BrokenExports.Kind.VICS;
            Response answer = given().auth().oauth2(Tokens.of("officer"))
                    .contentType(vics ? "application/json" : "text/csv").body(file.bytes())
                    .queryParam("format", vics ? "VICS" : "CSV").queryParam("fileName", "broken")
                    .post("/api/cases/" + caseId + "/seizures/" + seizure + "/imports");
            submitted.add(new Submitted(file, seizure.toString(), answer));
        }
        List<String> wrong = new ArrayList<>();
        for (Submitted s : submitted) {
            Outcome outcome = outcome(s.answer(), "officer", s.file(), wrong);
            List<String> stored = Api.as("officer").get("/api/cases/" + caseId + "/media?size=1000&seizureId=" + s.target())
                    .then().statusCode(200).extract().jsonPath().getList("md5");
            judge(s.file(), outcome, stored, wrong);
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void aFileDamagedAfterItsFirstBatchStoresNothing() {
        UUID caseId = CaseFixture.openCase("officer");
        UUID seizure = MediaFixture.seizure(caseId, "officer");
        List<String> md5s = new ArrayList<>();
        java.util.SplittableRandom random = new java.util.SplittableRandom(ApiFuzzSeeds.DEFAULT);
        for (int i = 0; i < 12_000; i++) {
            byte[] b = new byte[16];
            random.nextBytes(b);
            md5s.add(HexFormat.of().formatHex(b));
        }
        String whole = BrokenExports.vics(md5s, "a.jpg", "C:\\\\x");
        // Cut inside record 11,000: past the first batch of 10,000, which used to commit before the damage was read.
        String truncated = whole.substring(0, whole.indexOf(md5s.get(11_000)) + 5);
        String job = given().auth().oauth2(Tokens.of("officer")).contentType("application/json")
                .body(truncated.getBytes(StandardCharsets.UTF_8)).queryParam("format", "VICS")
                .post("/api/cases/" + caseId + "/seizures/" + seizure + "/imports").then().statusCode(202)
                .extract().path("id");
        JsonPath ended = Jobs.awaitEnd(job, "officer");
        assertThat(ended.getString("state")).isEqualTo("FAILED");
        assertThat(ended.getString("message")).contains("damaged after 11000 records");
        assertThat(Api.as("officer").get("/api/cases/" + caseId + "/media?size=10").then().statusCode(200)
                .extract().jsonPath().getList("$")).isEmpty();
    }

    @Test
    void brokenHashSetFilesImportTheirValidEntriesOrNone() {
        Map<BrokenExports.BrokenFile, String[]> sets = new LinkedHashMap<>();
        for (BrokenExports.BrokenFile file : BrokenExports.hashSetFiles(ApiFuzzSeeds.DEFAULT)) {
            String set = Api.as("supervisor").body(Map.of("name", "broken " + file.name() + " " + UUID.randomUUID(),
                    "source", "CUSTOM", "version", "1", "kind", "ALERT", "categoryScheme", "vics", "defaultCategory", "1"))
                    .post("/api/hash-sets").then().statusCode(201).extract().path("id");
            Response answer = given().auth().oauth2(Tokens.of("supervisor")).contentType("application/octet-stream")
                    .body(file.bytes()).queryParam("format", file.kind().name())
                    .post("/api/hash-sets/" + set + "/imports");
            sets.put(file, new String[] {set});
            Outcome outcome = outcome(answer, "supervisor", file, new ArrayList<>());
            sets.get(file)[0] = set + "|" + outcome.state() + "|" + outcome.rejected();
        }
        List<String> wrong = new ArrayList<>();
        sets.forEach((file, s) -> {
            String[] parts = s[0].split("\\|");
            JsonPath set = Api.as("supervisor").get("/api/hash-sets/" + parts[0]).then().statusCode(200).extract().jsonPath();
            long entries = set.getLong("entryCount");
            if (file.outcome() == BrokenExports.Outcome.REFUSED) {
                if (entries != 0 || "IMPORTED".equals(set.getString("importState"))) {
                    wrong.add(file + ": " + set.getString("importState") + " with " + entries + " entries");
                }
            } else if (!"IMPORTED".equals(set.getString("importState")) || entries != file.good().size()
                    || !String.valueOf(file.bad()).equals(parts[2])) {
                wrong.add(file + ": " + set.getString("importState") + " with " + entries + " entries, " + parts[2]
                        + " rejected; expected " + file.good().size() + " and " + file.bad());
            }
        });
        assertThat(wrong).isEmpty();
    }

    private record Outcome(String state, long rejected) {
    }

    /** 422 at once, or the job's end; anything else (a 5xx above all) is wrong. */
    private static Outcome outcome(Response answer, String user, BrokenExports.BrokenFile file, List<String> wrong) {
        if (answer.statusCode() == 422 || answer.statusCode() == 400) {
            assertProblem(answer, file, wrong);
            return new Outcome("REFUSED", 0);
        }
        if (answer.statusCode() != 202) {
            wrong.add(file + ": answered " + answer.statusCode() + " " + answer.asString());
            return new Outcome("ERROR", 0);
        }
        JsonPath job = Jobs.awaitEnd(answer.path("id"), user);
        String message = String.valueOf(job.getString("message")) + " " + job.getList("errors");
        if (INTERNALS.matcher(message).find()) {
            wrong.add(file + ": the job tells internals: " + message);
        }
        Object rejectedField = job.get("result.rejected");
        long rejected = rejectedField == null ? 0 : ((Number) rejectedField).longValue();
        return new Outcome(job.getString("state"), rejected);
    }

    private static void judge(BrokenExports.BrokenFile file, Outcome outcome, List<String> stored, List<String> wrong) {
        if (file.outcome() == BrokenExports.Outcome.REFUSED) {
            if (outcome.state().equals("SUCCEEDED") || !stored.isEmpty()) {
                wrong.add(file + ": " + outcome.state() + ", stored " + stored);
            }
            return;
        }
        Set<String> expected = new HashSet<>(file.good());
        if (!outcome.state().equals("SUCCEEDED") || !new HashSet<>(stored).equals(expected) || stored.size() != expected.size()
                || outcome.rejected() != file.bad()) {
            wrong.add(file + ": " + outcome.state() + ", stored " + stored + ", rejected " + outcome.rejected()
                    + "; expected " + file.good() + " and " + file.bad() + " rejected");
        }
    }

    private static void assertProblem(Response answer, BrokenExports.BrokenFile file, List<String> wrong) {
        if (!answer.contentType().startsWith("application/problem+json") || INTERNALS.matcher(answer.asString()).find()) {
            wrong.add(file + ": refusal " + answer.contentType() + " " + answer.asString());
        }
    }
}
