package org.vidcase.exchange;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.util.Base64URL;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.postgresql.PGConnection;
import org.vidcase.exchange.format.Feedback;
import org.vidcase.exchange.format.HashPackage;
import org.vidcase.exchange.format.IdentificationCount;
import org.vidcase.exchange.format.MediaKind;
import org.vidcase.exchange.format.PackageEntry;
import org.vidcase.exchange.format.PackageJson;
import org.vidcase.exchange.format.PackageLimits;
import org.vidcase.exchange.format.PackageSigner;
import org.vidcase.exchange.format.Revocation;
import org.vidcase.exchange.format.RevocationReason;
import org.vidcase.exchange.format.SeriesPseudonym;
import org.vidcase.exchange.format.SigningKeys;
import org.vidcase.exchange.format.VpdqFrame;
import org.vidcase.hashing.video.VpdqHashFile;
import org.vidcase.hashing.ExifFixture;
import org.vidcase.hashset.importer.IcseCsvReader;
import org.vidcase.hashset.importer.ReferenceEntry;
import org.vidcase.localstack.KeycloakAdmin;
import org.vidcase.localstack.LocalStack;
import org.vidcase.localstack.SharedStack;
import org.vidcase.replicas.ServerProcess;
import org.vidcase.synthetic.SyntheticImages;
import org.vidcase.testsupport.CanarySearch;
import org.vidcase.testsupport.RecordingProxy;
import org.vidcase.testsupport.SyntheticVideos;
import org.vidcase.testsupport.Tokens;

