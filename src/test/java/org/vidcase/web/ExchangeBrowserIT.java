package org.vidcase.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
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
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.vidcase.exchange.format.HashPackage;
import org.vidcase.exchange.format.IdentificationCount;
import org.vidcase.exchange.format.MediaKind;
import org.vidcase.exchange.format.PackageEntry;
import org.vidcase.exchange.format.PackageLimits;
import org.vidcase.exchange.format.PackageSigner;
import org.vidcase.exchange.format.SeriesPseudonym;
import org.vidcase.exchange.format.SigningKeys;
import org.vidcase.localstack.KeycloakAdmin;
import org.vidcase.localstack.LocalStack;
import org.vidcase.localstack.SharedStack;
import org.vidcase.replicas.ServerProcess;
import org.vidcase.synthetic.SyntheticImages;
import org.vidcase.testsupport.Tokens;

/**
 * The exchange screens in a real browser against a real hub and a real national node (two servers
 * with their own databases, buckets and index prefixes; the local stack's Keycloak), plus Belgium
 * as a test signer that follows docs/exchange-protocol.md. The hub's administrator registers the
 * node and its keys and revokes one; the node's liaison officer composes, a supervisor approves
 * and subscribes, the liaison officer sends and sees the hub's acknowledgement, pulls and reads the
 * hub's statistics; the hub's administrator decides a conflict and hands out a baseline list; an
 * auditor reads the exports. Every screen is checked by axe-core and kept as a screenshot.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ExchangeBrowserIT {

    private static final String RUN = HexFormat.of().formatHex(new SecureRandom().generateSeed(4));
    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);
    private static final ECKey BE_KEY = SigningKeys.generate("be-ui-" + RUN);
    private static final SeriesPseudonym BE_SERIES = new SeriesPseudonym(new SecureRandom().generateSeed(32));
    private static final String NL_CLIENT = "vidcase-node-a";
    private static final String BE_CLIENT = "vidcase-node-c";

    private static LocalStack stack;
    private static ServerProcess hub;
    private static ServerProcess node;
    private static Browser browser;
    private static String nlRetiredKey;
    private static String nlCurrentKey;
    /** Three pictures NL categorises 1: P1 BE agrees on (trusted, baseline), P2 BE calls 2 (conflict), P3 NL alone. */
    private static final List<byte[]> PICTURES = new ArrayList<>();
    /** A picture only BE knows, sent with its PDQ; NL holds a re-encoded copy of it from before the pull. */
    private static java.awt.image.BufferedImage beOnly;
    private static String packageId;

    /** A failed test leaves a screenshot and what the page showed. */
    @RegisterExtension
    static final TestWatcher ON_FAILURE = Browser.keepOnFailure(() -> browser, "exchange-");

    @BeforeAll
    static void start() throws Exception {
        Assumptions.assumeFalse(Browser.skipped(), "browser tests skipped with -D" + Browser.SKIP_PROPERTY + "=skip");
        Browser.requireChromium();
        stack = SharedStack.get();
        System.setProperty("quarkus.oidc.auth-server-url", stack.applicationProperties().get("quarkus.oidc.auth-server-url"));
        try (Connection c = DriverManager.getConnection(stack.postgresSuperuserJdbcUrl()); Statement s = c.createStatement()) {
            for (String db : List.of("vidcase_ui_hub", "vidcase_ui_nl")) {
                s.execute("CREATE DATABASE " + db + " OWNER vidcase_owner");
            }
        }
        // Two countries agreeing make an entry trusted here, so that Belgium and the Netherlands suffice.
        hub = ServerProcess.start("browser-hub", stack.applicationProperties(), settings("hub", Map.of(
                "vidcase.exchange.mode", "hub", "vidcase.exchange.trust-threshold", "2")));
        ECKey retired = SigningKeys.generate("nl-ui-2025-" + RUN);
        ECKey current = SigningKeys.generate("nl-ui-2026-" + RUN);
        nlRetiredKey = retired.getKeyID();
        nlCurrentKey = current.getKeyID();
        Map<String, String> nl = new LinkedHashMap<>();
        nl.put("vidcase.exchange.mode", "node");
        nl.put("vidcase.exchange.country", "NL");
        nl.put("vidcase.exchange.signing-keys", new JWKSet(List.of(retired, current)).toString(false));
        nl.put("vidcase.exchange.signing-key-id", current.getKeyID());
        nl.put("vidcase.exchange.series-secret", Base64.getEncoder().encodeToString(new SecureRandom().generateSeed(32)));
        nl.put("vidcase.exchange.hub.url", hub.baseUrl());
        nl.put("vidcase.exchange.hub.client-id", NL_CLIENT);
        nl.put("vidcase.exchange.hub.client-secret", NL_CLIENT + "-local-secret");
        nl.put("vidcase.exchange.hub.pull-every", "off");
        node = ServerProcess.start("browser-node-nl", stack.applicationProperties(), settings("nl", nl));
        hub.awaitReady(Duration.ofMinutes(3));
        node.awaitReady(Duration.ofMinutes(3));
        KeycloakAdmin admin = KeycloakAdmin.connect(stack);
        admin.allowOrigin("vid", "vidcase-web", hub.baseUrl());
        admin.allowOrigin("vid", "vidcase-web", node.baseUrl());
        WebSignIn.useAdmin(() -> KeycloakAdmin.connect(stack));
        for (int i = 0; i < 3; i++) {
            PICTURES.add(SyntheticImages.png(SyntheticImages.scene(9100 + i, 320, 240)));
        }
        beOnly = SyntheticImages.scene(9200, 640, 480);
        browser = Browser.start(1280, 800);
    }

    @AfterAll
    static void stop() throws Exception {
        Browser.closeAfterAll(browser);
        for (ServerProcess s : new ServerProcess[] {node, hub}) {
            if (s != null) {
                s.close();
            }
        }
    }

    private static Map<String, String> settings(String name, Map<String, String> more) {
        Map<String, String> s = new LinkedHashMap<>(more);
        s.put("quarkus.datasource.jdbc.url", stack.applicationProperties().get("quarkus.datasource.jdbc.url")
                .replaceAll("/vidcase$", "/vidcase_ui_" + name));
        s.put("vidcase.search.index-prefix", "browser-" + name);
        s.put("vidcase.storage.bucket", "vidcase-ui-" + name);
        s.put("vidcase.jobs.poll-interval", "500MS");
        s.put("vidcase.series.incremental-every", "off");
        s.put("vidcase.security.mfa-exempt-clients", "vidcase-hub,vidcase-node-a,vidcase-node-b,vidcase-node-c");
        return s;
    }

    @Test
    @Order(1)
    void theHubsAdministratorRegistersTheNodeAndItsKeysAndRevokesOne() {
        WebSignIn.as(browser, hub.baseUrl(), "hubadmin", "/hub/nodes");
        browser.waitForText(By.id("hub-nodes"), "No node is registered yet");
        // The hub's own menu: no national screens (no cases, no exchange packages) on the hub.
        assertThat(browser.find(By.cssSelector("nav[aria-label=Main]")).getText()).contains("Hub").doesNotContain("Exchange");
        browser.type(By.cssSelector("main form input[name=clientId]"), NL_CLIENT);
        browser.type(By.cssSelector("main form input[name=country]"), "nl");
        browser.type(By.cssSelector("main form input[name=description]"), "National VID unit, Netherlands");
        browser.click(By.xpath("//button[normalize-space()='Register']"));
        // The form refuses a country code the API would refuse, before anything is sent.
        browser.find(By.xpath("//main//form//p[contains(@class, 'field-error')][contains(., 'Two capital letters')]"));
        browser.type(By.cssSelector("main form input[name=country]"), "NL");
        browser.click(By.xpath("//button[normalize-space()='Register']"));
        browser.waitForText(By.id("hub-nodes"), "NL · " + NL_CLIENT);

        // The node publishes its public keys; the administrator pastes each one (compared by thumbprint out of band).
        List<Map<String, Object>> published = api(node, "liaison").get("/api/exchange/keys").then().statusCode(200)
                .extract().jsonPath().getList("keys");
        assertThat(published).hasSize(2);
        for (Map<String, Object> key : published) {
            addKey(new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(key).toString());
            browser.waitForText(By.id("hub-nodes"), (String) key.get("kid"));
        }
        // A private key pasted by mistake is refused in words, and nothing is stored.
        addKey(SigningKeys.generate("leak-" + RUN).toJSONString());
        browser.waitForText(By.cssSelector("#hub-nodes form .problem"), "private");
        // Text that is no key at all is refused in the browser, in words, before anything is sent.
        browser.type(By.xpath("//section[.//h2[normalize-space()='NL · " + NL_CLIENT + "']]//textarea[@name='jwk']"),
                "kid: nl-2026");
        browser.find(By.xpath("//section[.//h2[normalize-space()='NL · " + NL_CLIENT + "']]"))
                .findElement(By.xpath(".//button[normalize-space()='Add the key']")).click();
        browser.waitForText(By.cssSelector("#hub-nodes form .problem"), "Please check what you entered");
        assertThat(browser.find(By.cssSelector("#hub-nodes form .problem")).getText()).contains("The key is not JSON");
        browser.click(By.xpath("//button[@aria-label='Revoke key " + nlRetiredKey + "']"));
        browser.type(By.id("key-revocation-reason"), "Retired at the yearly rotation");
        browser.click(By.xpath("//dialog//button[normalize-space()='Revoke']"));
        browser.waitForText(By.id("hub-nodes"), "Retired at the yearly rotation");
        browser.assertAccessible("hub nodes and keys");
        browser.screenshot("hub-nodes");

        JsonPath nodes = api(hub, "hubadmin").get("/api/hub/nodes").then().statusCode(200).extract().jsonPath();
        assertThat(nodes.getString("find { it.clientId == 'vidcase-node-a' }.country")).isEqualTo("NL");
        assertThat(nodes.getList("find { it.clientId == 'vidcase-node-a' }.keys.keyId"))
                .containsExactlyInAnyOrder(nlRetiredKey, nlCurrentKey);
        assertThat(nodes.getString("find { it.clientId == 'vidcase-node-a' }.keys.find { it.keyId == '" + nlRetiredKey
                + "' }.revokeReason")).isEqualTo("Retired at the yearly rotation");
        assertThat(nodes.getString("find { it.clientId == 'vidcase-node-a' }.keys.find { it.keyId == '" + nlCurrentKey
                + "' }.revokedAt")).isNull();
        WebSignIn.signOut(browser, "hubadmin");

        // Belgium, the test signer, is registered through the API.
        api(hub, "hubadmin").body(Map.of("country", "BE", "description", "Test signer")).put("/api/hub/nodes/" + BE_CLIENT)
                .then().statusCode(200);
        api(hub, "hubadmin").body(Map.of("jwk", BE_KEY.toPublicJWK().toJSONObject())).post("/api/hub/nodes/" + BE_CLIENT
                + "/keys").then().statusCode(200);
    }

    private static void addKey(String jwk) {
        By panel = By.xpath("//section[.//h2[normalize-space()='NL · " + NL_CLIENT + "']]");
        browser.find(panel).findElement(By.cssSelector("details.add-key summary")).click();
        browser.type(By.xpath("//section[.//h2[normalize-space()='NL · " + NL_CLIENT + "']]//textarea[@name='jwk']"), jwk);
        browser.find(panel).findElement(By.xpath(".//button[normalize-space()='Add the key']")).click();
    }

    @Test
    @Order(2)
    void aPackageIsApprovedSentAndAcknowledgedAndTheHubsFiguresReachTheNode() {
        Assumptions.assumeTrue(nlCurrentKey != null, "the hub's administrator registered the node");
        String caseId = api(node, "officer").body(Map.of("reference", "NL-UI-" + RUN, "title", "Operation on NL's side"))
                .post("/api/cases").then().statusCode(201).extract().path("id");
        api(node, "officer").body(Map.of("role", "OBSERVER")).put("/api/cases/" + caseId + "/members/liaison").then()
                .statusCode(200);
        String seizure = api(node, "officer").body(Map.of("reference", "EX-NL-UI")).post("/api/cases/" + caseId
                + "/seizures").then().statusCode(201).extract().path("id");
        for (int i = 0; i < PICTURES.size(); i++) {
            String item = given().baseUri(node.baseUrl()).auth().oauth2(Tokens.of("officer"))
                    .contentType("application/octet-stream").body(PICTURES.get(i)).queryParam("fileName", "p" + i + ".png")
                    .post("/api/cases/" + caseId + "/seizures/" + seizure + "/media").then().statusCode(201)
                    .extract().path("item.id");
            api(node, "officer").body(Map.of("category", "1", "flags", Map.of("baseline", i == 0)))
                    .put("/api/cases/" + caseId + "/media/" + item + "/categorisation").then().statusCode(200);
        }
        // A copy of a picture only BE knows, re-encoded (another hash, a near PDQ), not categorised: it stays home.
        String nearCopy = given().baseUri(node.baseUrl()).auth().oauth2(Tokens.of("officer"))
                .contentType("application/octet-stream").body(SyntheticImages.jpeg(beOnly, 0.7f))
                .queryParam("fileName", "copy.jpg").post("/api/cases/" + caseId + "/seizures/" + seizure + "/media").then()
                .statusCode(201).extract().path("item.id");
        WebSignIn.as(browser, node.baseUrl(), "liaison", "/exchange");
        new Select(browser.find(By.cssSelector("main form select[name=caseId]"))).selectByValue(caseId);
        browser.click(By.xpath("//button[normalize-space()='Compose']"));
        browser.waitForText(By.id("package-state"), "composed");
        packageId = browser.route().replace("/exchange/", "");
        assertThat(browser.mainText()).contains("3 entries");
        WebSignIn.signOut(browser, "liaison");

        WebSignIn.as(browser, node.baseUrl(), "supervisor", "/exchange/" + packageId);
        browser.click(By.id("approve-package"));
        browser.waitForText(By.id("package-state"), "approved");
        browser.open(node.baseUrl() + "/#/exchange");
        browser.click(By.xpath("//button[normalize-space()='Subscribe']"));
        browser.waitForText(By.id("main"), "Entries known internationally");
        WebSignIn.signOut(browser, "supervisor");

        WebSignIn.as(browser, node.baseUrl(), "liaison", "/exchange/" + packageId);
        browser.click(By.id("send-package"));
        browser.waitForText(By.id("package-state"), "sent");
        browser.waitForText(By.id("main"), "\"newEntries\":3");
        assertThat(browser.mainText()).contains("Hub acknowledgement").contains("\"country\":\"NL\"");
        browser.waitForText(By.id("disclosures"), "HUB");
        browser.assertAccessible("exchange package sent and acknowledged");
        browser.screenshot("exchange-sent");
        JsonPath sent = api(node, "liaison").get("/api/exchange/packages/" + packageId).then().statusCode(200).extract()
                .jsonPath();
        assertThat(sent.getString("state")).isEqualTo("SENT");
        assertThat(sent.getInt("hubAnswer.newEntries")).isEqualTo(3);

        // Belgium agrees on P1 and calls P2 category 2: P1 is trusted, P2 in conflict.
        byte[] beOriginal = SyntheticImages.png(beOnly);
        org.vidcase.hashing.PdqResult bePdq = new org.vidcase.hashing.PdqHasher().hash(beOnly);
        PackageEntry withPdq = beEntry(beOriginal, "1", false);
        withPdq = new PackageEntry(withPdq.md5(), withPdq.sha1(), withPdq.sha256(), bePdq.hash().toHex(), bePdq.quality(),
                null, List.of(), "1", false, withPdq.series(), null, null, true, MediaKind.IMAGE, TODAY, "BE");
        HashPackage be = new HashPackage(UUID.randomUUID(), "BE", TODAY, List.of(beEntry(PICTURES.get(0), "1", true),
                beEntry(PICTURES.get(1), "2", false), withPdq), List.of(), List.of(), List.of(
                new IdentificationCount(IdentificationCount.Kind.VICTIM, TODAY.getYear(), 2)));
        given().baseUri(hub.baseUrl()).auth().oauth2(Tokens.node(BE_CLIENT)).contentType("application/jose")
                .body(PackageSigner.sign(be, BE_KEY, PackageLimits.DEFAULT).getBytes(StandardCharsets.US_ASCII))
                .post("/api/hub/packages").then().statusCode(201);

        browser.open(node.baseUrl() + "/#/exchange");
        browser.click(By.xpath("//button[normalize-space()='Pull now']"));
        browser.waitForText(By.id("toasts"), "Pull started");
        awaitTrue(() -> api(node, "liaison").get("/api/exchange/subscription").then().extract().jsonPath()
                .getLong("entries") == 4, "the pull brings the hub's 4 entries");
        // The pull matches by exact hash; the re-matching it queues finds the near copy filed before.
        awaitTrue(() -> api(node, "officer").get("/api/cases/" + caseId + "/media/" + nearCopy + "/matches").then()
                .statusCode(200).extract().jsonPath().getList("findAll { it.source == 'HUB' }.hashType").contains("PDQ"),
                "the copy filed before the pull matches BE's entry by PDQ");
        browser.open(node.baseUrl() + "/#/exchange?pulled=1");
        browser.waitForText(By.id("main"), "Last pull");
        assertThat(detail("Entries known internationally")).isEqualTo("4");
        assertThat(detail("In conflict")).isEqualTo("1");
        browser.assertAccessible("exchange with the subscription pulled");
        browser.screenshot("exchange-subscription");

        browser.click(By.linkText("The hub's statistics for the international community"));
        browser.waitForText(By.id("main"), "By country");
        assertThat(detail("Live")).isEqualTo("4");
        assertThat(detail("Trusted")).isEqualTo("1");
        assertThat(detail("In conflict")).isEqualTo("1");
        assertThat(browser.find(By.xpath("//table[caption[normalize-space()='What each country contributed']]")).getText())
                .contains("BE").contains("NL");
        browser.assertAccessible("the hub's statistics, read by the node");
        browser.screenshot("exchange-hub-statistics");
        WebSignIn.signOut(browser, "liaison");
    }

    @Test
    @Order(3)
    void theHubsAdministratorDecidesTheConflictAndHandsOutTheBaselineList() throws Exception {
        Assumptions.assumeTrue(packageId != null, "the node sent its package");
        WebSignIn.as(browser, hub.baseUrl(), "hubadmin", "/");
        browser.waitForText(By.id("hub-start"), "1 conflict to review");
        browser.click(By.linkText("Statistics for the international community"));
        browser.waitForText(By.id("main"), "By country");
        assertThat(detail("Live")).isEqualTo("4");
        assertThat(detail("Trusted")).isEqualTo("1");
        browser.assertAccessible("hub statistics");
        browser.screenshot("hub-statistics");

        browser.click(By.linkText("Conflicts"));
        browser.waitForText(By.id("main"), "BE: 2, NL: 1");
        browser.assertAccessible("hub conflicts");
        browser.screenshot("hub-conflicts");
        browser.click(By.xpath("//main//table//a"));
        browser.waitForText(By.id("entry-status"), "conflict");
        assertThat(browser.mainText()).contains(sha256(PICTURES.get(1)));
        new Select(browser.find(By.cssSelector("main form select[name=category]"))).selectByValue("1");
        browser.click(By.xpath("//button[normalize-space()='Decide']"));
        browser.waitForText(By.id("main"), "Decided");
        assertThat(detail("Decided")).startsWith("category 1 by");
        assertThat(browser.find(By.id("entry-status")).getText()).doesNotContain("conflict");
        browser.assertAccessible("hub entry decided");
        browser.screenshot("hub-entry");
        assertThat(api(hub, "hubadmin").get("/api/hub/conflicts").then().statusCode(200).extract().jsonPath()
                .getList("id")).isEmpty();

        browser.click(By.linkText("Conflicts"));
        browser.waitForText(By.id("main"), "No conflict to review");
        browser.click(By.linkText("Baseline exports"));
        browser.waitForText(By.id("baseline-exports"), "No baseline list has been handed out");
        browser.type(By.cssSelector("main form input[name=recipient]"), "Example ISP abuse desk");
        browser.type(By.cssSelector("main form textarea[name=legalBasis]"), "Agreement 2026/14, art. 12");
        browser.click(By.xpath("//button[normalize-space()='Make the list']"));
        browser.find(By.id("baseline-download-link"));
        browser.waitForText(By.id("baseline-exports"), "Example ISP abuse desk");
        String offered = browser.find(By.id("baseline-download")).getText();
        browser.assertAccessible("hub baseline exports");
        browser.screenshot("hub-baseline-exports");
        JsonPath exports = api(hub, "hubadmin").get("/api/hub/baseline-exports").then().statusCode(200).extract().jsonPath();
        assertThat(exports.getList("recipient")).containsExactly("Example ISP abuse desk");
        assertThat(exports.getLong("[0].entryCount")).isEqualTo(1);
        assertThat(exports.getString("[0].legalBasis")).isEqualTo("Agreement 2026/14, art. 12");
        // The file offered for saving is the one recorded (ExchangeIT checks the list's content).
        assertThat(offered).contains(exports.getString("[0].sha256"));
        WebSignIn.signOut(browser, "hubadmin");

        // An auditor reads who received a list and why, and makes none.
        WebSignIn.as(browser, hub.baseUrl(), "auditor", "/hub/baseline-exports");
        browser.waitForText(By.id("baseline-exports"), "Agreement 2026/14, art. 12");
        assertThat(browser.driver.findElements(By.xpath("//button[normalize-space()='Make the list']"))).isEmpty();
        browser.open(hub.baseUrl() + "/#/hub/nodes");
        browser.waitForText(By.id("main"), "Forbidden");
        browser.assertAccessible("hub baseline exports for an auditor");
        WebSignIn.signOut(browser, "auditor");
    }

    /** The value beside a label in the page's details. */
    private static String detail(String label) {
        return browser.find(By.xpath("//main//dl/dt[normalize-space()='" + label + "']/following-sibling::dd[1]")).getText();
    }

    private static PackageEntry beEntry(byte[] picture, String category, boolean baseline) {
        return new PackageEntry(md5(picture), digest("SHA-1", picture), sha256(picture), null, null, null, List.of(),
                category, baseline, BE_SERIES.of(UUID.nameUUIDFromBytes("be-ui".getBytes(StandardCharsets.UTF_8))), null,
                null, true, MediaKind.IMAGE, TODAY, "BE");
    }

    private static String md5(byte[] bytes) {
        return digest("MD5", bytes);
    }

    private static String sha256(byte[] bytes) {
        return digest("SHA-256", bytes);
    }

    private static String digest(String algorithm, byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RequestSpecification api(ServerProcess server, String user) {
        return given().baseUri(server.baseUrl()).auth().oauth2(Tokens.of(user)).contentType("application/json")
                .accept("application/json");
    }

    private static void awaitTrue(BooleanSupplier condition, String what) {
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline) {
            if (condition.getAsBoolean()) {
                return;
            }
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("not within a minute: " + what);
    }
}
