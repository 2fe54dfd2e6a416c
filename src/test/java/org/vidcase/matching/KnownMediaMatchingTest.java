package org.vidcase.matching;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.vidcase.synthetic.SyntheticImages;
import org.vidcase.hashing.PdqHasher;
import org.vidcase.localstack.LocalStackTestResource;
import org.vidcase.testsupport.Api;
import org.vidcase.testsupport.CaseFixture;
import org.vidcase.testsupport.HashSetFixture;
import org.vidcase.testsupport.Jobs;
import org.vidcase.testsupport.MediaFixture;
import org.vidcase.testsupport.Tokens;

/**
 * Known-media matching end to end on the real stack: all four importers, matching on upload (exact
 * and PDQ near matches, rotated copies), retroactive matching on activation and its undoing on
 * deactivation, precedence over human decisions, the review queue and the reduction report.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, restrictToAnnotatedClass = false)
class KnownMediaMatchingTest {

    private static final AtomicLong SEED = new AtomicLong(System.nanoTime() ^ 0x5EED);

    @Test
    void aSeizureIsMatchedOnIngestAndRetroactivelyAndTheReductionReportAddsUp() throws Exception {
        UUID caseId = CaseFixture.openCase("officer");
        UUID seizureId = MediaFixture.seizure(caseId, "officer");

        // Uploaded before any set knows them.
        byte[] a = png(scene());
        byte[] g = png(scene());
        byte[] f = png(scene());
        String itemA = upload(caseId, seizureId, a, "a.png", "/dcim");
        String itemG = upload(caseId, seizureId, g, "g.png", "/dcim");
        String itemF = upload(caseId, seizureId, f, "f.png", "/dcim");
        Api.as("officer").body(Map.of("category", "2")).put(media(caseId, itemG) + "/categorisation").then().statusCode(200);

        // A national plain list (MD5s) with a comment, a blank line and a bad line: imported, then activated.
        String national = HashSetFixture.create("National list " + SEED.get(), "NATIONAL", "ALERT", "1");
        String list = "# national list\n\n" + md5(a) + "\nnot-a-hash\n" + md5(g).toUpperCase(Locale.ROOT) + "  g.png\n";
        JsonPath job = HashSetFixture.importAndWait(national, "PLAIN", list.getBytes(StandardCharsets.UTF_8));
        assertThat(job.getLong("errorCount")).isEqualTo(1);
        assertThat(job.getList("errors", String.class).get(0)).startsWith("line 4:");
        assertThat(job.getLong("total")).isEqualTo(3);
        assertThat(job.getLong("done")).isEqualTo(3);
        assertThat(HashSetFixture.get(national).getString("importState")).isEqualTo("IMPORTED");
        assertThat(HashSetFixture.get(national).getLong("entryCount")).isEqualTo(2);
        // Imported but inactive: nothing is matched yet.
        item(caseId, itemA).then().body("matchStatus", equalTo(null));

        HashSetFixture.setActive(national, true);
        item(caseId, itemA).then().body("matchStatus", equalTo("ALERT")).body("category", equalTo("1"))
                .body("categorySource", equalTo("HASH_MATCH"))
                .body("categorisedBy", containsString("National list"));
        // A person's decision stands; the match is still recorded.
        item(caseId, itemG).then().body("matchStatus", equalTo("ALERT")).body("category", equalTo("2"))
                .body("categorySource", equalTo("HUMAN"));
        item(caseId, itemF).then().body("matchStatus", equalTo(null)).body("category", equalTo(null));

        // Project VIC JSON with PDQ hashes of two originals; the set is active before its import.
        // A fixed scene: how far a resized JPEG lands from its original varies by scene (8-30 bits over
        // 60 random ones); this one lands 14 bits away.
        BufferedImage b = SyntheticImages.scene(0xB0B, 320, 240);
        BufferedImage c = SyntheticImages.scene(SEED.incrementAndGet(), 300, 300);
        PdqHasher hasher = new PdqHasher();
        String vicsSet = HashSetFixture.create("Project VIC " + SEED.get(), "PROJECT_VIC", "ALERT", null);
        HashSetFixture.setActive(vicsSet, true);
        String vics = """
                {"odata.metadata": "http://github.com/ICMEC/ProjectVic/DataModels/1.3.xml#Cases",
                 "value": [{"Media": [
                   {"MediaID": 1, "MD5": "%s", "PDQ": "%s", "PDQQuality": 100, "Category": 1, "Series": "Lighthouse",
                    "VictimIdentified": true},
                   {"MediaID": 2, "MD5": "%s", "PDQ": "%s", "Category": 2, "MediaFiles": [{"FileName": "x.jpg"}]},
                   {"MediaID": 3, "MD5": "bad", "Category": 1},
                   {"MediaID": 4, "MD5": "%s", "Category": 7}
                 ]}]}
                """.formatted(randomHex(32), hasher.hash(b).hash().toHex(), randomHex(32), hasher.hash(c).hash().toHex(),
                randomHex(32));
        job = HashSetFixture.importAndWait(vicsSet, "VICS", vics.getBytes(StandardCharsets.UTF_8));
        assertThat(job.getLong("errorCount")).isEqualTo(2);
        assertThat(HashSetFixture.get(vicsSet).getLong("entryCount")).isEqualTo(2);
        String rematch = job.getString("result.rematchJobId");
        assertThat(Jobs.awaitEnd(rematch, "supervisor").getString("state")).isEqualTo("SUCCEEDED");

        // A smaller JPEG of B and a rotated copy of C are recognised on upload.
        String itemB = upload(caseId, seizureId, SyntheticImages.jpeg(SyntheticImages.resized(b, 0.6), 0.8f), "b.jpg", "/x");
        byte[] cBytes = png(ReferenceIndexesTest.rotate90(c));
        String itemC = upload(caseId, seizureId, cBytes, "c.png", "/x");
        item(caseId, itemB).then().body("matchStatus", equalTo("ALERT")).body("category", equalTo("1"))
                .body("series", equalTo("Lighthouse")).body("flags.victimIdentified", equalTo(true));
        JsonPath matchesB = matches(caseId, itemB);
        assertThat(matchesB.getString("[0].hashType")).isEqualTo("PDQ");
        assertThat(matchesB.getInt("[0].distance")).isEqualTo(14);
        assertThat(matchesB.getBoolean("[0].decisive")).isTrue();
        item(caseId, itemC).then().body("matchStatus", equalTo("ALERT")).body("category", equalTo("2"));
        JsonPath matchesC = matches(caseId, itemC);
        assertThat(matchesC.getString("[0].dihedral")).isEqualTo("ROTATE_90");
        assertThat(matchesC.getInt("[0].distance")).isZero();

        // NSRL RDSv3 (SQLite, upper-case hex, the same file in two packages): known-good files.
        byte[] d = png(scene());
        String nsrl = HashSetFixture.create("NSRL modern " + SEED.get(), "NSRL", "IGNORABLE", null);
        byte[] database = nsrlDatabase(d);
        // Not a plain list, and not for an alert set.
        given().auth().oauth2(Tokens.of("supervisor")).contentType("application/octet-stream").body(database)
                .queryParam("format", "PLAIN").post("/api/hash-sets/" + nsrl + "/imports")
                .then().statusCode(422).contentType("application/problem+json").body("detail", containsString("SQLite"));
        given().auth().oauth2(Tokens.of("supervisor")).contentType("application/octet-stream").body(database)
                .queryParam("format", "NSRL").post("/api/hash-sets/" + national + "/imports")
                .then().statusCode(409);
        assertThat(HashSetFixture.get(nsrl).getString("importState")).isEqualTo("EMPTY");
        HashSetFixture.importAndWait(nsrl, "NSRL", database);
        assertThat(HashSetFixture.get(nsrl).getLong("entryCount")).isEqualTo(2);
        HashSetFixture.setActive(nsrl, true);
        String itemD = upload(caseId, seizureId, d, "d.png", "/windows");
        item(caseId, itemD).then().body("matchStatus", equalTo("IGNORABLE")).body("category", equalTo(null));

        // ICSE CSV export with a bad flag and a short PhotoDNA; investigation and agency are not kept.
        byte[] e = png(scene());
        String icse = HashSetFixture.create("ICSE " + SEED.get(), "ICSE", "ALERT", "1");
        String csv = "MD5;SHA1;ZZ40;PhotoDNA;Lace;Image ID;Is distributed;Victim identified;Offender identified;"
                + "Series name;Investigation name;Agency;Number of submissions;File Available;Media Type;Baseline\n"
                + md5(e).toUpperCase(Locale.ROOT) + ";;;" + "AB".repeat(144) + ";;17;Y;N;N;Harbour;Op Secret;Agency X;3;True;Image;Yes\n"
                + randomHex(32) + ";;;;;18;maybe;N;N;;;;1;False;Image;No\n"
                + randomHex(32) + ";;;ABCD;;19;N;N;N;;;;1;False;Image;No\n";
        job = HashSetFixture.importAndWait(icse, "ICSE", csv.getBytes(StandardCharsets.UTF_8));
        assertThat(job.getList("errors", String.class)).anySatisfy(m -> assertThat(m).startsWith("line 3:"))
                .anySatisfy(m -> assertThat(m).startsWith("line 4:"));
        HashSetFixture.setActive(icse, true);
        String itemE = upload(caseId, seizureId, e, "e.png", "/dl");
        item(caseId, itemE).then().body("matchStatus", equalTo("ALERT")).body("category", equalTo("1"))
                .body("series", equalTo("Harbour")).body("flags.distributed", equalTo(true));
        List<String> icseAudit = Api.as("auditor").get("/api/audit/events?objectId=" + icse).then().statusCode(200)
                .extract().jsonPath().getList("detail", String.class);
        assertThat(icseAudit).anySatisfy(detail -> assertThat(detail).contains("2 rejected"));
        assertThat(String.join("\n", icseAudit)).doesNotContain("Op Secret").doesNotContain("Agency X");
        // A set version is imported once.
        given().auth().oauth2(Tokens.of("supervisor")).contentType("application/octet-stream").body(csv.getBytes(StandardCharsets.UTF_8))
                .queryParam("format", "ICSE").post("/api/hash-sets/" + icse + "/imports").then().statusCode(409);

        // The same file again elsewhere on the seizure: a duplicate stacked on its item.
        assertThat(upload(caseId, seizureId, a, "a-copy.png", "/backup")).isEqualTo(itemA);

        JsonPath report = Api.as("officer").get("/api/cases/" + caseId + "/seizures/" + seizureId + "/reduction")
                .then().statusCode(200).extract().jsonPath();
        assertThat(report.getLong("files")).isEqualTo(8);
        assertThat(report.getLong("distinctItems")).isEqualTo(7);
        assertThat(report.getLong("alert.count")).isEqualTo(5);      // A, G, B, C, E
        assertThat(report.getLong("ignorable.count")).isEqualTo(1);  // D
        assertThat(report.getLong("duplicates.count")).isEqualTo(1); // the copy of A
        assertThat(report.getLong("reviewed.count")).isZero();
        assertThat(report.getLong("toReview.count")).isEqualTo(1);   // F
        assertThat(report.getDouble("alert.percent")).isEqualTo(62.5);
        assertThat(report.getDouble("toReview.percent")).isEqualTo(12.5);
        assertThat(report.getLong("alertPreCategorised")).isEqualTo(4);
        assertThat(report.getLong("alertNearOnly")).isEqualTo(2);
        List<String> queue = Api.as("officer").get("/api/cases/" + caseId + "/media?review=TO_REVIEW&seizureId=" + seizureId)
                .then().statusCode(200).extract().path("id");
        assertThat(queue).containsExactly(itemF);

        // Deactivating the national list withdraws what it decided, and only that.
        HashSetFixture.setActive(national, false);
        item(caseId, itemA).then().body("matchStatus", equalTo(null)).body("category", equalTo(null))
                .body("categorySource", equalTo(null));
        item(caseId, itemG).then().body("matchStatus", equalTo(null)).body("category", equalTo("2"))
                .body("categorySource", equalTo("HUMAN"));
        // The machine's categorisation and its withdrawal are in the item's history, as a person's would be.
        List<Map<String, Object>> historyA = Api.as("officer").get(media(caseId, itemA) + "/categorisations").then()
                .statusCode(200).extract().path("$");
        assertThat(historyA).extracting(h -> h.get("source")).containsOnly("HASH_MATCH");
        assertThat(historyA).anySatisfy(h -> assertThat(h.get("category")).isNotNull());
        assertThat(historyA.get(historyA.size() - 1).get("category")).isNull();
        assertThat(String.valueOf(historyA.get(historyA.size() - 1).get("note"))).contains("withdrawn");
        List<Map<String, Object>> historyG = Api.as("officer").get(media(caseId, itemG) + "/categorisations").then()
                .statusCode(200).extract().path("$");
        assertThat(historyG.get(historyG.size() - 1).get("source")).isEqualTo("HUMAN");
        // Series and flags a match filled in go with it.
        HashSetFixture.setActive(vicsSet, false);
        item(caseId, itemB).then().body("matchStatus", equalTo(null)).body("category", equalTo(null))
                .body("series", equalTo(null)).body("flags.victimIdentified", equalTo(null));
        JsonPath matchesA = matches(caseId, itemA);
        assertThat(matchesA.getBoolean("[0].setActive")).isFalse();
        assertThat(matchesA.getBoolean("[0].decisive")).isFalse();

        // Outsiders learn nothing.
        Api.as("officer2").get("/api/cases/" + caseId + "/seizures/" + seizureId + "/reduction").then().statusCode(404);
        Api.as("officer2").get(media(caseId, itemA) + "/matches").then().statusCode(404);
    }

    @Test
    void itemsImportedFromAnotherToolAreMatchedAsTheyArrive() {
        byte[] known = png(scene());
        String otherKnownMd5 = randomHex(32);
        String set = HashSetFixture.create("Import check " + SEED.incrementAndGet(), "CUSTOM", "ALERT", "1");
        HashSetFixture.importAndWait(set, "PLAIN", ("sha256:" + sha256(known) + "\n" + otherKnownMd5 + "\n")
                .getBytes(StandardCharsets.UTF_8));
        HashSetFixture.setActive(set, true);

        UUID caseId = CaseFixture.openCase("officer");
        UUID seizureId = MediaFixture.seizure(caseId, "officer");
        String unknownMd5 = randomHex(32);
        String vics = """
                {"odata.metadata": "http://github.com/ICMEC/ProjectVic/DataModels/1.3.xml#Cases",
                 "value": [{"Media": [
                   {"MediaID": 1, "MD5": "%s", "AlternativeHashes": [{"HashName": "SHA256", "HashValue": "%s"}]},
                   {"MediaID": 2, "MD5": "%s"},
                   {"MediaID": 3, "MD5": "%s", "Category": 2, "Series": "From the other tool"}
                 ]}]}
                """.formatted(md5(known), sha256(known), unknownMd5, otherKnownMd5);
        String jobId = given().auth().oauth2(Tokens.of("officer")).contentType("application/json").body(vics)
                .post("/api/cases/" + caseId + "/seizures/" + seizureId + "/imports")
                .then().statusCode(202).extract().path("id");
        JsonPath job = Jobs.awaitEnd(jobId, "officer");
        assertThat(job.getString("state")).isEqualTo("SUCCEEDED");
        assertThat(job.getString("message")).contains("2 alert");

        JsonPath alert = Api.as("officer").get("/api/cases/" + caseId + "/media?review=ALERT")
                .then().statusCode(200).extract().jsonPath();
        assertThat(alert.getList("md5", String.class)).containsExactlyInAnyOrder(md5(known), otherKnownMd5);
        // Pre-categorised by hash where the tool gave no category; the tool's own category stands.
        String byHash = alert.getString("find { it.md5 == '" + md5(known) + "' }.id");
        item(caseId, byHash).then().body("category", equalTo("1")).body("categorySource", equalTo("HASH_MATCH"))
                .body("categorisedBy", containsString("Import check"));
        item(caseId, alert.getString("find { it.md5 == '" + otherKnownMd5 + "' }.id")).then()
                .body("category", equalTo("2")).body("categorySource", equalTo("IMPORT"))
                .body("series", equalTo("From the other tool"));
        assertThat(matches(caseId, byHash).getString("[0].hashType")).isEqualTo("SHA256");
        List<String> toReview = Api.as("officer").get("/api/cases/" + caseId + "/media?review=TO_REVIEW")
                .then().statusCode(200).extract().path("md5");
        assertThat(toReview).containsExactly(unknownMd5);
    }

    @Test
    void aCancelledImportKeepsNoEntriesAndTheSetCanBeImportedAgain() {
        String set = HashSetFixture.create("Cancelled " + SEED.incrementAndGet(), "CUSTOM", "ALERT", null);
        // 100,000 lines (under the test profile's 5 MB upload limit): the cancellation arrives while
        // the job is queued or reading; either way nothing may be kept.
        StringBuilder list = new StringBuilder(33 * 100_000);
        java.util.Random random = new java.util.Random(SEED.incrementAndGet());
        for (int i = 0; i < 100_000; i++) {
            list.append(String.format("%016x%016x%n", random.nextLong(), random.nextLong()));
        }
        byte[] file = list.toString().getBytes(StandardCharsets.UTF_8);
        String jobId = HashSetFixture.startImport(set, "PLAIN", file);
        Api.as("supervisor").post("/api/jobs/" + jobId + "/cancel").then().statusCode(200);
        JsonPath job = Jobs.awaitEnd(jobId, "supervisor");
        assertThat(job.getString("state")).isEqualTo("CANCELLED");
        JsonPath after = HashSetFixture.get(set);
        assertThat(after.getString("importState")).isEqualTo("FAILED");
        assertThat(after.getLong("entryCount")).isZero();
        assertThat(Api.as("auditor").get("/api/audit/events?action=job.cancel&objectId=" + jobId)
                .then().statusCode(200).extract().jsonPath().getList("actor", String.class)).contains("supervisor");

        String known = randomHex(32);
        HashSetFixture.importAndWait(set, "PLAIN", (known + "\n").getBytes(StandardCharsets.UTF_8));
        assertThat(HashSetFixture.get(set).getLong("entryCount")).isEqualTo(1);
        assertThat(HashSetFixture.get(set).getString("importState")).isEqualTo("IMPORTED");
    }

    @Test
    void aFileOfTheWrongTypeIsRefusedAtOnceAndNothingIsStored() {
        String set = HashSetFixture.create("Wrong type " + SEED.incrementAndGet(), "ICSE", "ALERT", null);
        given().auth().oauth2(Tokens.of("supervisor")).contentType("application/octet-stream")
                .body("MD5,SHA1\nabc,def\n".getBytes(StandardCharsets.UTF_8)).queryParam("format", "ICSE").post("/api/hash-sets/" + set + "/imports")
                .then().statusCode(422).contentType("application/problem+json")
                .body("detail", containsString("Not an ICSE hash-set export"));
        given().auth().oauth2(Tokens.of("supervisor")).contentType("application/octet-stream")
                .body("{\"hello\": 1}".getBytes(StandardCharsets.UTF_8)).queryParam("format", "VICS").post("/api/hash-sets/" + set + "/imports")
                .then().statusCode(422).contentType("application/problem+json");
        given().auth().oauth2(Tokens.of("supervisor")).contentType("application/octet-stream")
                .body("no hashes here\n".getBytes(StandardCharsets.UTF_8)).queryParam("format", "PLAIN").post("/api/hash-sets/" + set + "/imports")
                .then().statusCode(422);
        given().auth().oauth2(Tokens.of("supervisor")).contentType("application/octet-stream")
                .body(new byte[] {'x'}).post("/api/hash-sets/" + set + "/imports").then().statusCode(400);
        given().auth().oauth2(Tokens.of("officer")).contentType("application/octet-stream")
                .body(new byte[] {'x'}).queryParam("format", "PLAIN").post("/api/hash-sets/" + set + "/imports").then().statusCode(403);
        given().auth().oauth2(Tokens.of("supervisor")).contentType("application/octet-stream")
                .body(new byte[] {'x'}).queryParam("format", "EXCEL").post("/api/hash-sets/" + set + "/imports")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("ICSE, VICS, NSRL, PLAIN"));
        Api.as("officer").get("/api/cases/" + CaseFixture.openCase("officer") + "/media?review=NEW").then().statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("TO_REVIEW"));
        JsonPath after = HashSetFixture.get(set);
        assertThat(after.getString("importState")).isEqualTo("EMPTY");
        assertThat(after.getLong("entryCount")).isZero();
        assertThat(after.getString("lastJobId")).isNull();
    }

    private static String upload(UUID caseId, UUID seizureId, byte[] bytes, String name, String path) {
        return given().auth().oauth2(Tokens.of("officer")).contentType("application/octet-stream").body(bytes)
                .queryParam("fileName", name).queryParam("path", path)
                .post("/api/cases/" + caseId + "/seizures/" + seizureId + "/media")
                .then().statusCode(org.hamcrest.Matchers.anyOf(equalTo(200), equalTo(201))).extract().path("item.id");
    }

    private static String media(UUID caseId, String itemId) {
        return "/api/cases/" + caseId + "/media/" + itemId;
    }

    private static io.restassured.response.Response item(UUID caseId, String itemId) {
        return Api.as("officer").get(media(caseId, itemId));
    }

    private static JsonPath matches(UUID caseId, String itemId) {
        return Api.as("officer").get(media(caseId, itemId) + "/matches").then().statusCode(200).extract().jsonPath();
    }

    private static BufferedImage scene() {
        return SyntheticImages.scene(SEED.incrementAndGet(), 320, 240);
    }

    private static byte[] png(BufferedImage image) {
        return SyntheticImages.png(image);
    }

    /** An RDSv3-shaped database: FILE with upper-case digests, the known file listed in two packages. */
    private static byte[] nsrlDatabase(byte[] known) throws Exception {
        Path file = Files.createTempFile("rds", ".db");
        Files.delete(file);
        try (Connection db = new org.sqlite.JDBC().connect("jdbc:sqlite:" + file, new Properties());
             Statement s = db.createStatement()) {
            s.execute("CREATE TABLE FILE (sha256 VARCHAR NOT NULL, sha1 VARCHAR NOT NULL, md5 VARCHAR NOT NULL, "
                    + "crc32 VARCHAR NOT NULL, file_name VARCHAR NOT NULL, file_size INTEGER NOT NULL, "
                    + "package_id INTEGER NOT NULL)");
            String k = "'" + sha256(known).toUpperCase(Locale.ROOT) + "', '" + sha1(known).toUpperCase(Locale.ROOT)
                    + "', '" + md5(known).toUpperCase(Locale.ROOT) + "', '00000000', 'setup.png', 10, ";
            s.execute("INSERT INTO FILE VALUES (" + k + "1)");
            s.execute("INSERT INTO FILE VALUES (" + k + "2)");
            s.execute("INSERT INTO FILE VALUES ('" + randomHex(64).toUpperCase(Locale.ROOT) + "', '"
                    + randomHex(40) + "', '" + randomHex(32) + "', '00000000', 'kernel32.dll', 10, 3)");
        }
        try {
            return Files.readAllBytes(file);
        } finally {
            Files.delete(file);
        }
    }

    private static String randomHex(int digits) {
        java.util.Random r = new java.util.Random(SEED.incrementAndGet());
        StringBuilder s = new StringBuilder();
        while (s.length() < digits) {
            s.append(Integer.toHexString(r.nextInt(16)));
        }
        return s.toString();
    }

    private static String md5(byte[] b) {
        return digest("MD5", b);
    }

    private static String sha1(byte[] b) {
        return digest("SHA-1", b);
    }

    private static String sha256(byte[] b) {
        return digest("SHA-256", b);
    }

    private static String digest(String algorithm, byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(b));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
