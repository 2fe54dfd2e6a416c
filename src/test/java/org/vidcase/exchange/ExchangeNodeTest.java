package org.vidcase.exchange;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.vidcase.exchange.format.HashPackage;
import org.vidcase.exchange.format.PackageEntry;
import org.vidcase.exchange.format.PackageJson;
import org.vidcase.exchange.format.PackageLimits;
import org.vidcase.exchange.format.PackageVerifier;
import org.vidcase.hashset.importer.IcseCsvReader;
import org.vidcase.hashset.importer.ReferenceEntry;
import org.vidcase.localstack.KeycloakAdmin;
import org.vidcase.localstack.LocalStackTestResource;
import org.vidcase.testsupport.Api;
import org.vidcase.testsupport.CaseFixture;
import org.vidcase.testsupport.Jobs;
import org.vidcase.testsupport.MediaFixture;
import org.vidcase.testsupport.SyntheticVideos;
import org.vidcase.testsupport.Tokens;

/**
 * The node's side of the exchange on the real stack: what a composed package holds (only items a
 * person categorised, in cases the composer may read, with pseudonyms and no case data), four eyes
 * on approval, signing with the configured key, files and ICSE CSV as audited disclosures, and the
 * refusals a node gives (no hub configured, a revocation of something never sent, a hub endpoint).
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, restrictToAnnotatedClass = false)
class ExchangeNodeTest {

    /** Holds both the liaison and the supervisor role, to prove that nobody approves their own package. */
    private static final String DUAL = "exchange-dual-role";

    private static UUID caseId;
    private static UUID otherCase;
    private static final List<String> humanSha256 = new ArrayList<>();
    private static String importedOnlyMd5;
    private static String hiddenSha256;
    private static final String SERIES_NAME = "Exchange-Test-Series-" + UUID.randomUUID();
    private static final String CASE_TITLE = "Exchange case title " + UUID.randomUUID();

    /** The corpus, made once for the class (REST Assured knows the server's port only inside a test). */
    private static synchronized void corpus() {
        if (caseId != null) {
            return;
        }
        KeycloakAdmin admin = KeycloakAdmin.connect();
        try {
            admin.createUser("vid", DUAL, DUAL + "-demo", List.of("liaison-officer", "supervisor"));
        } catch (AssertionError exists) {
            // Created by an earlier run against the same realm.
        }
        caseId = UUID.fromString(Api.as("officer").body(Map.of("reference", CaseFixture.uniqueReference(), "title", CASE_TITLE))
                .post("/api/cases").then().statusCode(201).extract().path("id"));
        CaseFixture.addMember(caseId, "officer", "liaison", "OBSERVER");
        CaseFixture.addMember(caseId, "officer", DUAL, "OBSERVER");
        UUID seizure = MediaFixture.seizure(caseId, "officer");
        for (int i = 0; i < 3; i++) {
            byte[] png = MediaFixture.uniquePng();
            String item = upload(caseId, seizure, png, "secret-file-name-" + i + ".png");
            Api.as("officer").body(Map.of("category", "1", "series", SERIES_NAME, "tags", List.of("tag-" + i),
                            "note", "officer note " + i,
                            "flags", Map.of("baseline", i == 0, "victimIdentified", i == 1, "distributed", true)))
                    .put("/api/cases/" + caseId + "/media/" + item + "/categorisation").then().statusCode(200);
            humanSha256.add(MediaFixture.sha256(png));
        }
        // Comparison material (vics 4) has no international equivalent: never exchanged.
        String comparison = upload(caseId, seizure, MediaFixture.uniquePng(), "comparison.png");
        Api.as("officer").body(Map.of("category", "4")).put("/api/cases/" + caseId + "/media/" + comparison
                + "/categorisation").then().statusCode(200);
        // Categorised only by the tool that exported it: not confirmed by a person.
        importedOnlyMd5 = MediaFixture.sha256(MediaFixture.uniquePng()).substring(0, 32);
        String job = given().auth().oauth2(Tokens.of("officer")).contentType("text/csv")
                .body(("MD5,Category\n" + importedOnlyMd5 + ",1\n").getBytes(StandardCharsets.UTF_8))
                .post("/api/cases/" + caseId + "/seizures/" + seizure + "/imports").then().statusCode(202).extract().path("id");
        assertThat(Jobs.awaitEnd(job, "officer").getString("state")).isEqualTo("SUCCEEDED");
        // A case the liaison officer is not on.
        otherCase = CaseFixture.openCase("officer2");
        UUID otherSeizure = MediaFixture.seizure(otherCase, "officer2");
        byte[] hidden = MediaFixture.uniquePng();
        String hiddenItem = upload(otherCase, otherSeizure, hidden, "hidden.png", "officer2");
        Api.as("officer2").body(Map.of("category", "1")).put("/api/cases/" + otherCase + "/media/" + hiddenItem
                + "/categorisation").then().statusCode(200);
        hiddenSha256 = MediaFixture.sha256(hidden);
    }

    @Test
    void aComposedPackageHoldsOnlyWhatAPersonCategorisedInTheComposersCasesAndNothingOfTheCase() throws Exception {
        corpus();
        JsonPath composed = Api.as("liaison").body(Map.of("caseIds", List.of(caseId.toString())))
                .post("/api/exchange/packages").then().statusCode(201).extract().jsonPath();
        assertThat(composed.getString("state")).isEqualTo("COMPOSED");
        assertThat(composed.getInt("entryCount")).isEqualTo(3);
        assertThat(composed.getLong("leftOut.notCategorisedByAPerson")).isEqualTo(1);
        String id = composed.getString("id");
        byte[] payload = Api.as("supervisor").get("/api/exchange/packages/" + id + "/payload").then().statusCode(200)
                .extract().asByteArray();
        HashPackage p = PackageJson.read(payload);
        assertThat(p.issuingCountry()).isEqualTo("GB");
        assertThat(p.entries()).extracting(PackageEntry::sha256).containsExactlyInAnyOrderElementsOf(humanSha256)
                .doesNotContain(hiddenSha256);
        assertThat(p.entries()).extracting(PackageEntry::md5).doesNotContain(importedOnlyMd5);
        assertThat(p.entries()).allSatisfy(e -> {
            assertThat(e.category()).isEqualTo("1");
            assertThat(e.series()).hasSize(43);
            assertThat(e.distributed()).isTrue();
            assertThat(e.submittingCountry()).isEqualTo("GB");
            assertThat(e.submitted()).isEqualTo(LocalDate.now(ZoneOffset.UTC));
        });
        assertThat(p.entries()).extracting(PackageEntry::series).as("one series, one pseudonym").containsOnly(
                p.entries().get(0).series());
        assertThat(p.entries()).filteredOn(PackageEntry::baseline).hasSize(1);
        assertThat(p.entries()).filteredOn(e -> Boolean.TRUE.equals(e.victimIdentified())).hasSize(1);
        String text = new String(payload, StandardCharsets.UTF_8);
        assertThat(text).doesNotContain(SERIES_NAME, CASE_TITLE, caseId.toString(), "secret-file-name", "officer",
                "tag-0", "officer note");
        // The same selection by someone who may not read the other case never reaches it.
        JsonPath everything = Api.as("liaison").body(Map.of()).post("/api/exchange/packages").then().statusCode(201)
                .extract().jsonPath();
        HashPackage all = PackageJson.read(Api.as("liaison").get("/api/exchange/packages/" + everything.getString("id")
                + "/payload").then().statusCode(200).extract().asByteArray());
        assertThat(all.entries()).extracting(PackageEntry::sha256).doesNotContain(hiddenSha256);
        Api.as("liaison").body(Map.of("caseIds", List.of(otherCase.toString()))).post("/api/exchange/packages").then()
                .statusCode(404);
    }

    @Test
    void fourEyesSignWithTheNodesKeyAndEveryDisclosureIsAudited() throws Exception {
        corpus();
        String id = Api.as(DUAL).body(Map.of("caseIds", List.of(caseId.toString()), "categories", List.of("1")))
                .post("/api/exchange/packages").then().statusCode(201).extract().path("id");
        Response own = Api.as(DUAL).post("/api/exchange/packages/" + id + "/approval");
        assertThat(own.statusCode()).isEqualTo(422);
        assertThat(own.jsonPath().getString("detail")).contains("Four eyes");
        Api.as("liaison").post("/api/exchange/packages/" + id + "/approval").then().statusCode(403);
        Api.as(DUAL).body(java.util.Map.of("recipient", "Partner")).post("/api/exchange/packages/" + id + "/file").then().statusCode(409);

        JsonPath approved = Api.as("supervisor").post("/api/exchange/packages/" + id + "/approval").then().statusCode(200)
                .extract().jsonPath();
        assertThat(approved.getString("state")).isEqualTo("APPROVED");
        assertThat(approved.getString("keyId")).isEqualTo("test-2026");
        Api.as("supervisor").post("/api/exchange/packages/" + id + "/approval").then().statusCode(409);

        String keys = given().auth().oauth2(Tokens.of("liaison")).get("/api/exchange/keys").then().statusCode(200)
                .extract().asString();
        JWKSet published = JWKSet.parse(keys);
        assertThat(published.getKeys()).extracting(JWK::getKeyID).containsExactlyInAnyOrder("test-2025", "test-2026");
        assertThat(published.getKeys()).noneMatch(JWK::isPrivate);

        String jws = given().auth().oauth2(Tokens.of(DUAL)).accept("application/jose").contentType("application/json")
                .body(java.util.Map.of("recipient", "Partner agency by courier")).post("/api/exchange/packages/" + id + "/file").then()
                .statusCode(200).contentType("application/jose").extract().asString();
        PackageVerifier.Verified verified = PackageVerifier.verify(jws, kid -> new PackageVerifier.RegisteredKey(
                published.getKeyByKeyId(kid), null), PackageLimits.DEFAULT, LocalDate.now(ZoneOffset.UTC));
        assertThat(verified.payload().packageId()).isEqualTo(UUID.fromString(id));
        assertThat(verified.payloadSha256()).isEqualTo(approved.getString("payloadSha256"));
        Api.as(DUAL).body(java.util.Map.of()).post("/api/exchange/packages/" + id + "/file").then().statusCode(400);

        String csv = given().auth().oauth2(Tokens.of(DUAL)).accept("text/csv").contentType("application/json").body(java.util.Map.of("recipient", "ICSE desk")).post("/api/exchange/packages/" + id + "/icse-csv").then().statusCode(200).extract().asString();
        List<ReferenceEntry> read = new ArrayList<>();
        IcseCsvReader.read(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), read::add, e -> {
            throw new AssertionError(e.toString());
        });
        assertThat(read).hasSize(verified.payload().entries().size());
        assertThat(csv.lines().skip(1)).allSatisfy(line -> assertThat(line.split(";", -1)[10] + line.split(";", -1)[11])
                .as("investigation and agency").isEmpty());

        JsonPath view = Api.as("supervisor").get("/api/exchange/packages/" + id).then().statusCode(200).extract().jsonPath();
        assertThat(view.getList("disclosures.channel")).containsExactly("FILE", "ICSE_CSV");
        assertThat(view.getList("disclosures.recipient")).containsExactly("Partner agency by courier", "ICSE desk");
        Map<String, String> details = new HashMap<>();
        for (String action : List.of("exchange.compose", "exchange.approve", "exchange.file", "exchange.icse-export")) {
            List<Map<String, Object>> events = Api.as("auditor").queryParam("action", action).queryParam("objectId", id)
                    .get("/api/audit/events").then().statusCode(200).extract().jsonPath().getList("$");
            assertThat(events).as(action).isNotEmpty();
            details.put(action, events.stream().map(e -> e.get("outcome") + " " + e.get("detail")).toList().toString());
        }
        assertThat(details.get("exchange.approve")).contains("SUCCESS", "disclosure approved", "composed by " + DUAL);
        assertThat(details.get("exchange.approve")).contains("REFUSED");
        assertThat(details.get("exchange.file")).contains("Partner agency by courier");
        assertThat(details.get("exchange.icse-export")).contains("ICSE desk");
    }

    @Test
    void aRefusedPackageNeverLeavesAndNothingGoesWithoutAHub() {
        corpus();
        String id = Api.as("liaison").body(Map.of("caseIds", List.of(caseId.toString())))
                .post("/api/exchange/packages").then().statusCode(201).extract().path("id");
        Api.as("supervisor").body(Map.of("reason", "Not this quarter")).post("/api/exchange/packages/" + id + "/refusal")
                .then().statusCode(200).body("state", org.hamcrest.Matchers.equalTo("REFUSED"));
        Api.as("supervisor").post("/api/exchange/packages/" + id + "/approval").then().statusCode(409);
        Api.as("liaison").body(java.util.Map.of("recipient", "x")).post("/api/exchange/packages/" + id + "/file").then().statusCode(409);
        Api.as("liaison").post("/api/exchange/packages/" + id + "/sending").then().statusCode(409);

        String approved = Api.as("liaison").body(Map.of("caseIds", List.of(caseId.toString())))
                .post("/api/exchange/packages").then().statusCode(201).extract().path("id");
        Api.as("supervisor").post("/api/exchange/packages/" + approved + "/approval").then().statusCode(200);
        Response send = Api.as("liaison").post("/api/exchange/packages/" + approved + "/sending");
        assertThat(send.statusCode()).isEqualTo(409);
        assertThat(send.jsonPath().getString("detail")).contains("no hub configured");
        Response revoke = Api.as("liaison").body(Map.of("packageIds", List.of(approved), "reason", "WRONG_CATEGORY"))
                .post("/api/exchange/revocations");
        assertThat(revoke.statusCode()).isEqualTo(422);
        assertThat(revoke.jsonPath().getString("detail")).contains("not a submission this node sent");
        Api.as("liaison").body(Map.of("entries", List.of(Map.of("md5", "zz")), "reason", "RELEASED"))
                .post("/api/exchange/revocations").then().statusCode(400);
        Api.as("liaison").body(Map.of("categories", List.of("4"))).post("/api/exchange/packages").then().statusCode(422)
                .body("detail", org.hamcrest.Matchers.containsString("never exchanged"));
        Api.as("supervisor").post("/api/exchange/subscription").then().statusCode(409);
        Api.as("officer").get("/api/exchange/subscription").then().statusCode(404);
        Response hub = Api.as("hubadmin").get("/api/hub/statistics");
        assertThat(hub.statusCode()).isEqualTo(404);
        assertThat(hub.jsonPath().getString("detail")).contains("national node");
    }

    @Test
    void anIcseCsvOfAPackageImportsAsAHashSetWithTheSameEntries() throws Exception {
        corpus();
        String id = Api.as("liaison").body(Map.of("caseIds", List.of(caseId.toString())))
                .post("/api/exchange/packages").then().statusCode(201).extract().path("id");
        Api.as("supervisor").post("/api/exchange/packages/" + id + "/approval").then().statusCode(200);
        HashPackage p = PackageJson.read(Api.as("liaison").get("/api/exchange/packages/" + id + "/payload").then()
                .extract().asByteArray());
        byte[] csv = given().auth().oauth2(Tokens.of("liaison")).accept("text/csv").contentType("application/json").body(java.util.Map.of("recipient", "Own ICSE set")).post("/api/exchange/packages/" + id + "/icse-csv").then().statusCode(200).extract().asByteArray();
        String set = Api.as("supervisor").body(Map.of("name", "Round trip " + id, "source", "ICSE", "version", "1",
                "kind", "ALERT", "defaultCategory", "1")).post("/api/hash-sets").then().statusCode(201).extract().path("id");
        String job = given().auth().oauth2(Tokens.of("supervisor")).contentType("text/csv").body(csv)
                .queryParam("format", "ICSE").post("/api/hash-sets/" + set + "/imports").then().statusCode(202)
                .extract().path("id");
        assertThat(Jobs.awaitEnd(job, "supervisor").getString("state")).isEqualTo("SUCCEEDED");
        List<String> stored = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(ConfigProvider.getConfig()
                .getValue("vidcase-test.db.superuser-url", String.class));
             PreparedStatement s = c.prepareStatement("""
                     SELECT md5, sha1, series, baseline, victim_identified, distributed FROM hash_set_entry
                     WHERE hash_set_id = ? ORDER BY md5""")) {
            s.setObject(1, UUID.fromString(set));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    stored.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3) + " " + rs.getBoolean(4) + " "
                            + rs.getObject(5) + " " + rs.getObject(6));
                }
            }
        }
        List<String> sent = p.entries().stream().map(e -> e.md5() + " " + e.sha1() + " " + e.series() + " " + e.baseline()
                + " " + e.victimIdentified() + " " + e.distributed()).sorted().toList();
        assertThat(stored).containsExactlyElementsOf(sent);
    }

    @Test
    void aDecodedVideoTravelsWithItsVpdqFrames() throws Exception {
        UUID videoCase = CaseFixture.openCase("officer");
        CaseFixture.addMember(videoCase, "officer", "liaison", "OBSERVER");
        UUID seizure = MediaFixture.seizure(videoCase, "officer");
        Path file = Files.createTempFile("vidcase-exchange-", ".mp4");
        byte[] video;
        try {
            long seed = 50_000; // scenes no other test's video has
            video = Files.readAllBytes(SyntheticVideos.write(file, SyntheticVideos.Format.MP4,
                    new SyntheticVideos.Spec(List.of(seed, seed + 1), 2, 10, 160, 120)));
        } finally {
            Files.deleteIfExists(file);
        }
        String item = upload(videoCase, seizure, video, "holiday.mp4");
        String base = "/api/cases/" + videoCase + "/media/" + item;
        long deadline = System.currentTimeMillis() + 120_000;
        while (!"HASHED".equals(Api.as("officer").get(base + "/video").then().statusCode(200).extract().path("state"))) {
            assertThat(System.currentTimeMillis()).as("the video is hashed in time").isLessThan(deadline);
            Thread.sleep(250);
        }
        Api.as("officer").body(Map.of("category", "1")).put(base + "/categorisation").then().statusCode(200);
        List<String> vpdqLines = Api.as("officer").get(base + "/video/vpdq").then().statusCode(200).extract().asString()
                .lines().filter(l -> !l.isBlank()).toList();

        String id = Api.as("liaison").body(Map.of("caseIds", List.of(videoCase.toString()))).post("/api/exchange/packages")
                .then().statusCode(201).extract().path("id");
        HashPackage p = PackageJson.read(Api.as("liaison").get("/api/exchange/packages/" + id + "/payload").then()
                .statusCode(200).extract().asByteArray());
        PackageEntry entry = p.entries().stream().filter(e -> MediaFixture.sha256(video).equals(e.sha256())).findFirst()
                .orElseThrow();
        assertThat(entry.mediaType()).isEqualTo(org.vidcase.exchange.format.MediaKind.VIDEO);
        assertThat(entry.vpdq()).hasSize(vpdqLines.size()).isNotEmpty();
        // The reference implementation's line: frame number, quality, PDQ hex, timestamp in seconds.
        String[] first = vpdqLines.get(0).split(",");
        assertThat(entry.vpdq().get(0).frame()).isEqualTo(Long.parseLong(first[0]));
        assertThat(entry.vpdq().get(0).pdq()).isEqualTo(first[2]);
        assertThat(entry.vpdq()).extracting(org.vidcase.exchange.format.VpdqFrame::millis).isSorted();
    }

    private static String upload(UUID caseId, UUID seizure, byte[] bytes, String name) {
        return upload(caseId, seizure, bytes, name, "officer");
    }

    private static String upload(UUID caseId, UUID seizure, byte[] bytes, String name, String user) {
        return given().auth().oauth2(Tokens.of(user)).contentType("application/octet-stream").body(bytes)
                .queryParam("fileName", name).queryParam("path", "/home/suspect/secret-folder")
                .post("/api/cases/" + caseId + "/seizures/" + seizure + "/media").then().statusCode(201)
                .extract().path("item.id");
    }
}