/**
 * The international exchange end to end, on the real local stack with real processes: the hub and
 * two national nodes (NL and DE), each with its own database, index prefix, bucket, country, key
 * pair and Keycloak client, talking HTTP through a recording proxy; a third country (BE) is a test
 * signer that follows docs/exchange-protocol.md. Compose, approve, sign, push, merge, trust grade,
 * conflict and its review, pull delta, import, match on the other node, feedback, revoke (an entry
 * and a whole package), the ICSE CSV round trip, statistics, the baseline export, hostile packages,
 * and the privacy proof: no canary planted in node NL's data is found in anything that left it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ExchangeIT {

    private static final Logger LOG = Logger.getLogger(ExchangeIT.class);
    private static final String RUN = HexFormat.of().formatHex(new SecureRandom().generateSeed(4));
    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    private static LocalStack stack;
    private static RecordingProxy proxy;
    private static ServerProcess hub;
    private static ServerProcess nodeA;
    private static ServerProcess nodeB;
    private static final List<ServerProcess> servers = new ArrayList<>();

    /** Every string planted in node NL's case data; none may leave the node. */
    private static final Map<String, String> CANARY = new LinkedHashMap<>();
    private static final ECKey BE_KEY = SigningKeys.generate("be-2026-" + RUN);
    private static final SeriesPseudonym BE_SERIES = new SeriesPseudonym(new SecureRandom().generateSeed(32));
    private static final List<Path> files = new ArrayList<>();

    static {
        for (String field : List.of("caseref", "casetitle", "casedesc", "unit", "user", "justification", "series",
                "leadtitle", "leaddesc", "clue", "agency", "idref", "idunit", "filename", "path", "make", "model",
                "serial", "software", "lens", "tag", "note", "seizureref", "seizedby", "device", "tool", "custodyfrom",
                "custodyto", "purpose", "comment")) {
            CANARY.put(field, "zqx" + RUN + field);
        }
        CANARY.put("gpslat", "48.87123");
        CANARY.put("gpslon", "2.35119");
    }

    @BeforeAll
    static void start() throws Exception {
        stack = SharedStack.get();
        System.setProperty("quarkus.oidc.auth-server-url", stack.applicationProperties().get("quarkus.oidc.auth-server-url"));
        try (Connection c = DriverManager.getConnection(stack.postgresSuperuserJdbcUrl()); Statement s = c.createStatement()) {
            for (String db : List.of("vidcase_hub", "vidcase_nl", "vidcase_de")) {
                s.execute("CREATE DATABASE " + db + " OWNER vidcase_owner");
            }
        }
        hub = ServerProcess.start("exchange-hub", stack.applicationProperties(), settings("hub", Map.of(
                "vidcase.exchange.mode", "hub", "vidcase.exchange.max-entries", "500",
                "vidcase.exchange.max-package-size", "2M")));
        servers.add(hub);
        hub.awaitReady(Duration.ofMinutes(3));
        proxy = RecordingProxy.to(hub.baseUrl());
        nodeA = ServerProcess.start("exchange-node-nl", stack.applicationProperties(), settings("nl",
                node("NL", "vidcase-node-a", "off")));
        nodeB = ServerProcess.start("exchange-node-de", stack.applicationProperties(), settings("de",
                node("DE", "vidcase-node-b", "2s")));
        servers.add(nodeA);
        servers.add(nodeB);
        nodeA.awaitReady(Duration.ofMinutes(3));
        nodeB.awaitReady(Duration.ofMinutes(3));
    }

    @AfterAll
    static void stop() throws Exception {
        for (ServerProcess s : servers) {
            s.close();
        }
        if (proxy != null) {
            proxy.close();
        }
    }

    private static Map<String, String> settings(String name, Map<String, String> more) {
        Map<String, String> s = new LinkedHashMap<>(more);
        s.put("quarkus.datasource.jdbc.url", stack.applicationProperties().get("quarkus.datasource.jdbc.url")
                .replaceAll("/vidcase$", "/vidcase_" + name));
        s.put("vidcase.search.index-prefix", "exchange-" + name);
        s.put("vidcase.storage.bucket", "vidcase-" + name);
        s.put("vidcase.jobs.lease", "5S");
        s.put("vidcase.jobs.poll-interval", "500MS");
        s.put("vidcase.series.incremental-every", "off");
        s.put("vidcase.series.naming-every", "1s");
        s.put("vidcase.security.mfa-exempt-clients", "vidcase-hub,vidcase-node-a,vidcase-node-b,vidcase-node-c");
        return s;
    }

    private static Map<String, String> node(String country, String client, String pullEvery) {
        ECKey retired = SigningKeys.generate(country.toLowerCase() + "-2025-" + RUN);
        ECKey current = SigningKeys.generate(country.toLowerCase() + "-2026-" + RUN);
        Map<String, String> s = new LinkedHashMap<>();
        s.put("vidcase.exchange.mode", "node");
        s.put("vidcase.exchange.country", country);
        s.put("vidcase.exchange.signing-keys", new JWKSet(List.of(retired, current)).toString(false));
        s.put("vidcase.exchange.signing-key-id", current.getKeyID());
        s.put("vidcase.exchange.series-secret", Base64.getEncoder().encodeToString(new SecureRandom().generateSeed(32)));
        s.put("vidcase.exchange.hub.url", proxy.url());
        s.put("vidcase.exchange.hub.client-id", client);
        s.put("vidcase.exchange.hub.client-secret", client + "-local-secret");
        s.put("vidcase.exchange.hub.pull-every", pullEvery);
        s.put("vidcase.exchange.hub.page-size", "3");
        return s;
    }

    @Test
    @Order(1)
    void nodesExchangeThroughTheHubAndNothingOfACaseLeavesANode() throws Exception {
        registerNodes();
        Corpus corpus = buildCorpus();

        // 1. NL composes, a supervisor approves (signs), the liaison officer sends; the hub merges.
        String packageA = composeApproveSend(nodeA, "NL");
        JsonPath sentA = api(nodeA, "liaison").get("/api/exchange/packages/" + packageA).then().statusCode(200)
                .extract().jsonPath();
        assertThat(sentA.getString("state")).isEqualTo("SENT");
        assertThat(sentA.getInt("hubAnswer.newEntries")).isEqualTo(6);
        assertThat(sentA.getList("disclosures.channel")).containsExactly("HUB");
        // Sending again, and the same package as a file days later: a replay, nothing changes.
        long changes = number("vidcase_hub", "SELECT coalesce(max(change_seq), 0) FROM hub_entry");
        JsonPath again = api(nodeA, "liaison").post("/api/exchange/packages/" + packageA + "/sending").then()
                .statusCode(200).extract().jsonPath();
        assertThat(again.getBoolean("hubAnswer.replay")).isTrue();
        String fileA = given().baseUri(nodeA.baseUrl()).auth().oauth2(Tokens.of("liaison")).accept("application/jose").contentType("application/json")
                .body(java.util.Map.of("recipient", "Hub desk by secure courier")).post("/api/exchange/packages/" + packageA + "/file")
                .then().statusCode(200).extract().asString();
        keepFile("package-nl.jws", fileA);
        JsonPath fileReplay = given().baseUri(hub.baseUrl()).auth().oauth2(Tokens.of("hubadmin"))
                .contentType("application/jose").body(fileA.getBytes(StandardCharsets.US_ASCII)).post("/api/hub/package-files").then().statusCode(200)
                .extract().jsonPath();
        assertThat(fileReplay.getBoolean("replay")).isTrue();
        assertThat(fileReplay.getString("channel")).isEqualTo("HTTP");
        assertThat(number("vidcase_hub", "SELECT coalesce(max(change_seq), 0) FROM hub_entry")).isEqualTo(changes);
        assertThat(number("vidcase_hub", "SELECT count(*) FROM hub_package")).isEqualTo(1);

        // 2. DE sends its own view (before subscribing: independent submissions), then BE by the protocol alone.
        String packageB = composeApproveSend(nodeB, "DE");
        assertThat(api(nodeB, "liaison").get("/api/exchange/packages/" + packageB).then().extract().jsonPath()
                .getInt("hubAnswer.mergedEntries")).isEqualTo(4);
        UUID packageC = UUID.randomUUID();
        List<PackageEntry> beEntries = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            beEntries.add(beEntry(corpus.shared().get(i), "1", true));
        }
        submitAsBelgium(new HashPackage(packageC, "BE", TODAY, beEntries, List.of(), List.of(), List.of(
                new IdentificationCount(IdentificationCount.Kind.VICTIM, TODAY.getYear(), 4),
                new IdentificationCount(IdentificationCount.Kind.OFFENDER, TODAY.getYear() - 1, 2))), 201);

        // 3. Trust: three countries agree on S1-S3; NL and DE disagree on S4; series linked across three countries.
        JsonPath s1 = hubEntry(corpus.shared().get(0));
        assertThat(s1.getString("status")).isEqualTo("TRUSTED");
        assertThat(s1.getInt("submissions")).isEqualTo(3);
        assertThat(s1.getInt("seriesCountries")).isEqualTo(3);
        assertThat(s1.getBoolean("baseline")).isTrue();
        assertThat(s1.getBoolean("victimIdentified")).isTrue();
        assertThat(hubEntry(corpus.shared().get(2)).getBoolean("baseline")).as("NL did not say baseline").isFalse();
        JsonPath s4 = hubEntry(corpus.shared().get(3));
        assertThat(s4.getString("status")).isEqualTo("CONFLICT");
        assertThat(s4.getList("dissenting")).containsExactly("DE");
        assertThat(api(hub, "hubadmin").get("/api/hub/conflicts").then().statusCode(200).extract().jsonPath()
                .getList("id")).hasSize(1);

        // 4. DE subscribes; the first pull brings the hub's entries, which match DE's items.
        api(nodeB, "supervisor").post("/api/exchange/subscription").then().statusCode(201);
        awaitTrue(() -> api(nodeB, "officer").get("/api/exchange/subscription").then().extract().jsonPath()
                .getLong("entries") == 7, "DE's subscription holds the hub's 7 entries");
        JsonPath subscription = api(nodeB, "officer").get("/api/exchange/subscription").then().extract().jsonPath();
        assertThat(subscription.getLong("trusted")).isEqualTo(3);
        assertThat(subscription.getLong("conflicts")).isEqualTo(1);
        long revision = subscription.getLong("revision");
        assertThat(revision).as("pages of 3 entries").isGreaterThanOrEqualTo(3);
        // A repeated pull with nothing new changes nothing.
        String pull = api(nodeB, "liaison").post("/api/exchange/subscription/pulls").then().statusCode(202).extract().path("id");
        awaitJob(nodeB, pull, "liaison");
        assertThat(api(nodeB, "officer").get("/api/exchange/subscription").then().extract().jsonPath().getLong("revision"))
                .isEqualTo(revision);
        // The hub's delta is idempotent: the same cursor gives the same page.
        String page1 = given().baseUri(hub.baseUrl()).auth().oauth2(Tokens.node("vidcase-node-b"))
                .get("/api/hub/deltas?cursor=0&limit=4").then().statusCode(200).extract().asString();
        String page2 = given().baseUri(hub.baseUrl()).auth().oauth2(Tokens.node("vidcase-node-b"))
                .get("/api/hub/deltas?cursor=0&limit=4").then().statusCode(200).extract().asString();
        assertThat(page2).isEqualTo(page1);

        // 5. Match on the other node: what the officer sees.
        JsonPath trusted = match(nodeB, corpus.caseB(), corpus.itemsB().get("S1"));
        assertThat(trusted.getString("international.summary")).startsWith("known internationally: trusted")
                .contains("category 1", "series linked in 3 countries", "victim identified");
        JsonPath a1 = match(nodeB, corpus.caseB(), corpus.itemsB().get("A1"));
        assertThat(a1.getString("international.trust")).isEqualTo("CANDIDATE");
        JsonPath a1Item = api(nodeB, "officer").get("/api/cases/" + corpus.caseB() + "/media/" + corpus.itemsB().get("A1"))
                .then().statusCode(200).extract().jsonPath();
        assertThat(a1Item.getString("category")).as("pre-categorised from the hub").isEqualTo("1");
        assertThat(a1Item.getString("categorySource")).isEqualTo("HASH_MATCH");
        assertThat(a1Item.getString("matchStatus")).isEqualTo("ALERT");

        // 6. DE's person confirms A1; DE's next package gives feedback, never a submission of the hub's own entry.
        api(nodeB, "officer").body(Map.of("category", "1")).put("/api/cases/" + corpus.caseB() + "/media/"
                + corpus.itemsB().get("A1") + "/categorisation").then().statusCode(200);
        String feedbackPackage = composeApproveSend(nodeB, "DE");
        HashPackage feedback = PackageJson.read(api(nodeB, "liaison").get("/api/exchange/packages/" + feedbackPackage
                + "/payload").then().extract().asByteArray());
        assertThat(feedback.entries()).isEmpty();
        assertThat(feedback.feedback()).extracting(Feedback::md5).contains(corpus.shared().get(0).md5(), corpus.a1().md5());
        assertThat(feedback.feedback()).filteredOn(f -> f.md5().equals(corpus.shared().get(3).md5())).singleElement()
                .satisfies(f -> assertThat(f.agree()).isFalse());
        JsonPath a1AtHub = hubEntry(corpus.a1());
        assertThat(a1AtHub.getInt("submissions")).as("feedback is no independent submission").isEqualTo(1);
        assertThat(a1AtHub.getInt("agreeing")).isEqualTo(2);
        assertThat(a1AtHub.getList("feedback.country")).containsExactly("DE");

        // 7. A hub reviewer decides the conflict.
        long conflict = s4.getLong("id");
        JsonPath resolved = api(hub, "hubadmin").body(Map.of("category", "1"))
                .post("/api/hub/entries/" + conflict + "/resolution").then().statusCode(200).extract().jsonPath();
        assertThat(resolved.getString("status")).isEqualTo("CANDIDATE");
        assertThat(resolved.getString("resolvedCategory")).isEqualTo("1");
        assertThat(api(hub, "hubadmin").get("/api/hub/conflicts").then().extract().jsonPath().getList("id")).isEmpty();
        api(hub, "hubadmin").body(Map.of("category", "1")).post("/api/hub/entries/" + conflict + "/resolution").then()
                .statusCode(409);

        // 8. Statistics and the baseline list for a blocking partner.
        JsonPath stats = api(hub, "hubadmin").get("/api/hub/statistics").then().statusCode(200).extract().jsonPath();
        assertThat(stats.getLong("entries.live")).isEqualTo(7);
        assertThat(stats.getLong("entries.trusted")).isEqualTo(3);
        assertThat(stats.getList("byCountry.country")).contains("NL", "DE", "BE");
        assertThat(stats.getLong("crossBorderSeries.series")).isEqualTo(1);
        // A node's liaison officer reads the same figures through the node, which asks as its service account.
        JsonPath seenByNode = api(nodeA, "liaison").get("/api/exchange/hub-statistics").then().statusCode(200).extract()
                .jsonPath();
        assertThat(seenByNode.getLong("entries.live")).isEqualTo(7);
        assertThat(seenByNode.getList("byCountry.country")).contains("NL", "DE", "BE");
        api(nodeA, "officer").get("/api/exchange/hub-statistics").then().statusCode(403);
        assertThat(stats.getLong("crossBorderSeries.entries")).isEqualTo(7);
        Map<String, Object> thisYear = stats.<Map<String, Object>>getList("identifications").stream()
                .filter(y -> ((Number) y.get("year")).intValue() == TODAY.getYear()).findFirst().orElseThrow();
        assertThat(((Number) thisYear.get("victims")).longValue()).as("NL's record and BE's count").isEqualTo(5);
        assertThat(stats.getList("growth")).isNotEmpty();
        Response baseline = api(hub, "hubadmin").accept("text/csv")
                .body(Map.of("recipient", "Example ISP abuse desk", "legalBasis", "Blocking agreement 2026/14"))
                .post("/api/hub/baseline-exports");
        assertThat(baseline.statusCode()).isEqualTo(201);
        List<ReferenceEntry> baselineEntries = readIcse(baseline.asString());
        assertThat(baselineEntries).extracting(ReferenceEntry::md5).containsExactlyInAnyOrder(
                corpus.shared().get(0).md5(), corpus.shared().get(1).md5());
        assertThat(baselineEntries).allSatisfy(e -> assertThat(e.baseline()).isTrue());
        assertThat(api(hub, "auditor").get("/api/hub/baseline-exports").then().statusCode(200).extract().jsonPath()
                .getList("recipient")).containsExactly("Example ISP abuse desk");
        keepFile("baseline.csv", baseline.asString());

        // 9. NL withdraws A2 (released); DE's schedule pulls the tombstone and its item loses the hash category.
        String revocation = api(nodeA, "liaison").body(Map.of("entries", List.of(Map.of("sha256", corpus.a2().sha256())),
                "reason", "RELEASED")).post("/api/exchange/revocations").then().statusCode(201).extract().path("id");
        api(nodeA, "supervisor").post("/api/exchange/packages/" + revocation + "/approval").then().statusCode(200);
        api(nodeA, "liaison").post("/api/exchange/packages/" + revocation + "/sending").then().statusCode(200);
        assertThat(hubEntry(corpus.a2()).getBoolean("live")).isFalse();
        String a2Item = corpus.itemsB().get("A2");
        awaitTrue(() -> api(nodeB, "officer").get("/api/cases/" + corpus.caseB() + "/media/" + a2Item).then().extract()
                .jsonPath().getString("category") == null, "DE's scheduled pull withdraws A2's category");
        List<Map<String, Object>> history = api(nodeB, "officer").get("/api/cases/" + corpus.caseB() + "/media/" + a2Item
                + "/categorisations").then().statusCode(200).extract().jsonPath().getList("$");
        assertThat(history.get(history.size() - 1).get("note")).asString().contains("category withdrawn");
        JsonPath withdrawn = match(nodeB, corpus.caseB(), a2Item);
        assertThat(withdrawn.getBoolean("setActive")).isFalse();
        assertThat(withdrawn.getBoolean("international.withdrawn")).isTrue();

        // 10. BE withdraws its whole package: S1 falls back to two countries.
        submitAsBelgium(new HashPackage(UUID.randomUUID(), "BE", TODAY, List.of(), List.of(),
                List.of(Revocation.ofPackage(packageC, RevocationReason.WRONG_CATEGORY)), List.of()), 201);
        assertThat(hubEntry(corpus.shared().get(0)).getString("status")).isEqualTo("CANDIDATE");
        awaitTrue(() -> "CANDIDATE".equals(match(nodeB, corpus.caseB(), corpus.itemsB().get("S1"))
                .getString("international.trust")), "DE sees S1 fall back to candidate");

        // 11. The ICSE CSV of NL's package, imported on DE as an ICSE hash set, holds the same entries.
        icseRoundTrip(packageA);

        // 12. Hostile packages: each refused with a clear problem, nothing stored.
        hostilePackages(corpus, fileA);

        // 13. Nothing planted in NL's case data is in anything that left NL.
        privacy();
    }

    /**
     * After the main exchange (DE subscribed): BE shares a video it knows by its vPDQ frames only; DE
     * pulls it and a copy of that video in another container, uploaded afterwards, is an alert
     * through the hub's entry, matched by its frames.
     */
    @Test
    @Order(2)
    void aVideoKnownAbroadIsRecognisedByItsFrames() throws Exception {
        long seed = 7400;
        SyntheticVideos.Spec spec = new SyntheticVideos.Spec(List.of(seed, seed + 1, seed + 2), 2, 10, 160, 120);
        String caseId = api(nodeB, "officer").body(Map.of("reference", "DE-V-" + RUN, "title", "Videos on DE's side"))
                .post("/api/cases").then().statusCode(201).extract().path("id");
        String seizure = api(nodeB, "officer").body(Map.of("reference", "EX-DE-V")).post("/api/cases/" + caseId
                + "/seizures").then().statusCode(201).extract().path("id");
        String original = upload(nodeB, "officer", caseId, seizure, video(SyntheticVideos.Format.MP4, spec), "v.mp4", "/de");
        awaitHashed(caseId, original);
        List<VpdqFrame> frames = new ArrayList<>();
        for (var f : VpdqHashFile.read(new java.io.StringReader(api(nodeB, "officer").get("/api/cases/" + caseId
                + "/media/" + original + "/video/vpdq").then().statusCode(200).extract().asString())).frames()) {
            frames.add(new VpdqFrame(f.frameNumber(), f.hash().toHex(), f.quality(), Math.round(f.timestamp() * 1000)));
        }
        String beCopy = HexFormat.of().formatHex(new SecureRandom().generateSeed(32));
        submitAsBelgium(new HashPackage(UUID.randomUUID(), "BE", TODAY, List.of(new PackageEntry(null, null, beCopy, null,
                null, null, frames, "1", false, null, null, null, true, MediaKind.VIDEO, TODAY, "BE")), List.of(), List.of(),
                List.of()), 201);
        awaitTrue(() -> {
            try {
                return number("vidcase_de", "SELECT count(*) FROM hash_set_entry WHERE sha256 = '" + beCopy
                        + "' AND vpdq IS NOT NULL") == 1;
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }, "DE's scheduled pull brings BE's video with its frames");

        String copy = upload(nodeB, "officer", caseId, seizure, video(SyntheticVideos.Format.WEBM, spec), "v.webm", "/de");
        awaitHashed(caseId, copy);
        JsonPath item = api(nodeB, "officer").get("/api/cases/" + caseId + "/media/" + copy).then().statusCode(200)
                .extract().jsonPath();
        assertThat(item.getString("matchStatus")).isEqualTo("ALERT");
        assertThat(item.getString("category")).isEqualTo("1");
        JsonPath hubMatch = match(nodeB, caseId, copy);
        assertThat(hubMatch.getString("hashType")).isEqualTo("VPDQ");
        assertThat(hubMatch.getFloat("comparedPercent")).isGreaterThanOrEqualTo(80f);
    }

    private static byte[] video(SyntheticVideos.Format format, SyntheticVideos.Spec spec) throws Exception {
        Path file = Files.createTempFile("vidcase-exchange-", "." + format.extension);
        try {
            return Files.readAllBytes(SyntheticVideos.write(file, format, spec));
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static void awaitHashed(String caseId, String item) {
        awaitTrue(() -> "HASHED".equals(api(nodeB, "officer").get("/api/cases/" + caseId + "/media/" + item + "/video")
                .then().statusCode(200).extract().path("state")), "video " + item + " is hashed");
    }

    private void registerNodes() {
        for (String[] n : List.of(new String[] {"vidcase-node-a", "NL"}, new String[] {"vidcase-node-b", "DE"},
                new String[] {"vidcase-node-c", "BE"})) {
            api(hub, "hubadmin").body(Map.of("country", n[1], "description", "Node " + n[1]))
                    .put("/api/hub/nodes/" + n[0]).then().statusCode(200);
        }
        for (Object[] n : List.of(new Object[] {nodeA, "vidcase-node-a"}, new Object[] {nodeB, "vidcase-node-b"})) {
            String published = given().baseUri(((ServerProcess) n[0]).baseUrl()).auth().oauth2(Tokens.of("liaison"))
                    .get("/api/exchange/keys").then().statusCode(200).extract().asString();
            for (Object key : JsonPath.from(published).getList("keys")) {
                api(hub, "hubadmin").body(Map.of("jwk", key)).post("/api/hub/nodes/" + n[1] + "/keys").then().statusCode(200);
            }
        }
        api(hub, "hubadmin").body(Map.of("jwk", BE_KEY.toPublicJWK().toJSONObject()))
                .post("/api/hub/nodes/vidcase-node-c/keys").then().statusCode(200);
        Response privateKey = api(hub, "hubadmin").body(Map.of("jwk", SigningKeys.generate("leak").toJSONObject()))
                .post("/api/hub/nodes/vidcase-node-c/keys");
        assertThat(privateKey.statusCode()).isEqualTo(422);
        assertThat(privateKey.jsonPath().getString("detail")).contains("private key");
        assertThat(api(hub, "hubadmin").get("/api/hub/nodes").then().statusCode(200).extract().jsonPath()
                .getList("keys.flatten()")).hasSize(5);
    }

    /** What the nodes hold: shared pictures (S1-S4), NL's own (A1, A2), DE's own (B1); NL's case full of canaries. */
    private Corpus buildCorpus() throws Exception {
        KeycloakAdmin admin = KeycloakAdmin.connect(stack);
        String user = CANARY.get("user");
        String userId = admin.createUser("vid", user, user + "-demo", List.of("vid-officer"));
        admin.joinUnit("vid", userId, CANARY.get("unit"));

        List<byte[]> shared = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            shared.add(SyntheticImages.png(SyntheticImages.scene(7000 + i, 320, 240)));
        }
        byte[] a1 = SyntheticImages.png(SyntheticImages.scene(7100, 320, 240));
        byte[] a2 = SyntheticImages.png(SyntheticImages.scene(7101, 320, 240));
        byte[] b1 = SyntheticImages.png(SyntheticImages.scene(7200, 320, 240));
        byte[] exif = ExifFixture.withExif(SyntheticImages.jpeg(SyntheticImages.scene(7300, 320, 240), 0.9f),
                CANARY.get("make"), CANARY.get("model"), CANARY.get("software"), "2026:11:30 10:11:12", "+01:00",
                CANARY.get("serial"), CANARY.get("lens"), 48.8712345, 2.3511987);

        // NL: the canary officer opens the case and does the work.
        String caseA = api(nodeA, user).body(Map.of("reference", CANARY.get("caseref").toUpperCase(), "title",
                CANARY.get("casetitle"), "description", CANARY.get("casedesc"))).post("/api/cases").then().statusCode(201)
                .extract().path("id");
        api(nodeA, user).body(Map.of("role", "OBSERVER")).put("/api/cases/" + caseA + "/members/liaison").then()
                .statusCode(200);
        String seizureA = api(nodeA, user).body(Map.of("reference", CANARY.get("seizureref"), "deviceDescription",
                CANARY.get("device"), "seizedBy", CANARY.get("seizedby"), "forensicTool", CANARY.get("tool"),
                "seizedAt", "2026-11-20T07:15:00Z")).post("/api/cases/" + caseA + "/seizures").then().statusCode(201)
                .extract().path("id");
        api(nodeA, user).body(Map.of("occurredAt", "2026-11-21T08:00:00Z", "from", CANARY.get("custodyfrom"), "to",
                CANARY.get("custodyto"), "purpose", CANARY.get("purpose"))).post("/api/cases/" + caseA + "/seizures/"
                + seizureA + "/custody").then().statusCode(201);
        Map<String, String> itemsA = new LinkedHashMap<>();
        List<byte[]> mineA = new ArrayList<>(shared);
        mineA.add(a1);
        mineA.add(a2);
        mineA.add(exif);
        String[] namesA = {"S1", "S2", "S3", "S4", "A1", "A2", "EXIF"};
        for (int i = 0; i < mineA.size(); i++) {
            String item = upload(nodeA, user, caseA, seizureA, mineA.get(i), CANARY.get("filename") + "-" + i + ".png",
                    "C:\\Users\\" + CANARY.get("path") + "\\Pictures");
            itemsA.put(namesA[i], item);
            boolean baseline = i < 2;
            api(nodeA, user).body(Map.of("category", "1", "series", CANARY.get("series"), "tags", List.of(CANARY.get("tag")),
                            "note", CANARY.get("note"), "flags", Map.of("baseline", baseline, "distributed", true)))
                    .put("/api/cases/" + caseA + "/media/" + item + "/categorisation").then().statusCode(200);
        }
        // The EXIF picture is withdrawn from the corpus as comparison material, so that six entries leave.
        api(nodeA, user).body(Map.of("category", "4", "note", CANARY.get("note")))
                .put("/api/cases/" + caseA + "/media/" + itemsA.get("EXIF") + "/categorisation").then().statusCode(200);
        given().baseUri(nodeA.baseUrl()).auth().oauth2(Tokens.of(user)).queryParam("justification", CANARY.get("justification"))
                .get("/api/cases/" + caseA + "/media/" + itemsA.get("EXIF") + "/content").then().statusCode(200);
        String seriesA = awaitSeries(nodeA, user, caseA);
        JsonPath created = api(nodeA, user).body(Map.of("title", CANARY.get("leadtitle"), "description",
                CANARY.get("leaddesc"), "seriesIds", List.of(seriesA), "assignees", List.of(user)))
                .post("/api/cases/" + caseA + "/leads").then().statusCode(201).extract().jsonPath();
        String lead = created.getString("id");
        assertThat(created.getString("status")).isEqualTo("ASSIGNED");
        api(nodeA, user).body(Map.of("version", created.getLong("version"), "status", "IN_PROGRESS"))
                .post("/api/cases/" + caseA + "/leads/" + lead + "/status").then().statusCode(200);
        api(nodeA, user).body(Map.of("type", "OBJECT", "value", CANARY.get("clue")))
                .post("/api/cases/" + caseA + "/leads/" + lead + "/clues").then().statusCode(201);
        api(nodeA, user).body(Map.of("text", CANARY.get("comment")))
                .post("/api/cases/" + caseA + "/leads/" + lead + "/comments").then().statusCode(201);
        api(nodeA, user).body(Map.of("recipientKind", "AGENCY", "recipient", CANARY.get("agency"), "subject", "s"))
                .post("/api/cases/" + caseA + "/leads/" + lead + "/referrals").then().statusCode(201);
        api(nodeA, user).body(Map.of("kind", "VICTIM", "reference", CANARY.get("idref"), "identifiedOn", TODAY.toString(),
                "country", "NL", "unit", CANARY.get("idunit"), "seriesIds", List.of(seriesA), "leadIds", List.of(lead)))
                .post("/api/cases/" + caseA + "/identifications").then().statusCode(201);

        // DE: the same four pictures (one seen as category 2), its own, and NL's two uncategorised.
        String caseB = api(nodeB, "officer").body(Map.of("reference", "DE-" + RUN, "title", "Operation on DE's side"))
                .post("/api/cases").then().statusCode(201).extract().path("id");
        api(nodeB, "officer").body(Map.of("role", "OBSERVER")).put("/api/cases/" + caseB + "/members/liaison").then()
                .statusCode(200);
        String seizureB = api(nodeB, "officer").body(Map.of("reference", "EX-DE-1")).post("/api/cases/" + caseB
                + "/seizures").then().statusCode(201).extract().path("id");
        Map<String, String> itemsB = new LinkedHashMap<>();
        List<byte[]> mineB = new ArrayList<>(shared);
        mineB.add(b1);
        mineB.add(a1);
        mineB.add(a2);
        String[] namesB = {"S1", "S2", "S3", "S4", "B1", "A1", "A2"};
        for (int i = 0; i < mineB.size(); i++) {
            itemsB.put(namesB[i], upload(nodeB, "officer", caseB, seizureB, mineB.get(i), "de-" + i + ".png", "/de"));
            if (i < 5) {
                api(nodeB, "officer").body(Map.of("category", i == 3 ? "2" : "1", "series", "DE series " + RUN,
                                "flags", Map.of("baseline", i < 2)))
                        .put("/api/cases/" + caseB + "/media/" + itemsB.get(namesB[i]) + "/categorisation").then()
                        .statusCode(200);
            }
        }
        awaitSeries(nodeB, "officer", caseB);
        List<Hashes> sharedHashes = shared.stream().map(Hashes::of).toList();
        return new Corpus(caseA, caseB, itemsA, itemsB, sharedHashes, Hashes.of(a1), Hashes.of(a2));
    }

    private static String composeApproveSend(ServerProcess node, String country) {
        String id = api(node, "liaison").body(Map.of()).post("/api/exchange/packages").then().statusCode(201)
                .extract().path("id");
        api(node, "supervisor").post("/api/exchange/packages/" + id + "/approval").then().statusCode(200);
        JsonPath sent = api(node, "liaison").post("/api/exchange/packages/" + id + "/sending").then().statusCode(200)
                .extract().jsonPath();
        assertThat(sent.getString("hubAnswer.country")).isEqualTo(country);
        return id;
    }

    private static PackageEntry beEntry(Hashes h, String category, boolean baseline) {
        return new PackageEntry(h.md5(), h.sha1(), h.sha256(), null, null, null, List.of(), category, baseline,
                BE_SERIES.of(UUID.nameUUIDFromBytes("be-series".getBytes(StandardCharsets.UTF_8))), null, null, true,
                MediaKind.IMAGE, TODAY, "BE");
    }

    /** BE is a test signer: it follows the protocol document, with no VIDCase node behind it. */
    private static JsonPath submitAsBelgium(HashPackage p, int expected) {
        String jws = PackageSigner.sign(p, BE_KEY, PackageLimits.DEFAULT);
        return post(jws, "vidcase-node-c", expected);
    }

    private static JsonPath post(String body, String client, int expected) {
        Response r = given().baseUri(proxy.url()).auth().oauth2(Tokens.node(client)).contentType("application/jose")
                .body(body.getBytes(StandardCharsets.US_ASCII)).post("/api/hub/packages");
        assertThat(r.statusCode()).as(r.asString()).isEqualTo(expected);
        if (expected >= 400) {
            assertThat(r.contentType()).startsWith("application/problem+json");
        }
        return r.jsonPath();
    }

    private static JsonPath hubEntry(Hashes h) throws Exception {
        long id = number("vidcase_hub", "SELECT id FROM hub_entry WHERE sha256 = '" + h.sha256() + "' OR md5 = '"
                + h.md5() + "' ORDER BY id LIMIT 1");
        return api(hub, "hubadmin").get("/api/hub/entries/" + id).then().statusCode(200).extract().jsonPath();
    }

    private static JsonPath match(ServerProcess node, String caseId, String item) {
        List<Map<String, Object>> matches = api(node, "officer").get("/api/cases/" + caseId + "/media/" + item + "/matches")
                .then().statusCode(200).extract().jsonPath().getList("$");
        Map<String, Object> hubMatch = matches.stream().filter(m -> "HUB".equals(m.get("source"))).findFirst()
                .orElseThrow(() -> new AssertionError("no match with the hub subscription: " + matches));
        try {
            return JsonPath.from(new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(hubMatch));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }

    private void icseRoundTrip(String packageA) throws Exception {
        HashPackage p = PackageJson.read(api(nodeA, "liaison").get("/api/exchange/packages/" + packageA + "/payload")
                .then().extract().asByteArray());
        String csv = given().baseUri(nodeA.baseUrl()).auth().oauth2(Tokens.of("liaison")).accept("text/csv").contentType("application/json")
                .body(java.util.Map.of("recipient", "DE by ICSE CSV")).post("/api/exchange/packages/" + packageA + "/icse-csv").then()
                .statusCode(200).extract().asString();
        keepFile("package-nl-icse.csv", csv);
        String set = api(nodeB, "supervisor").body(Map.of("name", "From NL by ICSE CSV", "source", "ICSE", "version", RUN,
                "kind", "ALERT", "defaultCategory", "1")).post("/api/hash-sets").then().statusCode(201).extract().path("id");
        String job = given().baseUri(nodeB.baseUrl()).auth().oauth2(Tokens.of("supervisor")).contentType("text/csv")
                .body(csv.getBytes(StandardCharsets.UTF_8)).queryParam("format", "ICSE")
                .post("/api/hash-sets/" + set + "/imports").then().statusCode(202).extract().path("id");
        assertThat(awaitJob(nodeB, job, "supervisor").getString("state")).isEqualTo("SUCCEEDED");
        List<String> imported = strings("vidcase_de", "SELECT md5 || ' ' || sha1 || ' ' || coalesce(series, '-') || ' ' "
                + "|| baseline || ' ' || coalesce(victim_identified::text, '-') || ' ' || coalesce(distributed::text, '-') "
                + "FROM hash_set_entry WHERE hash_set_id = '" + set + "' ORDER BY md5");
        List<String> sent = p.entries().stream().map(e -> e.md5() + " " + e.sha1() + " " + e.series() + " " + e.baseline()
                + " " + (e.victimIdentified() == null ? "-" : e.victimIdentified()) + " "
                + (e.distributed() == null ? "-" : e.distributed())).sorted().toList();
        assertThat(imported).containsExactlyElementsOf(sent);
    }

    private void hostilePackages(Corpus corpus, String fileA) throws Exception {
        String before = hubState();
        // Tampered: another payload under NL's signature.
        String[] parts = fileA.split("\\.");
        HashPackage other = new HashPackage(UUID.randomUUID(), "NL", TODAY, List.of(beEntry(corpus.a1(), "3", false)),
                List.of(), List.of(), List.of());
        String swapped = parts[0] + "." + Base64URL.encode(org.vidcase.exchange.format.Gzip.compress(
                PackageJson.canonical(other))) + "." + parts[2];
        assertThat(post(swapped, "vidcase-node-a", 422).getString("detail")).contains("signature does not verify");
        // Unsigned.
        String none = Base64URL.encode("{\"alg\":\"none\"}") + "." + parts[1] + ".";
        assertThat(post(none, "vidcase-node-a", 400).getString("detail")).contains("not signed");
        // Unknown key.
        ECKey stranger = SigningKeys.generate("be-unknown-" + RUN);
        assertThat(post(PackageSigner.sign(belgian(corpus), stranger, PackageLimits.DEFAULT), "vidcase-node-c", 422)
                .getString("detail")).contains("not registered");
        // A key of another node is unknown for this one.
        assertThat(post(fileA, "vidcase-node-c", 422).getString("detail")).contains("not registered");
        // Revoked key.
        ECKey revoked = SigningKeys.generate("be-revoked-" + RUN);
        api(hub, "hubadmin").body(Map.of("jwk", revoked.toPublicJWK().toJSONObject()))
                .post("/api/hub/nodes/vidcase-node-c/keys").then().statusCode(200);
        api(hub, "hubadmin").body(Map.of("reason", "lost laptop")).post("/api/hub/nodes/vidcase-node-c/keys/"
                + revoked.getKeyID() + "/revocation").then().statusCode(200);
        assertThat(post(PackageSigner.sign(belgian(corpus), revoked, PackageLimits.DEFAULT), "vidcase-node-c", 422)
                .getString("detail")).contains("was revoked");
        // A client that is no registered node, and a node that submits as another country.
        assertThat(post(fileA, "vidcase-hub", 403).getString("detail")).contains("not a registered");
        HashPackage asNl = new HashPackage(UUID.randomUUID(), "NL", TODAY, List.of(nlEntry(corpus.a1())), List.of(),
                List.of(), List.of());
        assertThat(post(PackageSigner.sign(asNl, BE_KEY, PackageLimits.DEFAULT), "vidcase-node-c", 403).getString("detail"))
                .contains("submits only as itself");
        // Malformed entry and unknown category, named by their pointers.
        String json = new String(PackageJson.canonical(belgian(corpus)), StandardCharsets.UTF_8);
        JsonPath malformed = post(PackageSigner.signUnchecked(json.replaceFirst("\"md5\":\"[0-9a-f]{32}\"",
                "\"md5\":\"xyz\"").getBytes(StandardCharsets.UTF_8), BE_KEY), "vidcase-node-c", 422);
        assertThat(malformed.getList("errors.field")).containsExactly("/entries/0/md5");
        JsonPath category = post(PackageSigner.signUnchecked(json.replaceFirst("\"category\":\"1\"", "\"category\":\"X\"")
                .getBytes(StandardCharsets.UTF_8), BE_KEY), "vidcase-node-c", 422);
        assertThat(category.getList("errors.field")).containsExactly("/entries/0/category");
        assertThat(category.getString("detail")).contains("unknown category 'X'");
        // Oversize: more entries than the hub takes, and a body over its limit.
        List<PackageEntry> many = new ArrayList<>();
        for (int i = 0; i < 501; i++) {
            String md5 = String.format("%032x", i + 1);
            many.add(new PackageEntry(md5, null, null, null, null, null, List.of(), "1", false, null, null, null, null,
                    MediaKind.IMAGE, TODAY, "BE"));
        }
        post(PackageSigner.sign(new HashPackage(UUID.randomUUID(), "BE", TODAY, many, List.of(), List.of(), List.of()),
                BE_KEY, PackageLimits.DEFAULT), "vidcase-node-c", 413);
        Response huge = given().baseUri(hub.baseUrl()).auth().oauth2(Tokens.node("vidcase-node-c"))
                .contentType("application/jose").body("a".repeat(3 << 20).getBytes(StandardCharsets.US_ASCII))
                .post("/api/hub/packages");
        assertThat(huge.statusCode()).isEqualTo(413);
        // A package id used again for other content.
        HashPackage first = belgian(corpus);
        post(PackageSigner.sign(first, BE_KEY, PackageLimits.DEFAULT), "vidcase-node-c", 201);
        String stateWithFirst = hubState();
        HashPackage reused = new HashPackage(first.packageId(), "BE", TODAY, List.of(beEntry(corpus.a2(), "2", false)),
                List.of(), List.of(), List.of());
        assertThat(post(PackageSigner.sign(reused, BE_KEY, PackageLimits.DEFAULT), "vidcase-node-c", 409).getString("detail"))
                .contains("other content");
        assertThat(post(PackageSigner.sign(first, BE_KEY, PackageLimits.DEFAULT), "vidcase-node-c", 200).getBoolean("replay"))
                .isTrue();
        assertThat(hubState()).as("nothing stored by any refusal or replay").isEqualTo(stateWithFirst);
        assertThat(before).isNotEqualTo(stateWithFirst);
        assertThat(number("vidcase_hub", "SELECT count(*) FROM audit_event WHERE action = 'hub.package-receive' "
                + "AND outcome IN ('REFUSED', 'DENIED')")).isGreaterThanOrEqualTo(9);
        // The hub still works.
        assertThat(hub.alive()).isTrue();
        api(hub, "hubadmin").get("/api/hub/statistics").then().statusCode(200);
    }

    private static HashPackage belgian(Corpus corpus) {
        return new HashPackage(UUID.randomUUID(), "BE", TODAY, List.of(beEntry(corpus.a1(), "1", false)), List.of(),
                List.of(), List.of());
    }

    private static PackageEntry nlEntry(Hashes h) {
        return new PackageEntry(h.md5(), h.sha1(), h.sha256(), null, null, null, List.of(), "1", false, null, null, null,
                null, MediaKind.IMAGE, TODAY, "NL");
    }

    /** Everything that changes when the hub stores anything. */
    private static String hubState() throws Exception {
        return strings("vidcase_hub", """
                SELECT (SELECT count(*) FROM hub_package) || '/' || (SELECT count(*) FROM hub_entry) || '/'
                    || (SELECT count(*) FROM hub_submission) || '/' || (SELECT count(*) FROM hub_feedback) || '/'
                    || (SELECT coalesce(max(change_seq), 0) FROM hub_entry) || '/' || (SELECT count(*) FROM hub_series)
                    || '/' || (SELECT coalesce(sum(count), 0) FROM hub_identification_count)""").get(0);
    }

    private void privacy() throws Exception {
        List<String> canaries = List.copyOf(CANARY.values());
        // Positive control: NL holds every canary, so their absence elsewhere means something.
        Set<String> atNl = CanarySearch.found(dump("vidcase_nl"), canaries);
        assertThat(atNl).as("the canaries are in NL's own data").containsExactlyInAnyOrderElementsOf(canaries);

        Map<String, byte[]> left = new LinkedHashMap<>();
        for (Path f : files) {
            left.put("file " + f.getFileName(), Files.readAllBytes(f));
        }
        int n = 0;
        for (RecordingProxy.Exchange e : proxy.exchanges()) {
            left.put("HTTP request " + n + " " + e.method() + " " + e.uri(), e.requestBody());
            left.put("HTTP response " + n++ + " " + e.status() + " " + e.uri(), e.responseBody());
        }
        assertThat(proxy.exchanges()).as("packages and deltas went through the proxy").hasSizeGreaterThan(10);
        left.put("hub database", dump("vidcase_hub"));
        left.put("DE database", dump("vidcase_de"));
        left.put("hub index", hubIndex());
        left.put("hub log", Files.readAllBytes(Path.of("target/replicas/exchange-hub.log")));
        Map<String, Set<String>> leaks = new LinkedHashMap<>();
        left.forEach((what, bytes) -> {
            Set<String> found = CanarySearch.found(bytes, canaries);
            if (!found.isEmpty()) {
                leaks.put(what, found);
            }
        });
        assertThat(leaks).as("canaries outside NL").isEmpty();
        LOG.infof("Privacy: %d canaries, %d artefacts searched (%d HTTP exchanges), none found outside NL",
                canaries.size(), left.size(), proxy.exchanges().size());
    }

    private static byte[] hubIndex() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String path : List.of("/exchange-hub*/_search?size=10000", "/exchange-hub*/_mapping")) {
            HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(stack.searchUrl() + path)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            out.write(r.body());
        }
        return out.toByteArray();
    }

    /** Every row of every table of the database, as COPY writes it. */
    private static byte[] dump(String db) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Connection c = database(db)) {
            for (String table : strings(db, "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1")) {
                out.write(("-- " + table + "\n").getBytes(StandardCharsets.UTF_8));
                c.unwrap(PGConnection.class).getCopyAPI().copyOut("COPY public.\"" + table + "\" TO STDOUT", out);
            }
        }
        return out.toByteArray();
    }

    private static void keepFile(String name, String content) throws Exception {
        Path file = Path.of("target/exchange-it/" + name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
        files.add(file);
    }

    private static List<ReferenceEntry> readIcse(String csv) throws Exception {
        List<ReferenceEntry> read = new ArrayList<>();
        IcseCsvReader.read(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), read::add, e -> {
            throw new AssertionError(e.toString());
        });
        return read;
    }

    private static String awaitSeries(ServerProcess node, String user, String caseId) {
        long deadline = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < deadline) {
            List<String> ids = api(node, user).get("/api/cases/" + caseId + "/series").then().statusCode(200).extract()
                    .jsonPath().getList("id");
            if (!ids.isEmpty()) {
                return ids.get(0);
            }
            sleep(200);
        }
        throw new AssertionError("no series in case " + caseId);
    }

    private static String upload(ServerProcess node, String user, String caseId, String seizure, byte[] bytes,
                                 String name, String path) {
        return given().baseUri(node.baseUrl()).auth().oauth2(Tokens.of(user)).contentType("application/octet-stream")
                .body(bytes).queryParam("fileName", name).queryParam("path", path)
                .post("/api/cases/" + caseId + "/seizures/" + seizure + "/media").then().statusCode(201)
                .extract().path("item.id");
    }

    private static JsonPath awaitJob(ServerProcess node, String job, String user) {
        long deadline = System.currentTimeMillis() + 120_000;
        while (System.currentTimeMillis() < deadline) {
            JsonPath j = api(node, user).get("/api/jobs/" + job).then().statusCode(200).extract().jsonPath();
            if (Set.of("SUCCEEDED", "FAILED", "CANCELLED").contains(j.getString("state"))) {
                return j;
            }
            sleep(200);
        }
        throw new AssertionError("job " + job + " did not end");
    }

    private static void awaitTrue(BooleanSupplier condition, String what) {
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline) {
            if (condition.getAsBoolean()) {
                return;
            }
            sleep(300);
        }
        throw new AssertionError("not within a minute: " + what);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static RequestSpecification api(ServerProcess server, String user) {
        return given().baseUri(server.baseUrl()).auth().oauth2(Tokens.of(user)).contentType("application/json")
                .accept("application/json");
    }

    private static Connection database(String db) throws Exception {
        return DriverManager.getConnection(stack.postgresSuperuserJdbcUrl().replace("/vidcase?", "/" + db + "?"));
    }

    private static long number(String db, String sql) throws Exception {
        try (Connection c = database(db); PreparedStatement s = c.prepareStatement(sql); ResultSet r = s.executeQuery()) {
            r.next();
            return r.getLong(1);
        }
    }

    private static List<String> strings(String db, String sql) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = database(db); PreparedStatement s = c.prepareStatement(sql); ResultSet r = s.executeQuery()) {
            while (r.next()) {
                out.add(r.getString(1));
            }
        }
        return out;
    }

    /** The hashes of a synthetic picture. */
    private record Hashes(String md5, String sha1, String sha256) {
        static Hashes of(byte[] bytes) {
            return new Hashes(digest("MD5", bytes), digest("SHA-1", bytes), digest("SHA-256", bytes));
        }

        private static String digest(String algorithm, byte[] bytes) {
            try {
                return HexFormat.of().formatHex(java.security.MessageDigest.getInstance(algorithm).digest(bytes));
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private record Corpus(String caseA, String caseB, Map<String, String> itemsA, Map<String, String> itemsB,
                          List<Hashes> shared, Hashes a1, Hashes a2) {
    }
}
