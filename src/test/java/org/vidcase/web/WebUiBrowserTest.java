package org.vidcase.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.vidcase.localstack.KeycloakAdmin;
import org.vidcase.localstack.LocalStackTestResource;
import org.vidcase.synthetic.CopyEdit;
import org.vidcase.synthetic.ProceduralScene;
import org.vidcase.synthetic.SyntheticImages;
import org.vidcase.testsupport.Api;

/**
 * The web UI in headless Chromium against the real server and local stack: each demo user signs
 * in through Keycloak (second factor included), an officer runs a triage from upload to a
 * categorised series by keyboard, a second grader disagrees and a supervisor resolves it, a lead
 * is followed through its workflow, and a user outside the case sees none of it. A VICS export is
 * imported and files and a folder are dropped, a running import is cancelled from the Jobs screen, and
 * a lead adds, changes and removes a team member, who then no longer finds the case. Every screen with
 * data is checked with axe-core and kept as a screenshot under target/screenshots.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, restrictToAnnotatedClass = false)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebUiBrowserTest {

    private static final Map<String, String> NAMES = Map.of("officer", "Olivia Officer", "officer2", "Oscar Officer",
            "investigator", "Ivan Investigator", "liaison", "Lena Liaison", "supervisor", "Sam Supervisor",
            "auditor", "Ada Auditor", "hubadmin", "Hana Hubadmin");

    private static Browser browser;

    /** A failed test leaves a screenshot and what the page showed. */
    @org.junit.jupiter.api.extension.RegisterExtension
    static final org.junit.jupiter.api.extension.TestWatcher ON_FAILURE = Browser.keepOnFailure(() -> browser, "");
    private static String base;
    /** The case the officer opens in the triage test; the outsider test looks for it. */
    private static String caseId;
    private static String caseReference;

    /** Once, before the first test: REST Assured knows the test server's port only from then on. */
    @BeforeEach
    void startBrowser() {
        Assumptions.assumeFalse(Browser.skipped(), "browser tests skipped with -D" + Browser.SKIP_PROPERTY + "=skip");
        if (browser != null) {
            return;
        }
        base = "http://localhost:" + RestAssured.port;
        browser = Browser.forSuiteServer(base);
    }

    @AfterAll
    static void stopBrowser() {
        Browser.closeAfterAll(browser);
    }

    @Test
    @Order(1)
    void eachDemoUserSignsInAndSeesTheirNameRolesAndCases() {
        for (String user : List.of("officer", "investigator", "liaison", "supervisor", "auditor", "officer2", "hubadmin")) {
            if (user.equals("hubadmin")) {
                // This server is a national node: the hub's statistics page says so in words.
                WebSignIn.as(browser, base, user, "/hub");
                assertThat(browser.find(By.id("user-roles")).getText()).contains("hub-admin");
                browser.waitForText(By.id("main"), "national node");
                browser.assertAccessible("hub statistics on a node");
                browser.screenshot("hub-on-a-node");
                WebSignIn.signOut(browser, user);
                continue;
            }
            List<String> expected = user.equals("auditor") ? List.of() : Api.as(user).get("/api/cases?status=OPEN").then()
                    .statusCode(200).extract().jsonPath().getList("reference");
            WebSignIn.as(browser, base, user, "/");
            assertThat(browser.find(By.id("user-name")).getText()).isEqualTo(NAMES.get(user));
            if (user.equals("supervisor")) {
                browser.waitForText(By.id("waiting-for-me"), "to approve or refuse");
                browser.assertAccessible("home of a supervisor");
                browser.screenshot("home-supervisor");
            }
            assertThat(browser.find(By.id("user-roles")).getText()).contains(roleOf(user));
            if (!user.equals("auditor")) {
                browser.open(base + "/#/cases");
                browser.find(By.cssSelector("main table, main .empty"));
                List<String> shown = browser.driver.findElements(By.cssSelector("main table tbody tr td:first-child"))
                        .stream().map(WebElement::getText).toList();
                assertThat(shown).as("cases %s sees", user).containsExactlyInAnyOrderElementsOf(expected);
                browser.assertAccessible("cases of " + user);
                browser.screenshot("cases-" + user);
            } else {
                browser.screenshot("home-auditor");
                browser.open(base + "/#/audit?actor=officer");
                browser.find(By.cssSelector("main table"));
                browser.click(By.id("verify-chain"));
                browser.waitForText(By.id("verification"), "intact");
                browser.assertAccessible("audit trail");
                browser.screenshot("audit");
            }
            if (user.equals("supervisor")) {
                browser.open(base + "/#/hash-sets");
                browser.waitForText(By.id("main"), "Demo national alert list");
                registerImportAndActivateAHashSet();
                browser.assertAccessible("hash sets");
                browser.screenshot("hash-sets");
                browser.open(base + "/#/disposals");
                browser.find(By.cssSelector("main section"));
                browser.assertAccessible("disposals");
            }
            if (user.equals("officer")) {
                browser.open(base + "/#/notifications");
                browser.find(By.cssSelector("main table, main .empty"));
                browser.assertAccessible("notifications");
                browser.screenshot("notifications");
                browser.open(base + "/#/leads");
                browser.find(By.id("lead-q")).sendKeys("badge" + Keys.ENTER);
                browser.find(By.cssSelector("#lead-results p"));
                browser.assertAccessible("leads");
                browser.screenshot("leads");
            }
            WebSignIn.signOut(browser, user);
        }
        assertThat(browser.drainConsoleErrors()).as("console errors (a CSP refusal would show here)").isEmpty();
    }

    /** A supervisor registers a set, imports a plain list into it with the job's progress shown live, activates it. */
    private static void registerImportAndActivateAHashSet() {
        String name = "Browser test set " + System.currentTimeMillis() % 100_000_000;
        browser.type(By.cssSelector("main form input[name=name]"), name);
        browser.type(By.cssSelector("main form input[name=version]"), "2026-1");
        new org.openqa.selenium.support.ui.Select(browser.find(By.cssSelector("main form select[name=source]"))).selectByValue("CUSTOM");
        new org.openqa.selenium.support.ui.Select(browser.find(By.cssSelector("main form select[name=kind]"))).selectByValue("IGNORABLE");
        browser.click(By.xpath("//button[normalize-space()='Register']"));
        String row = "//tr[td[contains(., '" + name + "')]]";
        browser.find(By.xpath(row));
        try {
            Path list = Files.createTempFile("vidcase-web-set", ".txt");
            Files.writeString(list, randomMd5() + "\n" + randomMd5() + "\n" + randomMd5() + "\n");
            new org.openqa.selenium.support.ui.Select(browser.find(By.xpath(row + "//select"))).selectByValue("PLAIN");
            browser.driver.findElement(By.xpath(row + "//input[@type='file']")).sendKeys(list.toAbsolutePath().toString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        browser.waitForText(By.id("hash-set-progress"), "succeeded");
        browser.waitForText(By.xpath(row), "3");
        browser.click(By.xpath(row + "//button[normalize-space()='Activate']"));
        browser.waitFor(d -> !d.findElements(By.xpath(row + "//button[normalize-space()='Deactivate']")).isEmpty(),
                "the set activated");
    }

    /** Nothing on the page is wider than the window (no sideways scrolling of the page). */
    private static void assertFitsTheWindow(String screen) {
        Number overflow = (Number) browser.script("return document.documentElement.scrollWidth - window.innerWidth");
        assertThat(overflow.intValue()).as("sideways overflow of %s", screen).isLessThanOrEqualTo(0);
    }

    private static String roleOf(String user) {
        return switch (user) {
            case "officer", "officer2" -> "vid-officer";
            case "liaison" -> "liaison-officer";
            default -> user;
        };
    }

    @Test
    @Order(2)
    void anOfficerTriagesFromUploadToACategorisedSeries() throws Exception {
        WebSignIn.as(browser, base, "officer", "/cases");
        caseReference = "WEB-" + System.currentTimeMillis() % 100_000_000;
        browser.click(By.id("open-case"));
        browser.type(By.name("reference"), "x");
        browser.type(By.name("title"), "Browser triage");
        browser.click(By.cssSelector("#case-form button[type=submit]"));
        browser.waitForText(By.id("case-form"), "Reference must be 3 to 64");
        browser.type(By.name("reference"), caseReference);
        browser.click(By.cssSelector("#case-form button[type=submit]"));
        browser.waitForText(By.cssSelector("main h1"), caseReference);
        caseId = browser.route().replace("/cases/", "");

        browser.type(By.cssSelector("main form input[name=username]"), "investigator");
        browser.click(By.xpath("//button[normalize-space()='Add to the team']"));
        browser.waitForText(By.id("main"), "investigator");
        browser.type(By.cssSelector("main form input[name=username]"), "liaison");
        new org.openqa.selenium.support.ui.Select(browser.find(By.cssSelector("main form select[name=role]"))).selectByValue("OBSERVER");
        browser.click(By.xpath("//button[normalize-space()='Add to the team']"));
        browser.waitForText(By.id("main"), "liaison");

        browser.click(By.id("add-exhibit"));
        browser.type(By.name("reference"), "EX-WEB-1");
        browser.type(By.name("deviceDescription"), "Synthetic laptop for the browser test");
        browser.find(By.name("reference")).submit();
        browser.waitForText(By.cssSelector("main h1"), "Exhibit EX-WEB-1");

        browser.click(By.xpath("//summary[normalize-space()='Record a hand-over']"));
        browser.script("document.querySelector('input[name=occurredAt]').value = arguments[0]",
                java.time.LocalDateTime.now().minusHours(1).withSecond(0).withNano(0).toString());
        browser.type(By.cssSelector("input[name=from]"), "DC Smith, search team");
        browser.type(By.cssSelector("input[name=to]"), "Digital forensics lab");
        browser.type(By.cssSelector("textarea[name=purpose], input[name=purpose]"), "Imaging of the laptop");
        browser.click(By.xpath("//button[normalize-space()='Record the hand-over']"));
        browser.waitForText(By.id("main"), "Digital forensics lab");

        Path folder = syntheticFolder();
        browser.driver.findElement(By.id("upload-folder")).sendKeys(folder.toAbsolutePath().toString());
        browser.waitForText(By.cssSelector(".upload-summary"), "7 stored, 0 refused");
        assertThat(browser.driver.findElements(By.cssSelector(".uploads td.outcome")).stream().map(WebElement::getText))
                .hasSize(7).allSatisfy(o -> assertThat(o).startsWith("New item"));

        // Dropped on the page as a person drags a file from their desktop: a copy of c.png under another name.
        browser.script("const bytes = Uint8Array.from(atob(arguments[0]), c => c.charCodeAt(0));"
                + "const data = new DataTransfer(); data.items.add(new File([bytes], 'copy-of-c.png', {type: 'image/png'}));"
                + "document.getElementById('drop-zone').dispatchEvent(new DragEvent('drop', {dataTransfer: data, bubbles: true, cancelable: true}));",
                java.util.Base64.getEncoder().encodeToString(Files.readAllBytes(folder.resolve("c.png"))));
        browser.waitForText(By.cssSelector(".upload-summary"), "1 stored, 0 refused");
        browser.waitForText(By.cssSelector(".uploads"), "Known to the case: this location added");

        Path csv = folder.resolveSibling("hash-only.csv");
        Files.writeString(csv, "MD5,FileName\n" + randomMd5() + ",hidden-1.jpg\n" + randomMd5() + ",hidden-2.jpg\n");
        browser.driver.findElement(By.id("import-file")).sendKeys(csv.toAbsolutePath().toString());
        browser.click(By.id("start-import"));
        browser.waitForText(By.id("import-progress"), "Import succeeded");
        String seizurePage = browser.driver.getCurrentUrl();
        browser.open(base + "/#/notifications");
        browser.waitForText(By.id("main"), "Your media import succeeded");
        browser.assertAccessible("notifications with a finished job");
        browser.screenshot("notifications-job-ended");
        browser.open(seizurePage);
        browser.find(By.cssSelector(".reduction-bar"));
        browser.assertAccessible("exhibit");
        browser.screenshot("exhibit");

        browser.open(base + "/#/cases/" + caseId + "/series");
        browser.click(By.id("detect-series"));
        browser.waitForText(By.id("clustering-progress"), "Detection succeeded: 2 series created");
        browser.assertAccessible("series");
        browser.screenshot("series");

        // By stack, hash-only items first: categorise, undo, categorise again, all from the keyboard.
        browser.open(base + "/#/cases/" + caseId + "/triage");
        browser.find(By.cssSelector("#triage-queue tr.selected"));
        assertThat(browser.find(By.cssSelector("#triage-queue tbody tr:first-child")).getText()).contains("hash only");
        String first = firstQueueItem();
        browser.press("4");
        browser.waitForText(By.id("triage-status"), "categorised 4");
        assertThat(category(first)).isEqualTo("4");
        browser.press("u");
        browser.waitForText(By.id("triage-status"), "Decision undone");
        assertThat(category(first)).isNull();
        browser.press("4");
        browser.waitForText(By.id("triage-status"), "categorised 4");
        browser.press(Keys.ARROW_DOWN);
        browser.press("k");

        // A picture: metadata first; a blurred greyscale preview rendered by the server; one reveal
        // after a justification given once; each audited.
        browser.press(Keys.ARROW_DOWN);
        String pictured = selectedQueueItem();
        assertThat(browser.driver.findElements(By.cssSelector("#picture-panel img"))).isEmpty();
        browser.press("p");
        WebElement preview = browser.find(By.cssSelector("#picture-panel img[alt^='Blurred greyscale preview']"));
        assertThat(preview.getDomAttribute("src")).startsWith("blob:");
        browser.waitFor(d -> ((Number) browser.script("const i = document.querySelector('#picture-panel img');"
                + "return i && i.complete ? i.naturalWidth : 0")).intValue() > 0, "the preview decoded");
        assertThat(((Number) browser.script("return document.querySelector('#picture-panel img').naturalWidth")).intValue())
                .as("a small preview").isLessThanOrEqualTo(160);
        browser.assertAccessible("triage by stack");
        browser.waitFor(d -> d.findElements(By.cssSelector("#toasts .toast")).isEmpty(), "notices gone (the README's picture)");
        browser.screenshot("triage-stack");
        assertFitsTheWindow("triage at 1280x800");
        browser.driver.manage().window().setSize(new org.openqa.selenium.Dimension(1920, 1080));
        assertFitsTheWindow("triage at 1920x1080");
        browser.screenshot("triage-stack-1920");
        browser.driver.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 800));
        browser.press("r");
        browser.type(By.id("reveal-justification"), "Categorisation: the metadata does not settle it");
        browser.click(By.xpath("//dialog//button[normalize-space()='Reveal']"));
        browser.find(By.cssSelector("#picture-panel img[alt='The picture, revealed']"));
        browser.screenshot("triage-revealed");
        browser.click(By.id("hide-picture"));
        browser.waitFor(d -> d.findElements(By.cssSelector("#picture-panel img")).isEmpty(), "the picture hidden");
        List<Map<String, Object>> audited = Api.as("auditor").get("/api/audit/events?caseId=" + caseId + "&objectId="
                + pictured + "&size=50").then().statusCode(200).extract().jsonPath().getList("");
        assertThat(audited).extracting(e -> e.get("action")).contains("media.preview", "media.reveal");
        assertThat(audited).filteredOn(e -> "media.reveal".equals(e.get("action"))).singleElement()
                .satisfies(e -> assertThat(e.get("justification")).isEqualTo("Categorisation: the metadata does not settle it"));
        browser.press(Keys.ARROW_DOWN);
        browser.press("r");
        browser.find(By.cssSelector("#picture-panel img[alt='The picture, revealed']"));
        assertThat(browser.driver.findElements(By.cssSelector("dialog"))).as("justified once a session").isEmpty();
        browser.press("p");

        // One item: its metadata, matches, similar items and history.
        browser.open(base + "/#/cases/" + caseId + "/media/" + pictured);
        browser.click(By.id("find-similar"));
        browser.waitFor(d -> {
            String shown = d.findElement(By.id("main")).getText();
            return shown.contains("Items you may see with a similar picture") || shown.contains("No similar item");
        }, "the similar items");
        browser.assertAccessible("media item");
        browser.screenshot("media-item");

        // By series: confirm the suggestions, then the whole series in one key.
        browser.open(base + "/#/cases/" + caseId + "/triage?mode=series");
        browser.click(By.id("confirm-suggestions"));
        browser.waitFor(d -> d.findElements(By.id("confirm-suggestions")).isEmpty(), "suggestions confirmed");
        browser.press("2");
        browser.waitForText(By.id("triage-status"), "categorised 2");
        List<Map<String, Object>> series = Api.as("supervisor").get("/api/cases/" + caseId + "/series").then()
                .statusCode(200).extract().jsonPath().getList("");
        String decided = series.stream().filter(s -> ((Number) s.get("confirmed")).intValue() > 0)
                .map(s -> (String) s.get("id")).findFirst().orElseThrow();
        List<String> members = Api.as("supervisor").get("/api/cases/" + caseId + "/series/" + decided).then()
                .statusCode(200).extract().jsonPath().getList("members.mediaItemId");
        assertThat(members).isNotEmpty().allSatisfy(m -> assertThat(category(m)).isEqualTo("2"));
        browser.assertAccessible("triage by series");
        browser.screenshot("triage-series");
        browser.open(base + "/#/cases/" + caseId + "/series/" + decided);
        browser.waitForText(By.id("main"), "History");
        browser.assertAccessible("series page");
        browser.screenshot("series-page");
        browser.open(base + "/#/jobs");
        browser.waitForText(By.id("main"), "succeeded");
        browser.assertAccessible("jobs");
        browser.screenshot("jobs");
        assertThat(browser.drainConsoleErrors()).isEmpty();
        WebSignIn.signOut(browser, "officer");
    }

    private static String firstQueueItem() {
        List<Map<String, Object>> queue = Api.as("supervisor").get("/api/cases/" + caseId
                + "/media?review=TO_REVIEW&stacks=true&hashOnlyFirst=true&size=1").then().statusCode(200).extract()
                .jsonPath().getList("");
        return (String) queue.get(0).get("id");
    }

    /** The id of the item selected in the triage queue (its row links nowhere: read it from the page's item link). */
    private static String selectedQueueItem() {
        String href = browser.find(By.cssSelector("#triage-item a[href*='/media/']")).getDomAttribute("href");
        return href.substring(href.lastIndexOf('/') + 1);
    }

    private static String category(String mediaId) {
        return Api.as("supervisor").get("/api/cases/" + caseId + "/media/" + mediaId).then().statusCode(200).extract()
                .path("category");
    }

    /** Two scenes with edited copies (two series) and one picture on its own, as a seized folder. */
    private static Path syntheticFolder() throws Exception {
        Random random = new Random(4242);
        Path folder = Files.createTempDirectory("vidcase-web").resolve("DCIM");
        Files.createDirectories(folder);
        BufferedImage sceneA = ProceduralScene.of(random.nextLong()).render(640, 480);
        BufferedImage sceneB = ProceduralScene.of(random.nextLong()).render(800, 600);
        Files.write(folder.resolve("a.jpg"), SyntheticImages.jpeg(sceneA, 0.9f));
        for (CopyEdit edit : List.of(CopyEdit.CROP, CopyEdit.BORDER, CopyEdit.MIRROR)) {
            Files.write(folder.resolve("a-" + edit + ".png"), SyntheticImages.png(edit.apply(sceneA, random)));
        }
        Files.write(folder.resolve("b.png"), SyntheticImages.png(sceneB));
        Files.write(folder.resolve("b2.png"), SyntheticImages.png(CopyEdit.MIRROR.apply(sceneB, random)));
        Files.write(folder.resolve("c.png"), SyntheticImages.png(ProceduralScene.of(random.nextLong()).render(640, 480)));
        return folder;
    }

    private static String randomMd5() {
        byte[] bytes = new byte[16];
        new Random().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    @Test
    @Order(3)
    void aSecondGraderDisagreesBlindAndASupervisorResolves() {
        Assumptions.assumeTrue(caseId != null, "the triage test opened the case");
        List<Map<String, Object>> items = Api.as("officer").get("/api/cases/" + caseId + "/media?size=50").then()
                .statusCode(200).extract().jsonPath().getList("");
        String item = items.stream().filter(i -> Boolean.TRUE.equals(i.get("hasContent")) && i.get("category") == null)
                .map(i -> (String) i.get("id")).findFirst().orElseThrow();
        Api.as("officer").body(Map.of("category", "1")).put("/api/cases/" + caseId + "/media/" + item + "/categorisation")
                .then().statusCode(200);

        WebSignIn.as(browser, base, "investigator", "/second-opinions");
        String card = "//li[contains(@class,'opinion')][.//h2[contains(., '" + caseReference + "')]]";
        assertThat(browser.find(By.xpath(card)).getText()).contains("by officer").contains("first category is hidden")
                .doesNotContain("First grader: 1");
        browser.assertAccessible("second opinions");
        browser.screenshot("second-opinions");
        new org.openqa.selenium.support.ui.Select(browser.find(By.xpath(card + "//select[@name='category']")))
                .selectByValue("2");
        browser.click(By.xpath(card + "//button[normalize-space()='Give my category']"));
        browser.waitForText(By.id("toasts"), "Disagreement");
        WebSignIn.signOut(browser, "investigator");

        WebSignIn.as(browser, base, "supervisor", "/second-opinions?state=DISAGREED");
        assertThat(browser.find(By.xpath(card)).getText()).contains("First grader: 1").contains("Second grader investigator: 2");
        browser.type(By.xpath(card + "//input[@name='note']"), "Adult: comparison material");
        browser.click(By.xpath(card + "//button[normalize-space()='Resolve']"));
        browser.waitForText(By.id("toasts"), "resolved");
        assertThat(category(item)).isEqualTo("2");
        browser.open(base + "/#/cases/" + caseId + "/report");
        browser.waitForText(By.id("main"), "Exhibit EX-WEB-1");
        assertThat(browser.mainText()).contains("Graded items").contains("supervisor");
        browser.assertAccessible("exhibit report");
        browser.screenshot("exhibit-report");
        String hold = "//form[.//button[normalize-space()='Set a legal hold']]//*[@name='reason']";
        browser.open(base + "/#/cases/" + caseId);
        browser.type(By.xpath(hold), "Appeal pending in the related trial");
        browser.click(By.xpath("//button[normalize-space()='Set a legal hold']"));
        browser.waitForText(By.id("main"), "Under a legal hold since");
        browser.assertAccessible("case with a legal hold");
        browser.screenshot("legal-hold");
        browser.type(By.xpath("//form[.//button[normalize-space()='Lift the legal hold']]//*[@name='reason']"),
                "The appeal was decided");
        browser.click(By.xpath("//button[normalize-space()='Lift the legal hold']"));
        browser.find(By.xpath(hold));
        browser.open(base + "/#/welfare");
        browser.find(By.cssSelector("main table, main .empty"));
        browser.assertAccessible("welfare");
        browser.screenshot("welfare");
        WebSignIn.signOut(browser, "supervisor");
    }

    @Test
    @Order(4)
    void aLeadIsFollowedThroughItsWorkflow() {
        Assumptions.assumeTrue(caseId != null, "the triage test opened the case");
        WebSignIn.as(browser, base, "officer", "/cases/" + caseId + "/leads");
        browser.type(By.name("title"), "Badge on the school jumper");
        browser.find(By.name("ongoingAbuse")).click();
        browser.click(By.xpath("//button[normalize-space()='Open the lead']"));
        browser.waitForText(By.id("lead-status"), "open");
        String lead = browser.route().replaceAll(".*/leads/", "");
        browser.find(By.cssSelector("input[type=checkbox][value=investigator]")).click();
        browser.click(By.id("save-assignees"));
        browser.waitForText(By.id("lead-status"), "assigned");
        browser.click(By.cssSelector("button[data-move=IN_PROGRESS]"));
        browser.waitForText(By.id("lead-status"), "in progress");
        new org.openqa.selenium.support.ui.Select(browser.find(By.cssSelector("select[name=type]"))).selectByValue("DEVICE");
        browser.type(By.cssSelector("input[name=value]"), "Canon EOS 5D serial 0123-4567");
        browser.click(By.xpath("//button[normalize-space()='Add the clue']"));
        browser.waitForText(By.id("main"), "Canon EOS 5D serial 0123-4567");
        browser.type(By.cssSelector("textarea[name=text]"), "School identified from the badge; checking the roll.");
        browser.click(By.xpath("//button[normalize-space()='Comment']"));
        browser.waitForText(By.id("main"), "checking the roll");
        browser.type(By.cssSelector("input[name=recipient]"), "Local safeguarding team");
        browser.type(By.cssSelector("input[name=subject]"), "Badge clue and school");
        browser.click(By.xpath("//button[normalize-space()='Refer']"));
        browser.waitForText(By.id("lead-status"), "referred");
        browser.click(By.xpath("//button[normalize-space()='Record the reply']"));
        browser.type(By.cssSelector("textarea[name=reply]"), "Pupil safeguarded");
        browser.find(By.cssSelector("textarea[name=reply]")).submit();
        browser.waitForText(By.id("lead-status"), "in progress");
        browser.find(By.cssSelector("input[name=date]")).sendKeys(java.time.LocalDate.now().format(
                java.time.format.DateTimeFormatter.ofPattern("ddMMyyyy")));
        new org.openqa.selenium.support.ui.Select(browser.find(By.cssSelector("select[name=outcome]"))).selectByValue("VICTIM_IDENTIFIED");
        browser.click(By.xpath("//button[normalize-space()='Close the lead']"));
        browser.waitForText(By.id("lead-status"), "closed");
        browser.assertAccessible("lead");
        browser.screenshot("lead");
        List<String> history = Api.as("supervisor").get("/api/cases/" + caseId + "/leads/" + lead + "/history").then()
                .statusCode(200).extract().jsonPath().getList("newValue");
        assertThat(history).contains("ASSIGNED", "IN_PROGRESS", "REFERRED", "CLOSED");
        browser.open(base + "/#/cases/" + caseId + "/leads");
        browser.find(By.cssSelector(".board"));
        browser.assertAccessible("leads board");
        browser.screenshot("leads-board");
        WebSignIn.signOut(browser, "officer");

        WebSignIn.as(browser, base, "supervisor", "/cases/" + caseId + "/leads/" + lead);
        browser.type(By.cssSelector("input[name=reason]"), "A second pupil may be involved");
        browser.click(By.xpath("//button[normalize-space()='Reopen the lead']"));
        browser.waitForText(By.id("lead-status"), "in progress");
        WebSignIn.signOut(browser, "supervisor");
    }

    @Test
    @Order(5)
    void aPackageIsComposedApprovedByAnotherAndHandedOver() {
        Assumptions.assumeTrue(caseId != null, "the triage test opened the case");
        WebSignIn.as(browser, base, "liaison", "/exchange");
        new org.openqa.selenium.support.ui.Select(browser.find(By.cssSelector("main form select[name=caseId]"))).selectByValue(caseId);
        browser.click(By.xpath("//button[normalize-space()='Compose']"));
        browser.waitForText(By.id("package-state"), "composed");
        String pkg = browser.route().replace("/exchange/", "");
        browser.click(By.id("show-payload"));
        String payload = browser.find(By.cssSelector("pre.payload")).getText();
        assertThat(payload).as("what leaves: hashes and categories only").contains("sha256")
                .doesNotContain(caseReference).doesNotContain("EX-WEB-1").doesNotContain("DCIM").doesNotContain("officer");
        browser.assertAccessible("exchange package");
        browser.screenshot("exchange-composed");
        browser.open(base + "/#/exchange");
        new org.openqa.selenium.support.ui.Select(browser.find(By.cssSelector("main form select[name=caseId]"))).selectByValue(caseId);
        browser.click(By.xpath("//button[normalize-space()='Compose']"));
        browser.waitForText(By.id("package-state"), "composed");
        String refused = browser.route().replace("/exchange/", "");
        WebSignIn.signOut(browser, "liaison");

        WebSignIn.as(browser, base, "supervisor", "/exchange/" + pkg);
        browser.click(By.id("approve-package"));
        browser.waitForText(By.id("package-state"), "approved");
        assertThat(browser.mainText()).contains("by supervisor").contains("test-2026");
        browser.open(base + "/#/exchange/" + refused);
        browser.click(By.xpath("//main//button[normalize-space()='Refuse']"));
        browser.type(By.id("refusal-reason"), "Category 2 entries wait for the second opinions");
        browser.click(By.xpath("//dialog//button[normalize-space()='Refuse']"));
        browser.waitForText(By.id("package-state"), "refused");
        assertThat(browser.mainText()).contains("Category 2 entries wait for the second opinions");
        WebSignIn.signOut(browser, "supervisor");

        WebSignIn.as(browser, base, "liaison", "/exchange/" + pkg);
        browser.click(By.id("send-package"));
        browser.waitForText(By.id("toasts"), "no hub configured");
        browser.type(By.cssSelector("main form input[name=recipient]"), "Partner hub, by courier");
        browser.click(By.xpath("//button[normalize-space()='Make the file']"));
        browser.find(By.id("hand-over-download"));
        browser.waitForText(By.id("disclosures"), "Partner hub, by courier");
        browser.assertAccessible("exchange hand-over");
        browser.screenshot("exchange-handed-over");
        browser.open(base + "/#/exchange");
        browser.find(By.cssSelector("main table"));
        browser.assertAccessible("exchange packages");
        browser.screenshot("exchange");
        assertThat(Api.as("supervisor").get("/api/exchange/packages/" + pkg).then().statusCode(200).extract()
                .jsonPath().getList("disclosures.recipient")).contains("Partner hub, by courier");
        WebSignIn.signOut(browser, "liaison");
    }

    @Test
    @Order(6)
    void aSupervisorApprovesTheDisposalOfAClosedCase() throws InterruptedException {
        // Closed cases are due at once in the test profile (retention period 0).
        java.util.UUID closed = org.vidcase.testsupport.CaseFixture.openCase("officer");
        String reference = Api.as("officer").get("/api/cases/" + closed).then().statusCode(200).extract().path("reference");
        Api.as("officer").body(Map.of("reason", "Convicted; appeals exhausted")).post("/api/cases/" + closed + "/close")
                .then().statusCode(200);

        WebSignIn.as(browser, base, "supervisor", "/disposals");
        browser.waitForText(By.id("main"), reference);
        browser.assertAccessible("disposals due");
        browser.screenshot("disposals-due");
        browser.open(base + "/#/cases/" + closed);
        browser.type(By.xpath("//form[.//button[normalize-space()='Approve the disposal']]//*[@name='legalBasis']"),
                "Retention schedule, section 4.2");
        browser.click(By.xpath("//button[normalize-space()='Approve the disposal']"));
        browser.waitForText(By.id("toasts"), "Disposal approved");
        // The job runs it; the register then says it is done and when the key was destroyed.
        long deadline = System.currentTimeMillis() + 60_000;
        while (!"DISPOSED".equals(disposalState(reference)) && System.currentTimeMillis() < deadline) {
            Thread.sleep(500);
        }
        assertThat(disposalState(reference)).isEqualTo("DISPOSED");
        browser.open(base + "/#/cases");
        browser.open(base + "/#/disposals");
        String row = "//table[caption[contains(., 'register')]]//tr[td[normalize-space()='" + reference + "']]";
        browser.waitForText(By.xpath(row), "disposed");
        assertThat(browser.find(By.xpath(row)).getText()).contains("Retention schedule, section 4.2").contains("supervisor");
        browser.assertAccessible("disposal register");
        browser.screenshot("disposal-register");
        Api.as("officer").get("/api/cases/" + closed).then().statusCode(404);
        WebSignIn.signOut(browser, "supervisor");
    }

    private static String disposalState(String reference) {
        List<Map<String, Object>> register = Api.as("supervisor").get("/api/disposals").then().statusCode(200).extract()
                .jsonPath().getList("");
        return register.stream().filter(d -> reference.equals(d.get("caseReference"))).map(d -> (String) d.get("state"))
                .findFirst().orElse(null);
    }

    @Test
    @Order(7)
    void aVideoIsTriagedFromBlurredKeyFramesAndOneFrameRevealedWithAJustification() throws Exception {
        java.util.UUID videoCase = org.vidcase.testsupport.CaseFixture.openCase("officer");
        java.util.UUID seizure = org.vidcase.testsupport.MediaFixture.seizure(videoCase, "officer");
        Path file = Files.createTempFile("vidcase-web-", ".mp4");
        byte[] video;
        try {
            video = Files.readAllBytes(org.vidcase.testsupport.SyntheticVideos.write(file,
                    org.vidcase.testsupport.SyntheticVideos.Format.MP4,
                    new org.vidcase.testsupport.SyntheticVideos.Spec(List.of(60_000L, 60_001L), 2, 10, 160, 120)));
        } finally {
            Files.deleteIfExists(file);
        }
        String item = RestAssured.given().auth().oauth2(org.vidcase.testsupport.Tokens.of("officer"))
                .contentType("application/octet-stream").body(video).queryParam("fileName", "clip.mp4")
                .post("/api/cases/" + videoCase + "/seizures/" + seizure + "/media").then().statusCode(201)
                .extract().path("item.id");
        String itemPath = "/api/cases/" + videoCase + "/media/" + item;
        long deadline = System.currentTimeMillis() + 120_000;
        while (!"HASHED".equals(Api.as("officer").get(itemPath + "/video").then().statusCode(200).extract().path("state"))) {
            assertThat(System.currentTimeMillis()).as("the video is hashed in time").isLessThan(deadline);
            Thread.sleep(250);
        }

        WebSignIn.as(browser, base, "officer", "/cases/" + videoCase + "/media/" + item);
        browser.click(By.id("show-preview"));
        browser.find(By.cssSelector("#picture-panel img[alt='Blurred greyscale key frames of the video']"));
        browser.click(By.id("reveal-picture"));
        browser.type(By.id("reveal-justification"), "Categorisation: the key frames do not settle it");
        browser.click(By.xpath("//dialog//button[normalize-space()='Reveal']"));
        browser.click(By.cssSelector("#picture-panel button[data-key-frame='0']"));
        browser.find(By.cssSelector("#picture-panel img[alt^='Key frame at']"));
        browser.assertAccessible("video key frame revealed");
        browser.screenshot("video-key-frame-revealed");
        browser.click(By.id("hide-picture"));
        browser.waitFor(d -> d.findElements(By.cssSelector("#picture-panel img")).isEmpty(), "the frame hidden");
        List<Map<String, Object>> audited = Api.as("auditor").get("/api/audit/events?caseId=" + videoCase + "&objectId="
                + item + "&size=50").then().statusCode(200).extract().jsonPath().getList("");
        assertThat(audited).filteredOn(e -> "media.key-frame-reveal".equals(e.get("action"))).singleElement()
                .satisfies(e -> assertThat(e.get("justification")).isEqualTo("Categorisation: the key frames do not settle it"));
        WebSignIn.signOut(browser, "officer");
    }

    @Test
    @Order(8)
    void tokensRenewSilentlyAndAnEndedSessionReturnsToSignInOnTheSamePage() throws InterruptedException {
        KeycloakAdmin admin = KeycloakAdmin.connect();
        admin.setClientAttribute("vid", "vidcase-web", "access.token.lifespan", "20");
        try {
            WebSignIn.as(browser, base, "investigator", "/leads");
            String expiry = tokenExpiry();
            assertThat(java.time.Duration.between(java.time.Instant.now(), java.time.Instant.parse(expiry)))
                    .as("the client's short token lifetime").isLessThan(java.time.Duration.ofSeconds(30));
            Thread.sleep(25_000);
            assertThat(tokenExpiry()).as("renewed in the background").isGreaterThan(expiry);
            browser.click(By.cssSelector("nav a[href='#/cases']"));
            browser.find(By.cssSelector("main table, main .empty"));
            assertThat(browser.driver.getCurrentUrl()).as("renewed without a sign-in page").startsWith(base);

            browser.open(base + "/#/second-opinions?state=AGREED");
            browser.find(By.cssSelector("main section"));
            admin.signOutEverywhere("vid", "investigator");
            browser.waitFor(d -> !d.getCurrentUrl().startsWith(base), "back at Keycloak's sign-in once the session ended");
            browser.screenshot("session-ended-sign-in");
            WebSignIn.completeSignIn(browser, "investigator");
            assertThat(browser.route()).isEqualTo("/second-opinions?state=AGREED");
            WebSignIn.signOut(browser, "investigator");
        } finally {
            admin.setClientAttribute("vid", "vidcase-web", "access.token.lifespan", null);
        }
    }

    private static String tokenExpiry() {
        return (String) browser.script("return document.documentElement.dataset.tokenExpiresAt");
    }

    @Test
    @Order(10)
    @SuppressWarnings("unchecked")
    void aVicsExportIsImportedWithLiveProgressAndDroppedFilesAndFoldersAreUploaded() throws Exception {
        java.util.UUID importCase = org.vidcase.testsupport.CaseFixture.openCase("officer");
        java.util.UUID seizure = org.vidcase.testsupport.MediaFixture.seizure(importCase, "officer");
        // A VICS 2.0 case export as exporters write it (OData context, a case object holding the Media
        // array, untidy values); some of its records carry a category the scheme does not have.
        Path vics = Files.createTempFile("vidcase-web-export", ".json");
        vics.toFile().deleteOnExit();
        try (java.io.OutputStream out = Files.newOutputStream(vics)) {
            org.vidcase.media.vics.VicsFileGenerator.generate(out, 40, "2.0", 1313);
        }
        List<String> codes = Api.as("officer").get("/api/categories").then().statusCode(200).extract().jsonPath()
                .getList("categories.code");
        com.fasterxml.jackson.databind.JsonNode media = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(vics.toFile()).path("value").get(0).path("Media");
        java.util.Set<String> expectedMd5 = new java.util.HashSet<>();
        int rejected = 0;
        for (com.fasterxml.jackson.databind.JsonNode m : media) {
            if (codes.contains(m.path("Category").asText())) {
                expectedMd5.add(m.path("MD5").asText().toLowerCase(java.util.Locale.ROOT));
            } else {
                rejected++;
            }
        }
        assertThat(rejected).as("records the scheme refuses, in this seed's file").isPositive();

        WebSignIn.as(browser, base, "officer", "/cases/" + importCase + "/seizures/" + seizure);
        browser.driver.findElement(By.id("import-file")).sendKeys(vics.toAbsolutePath().toString());
        browser.click(By.id("start-import"));
        String job = browser.find(By.cssSelector("#import-progress .job")).getDomAttribute("data-job-id");
        browser.waitForText(By.cssSelector("#import-progress .progress-text"), media.size() + " of " + media.size());
        browser.waitForText(By.id("import-progress"), "Import succeeded: " + media.size() + " records, "
                + expectedMd5.size() + " new items");
        assertThat(browser.find(By.cssSelector("#import-progress progress")).getDomProperty("value")).isEqualTo("100");
        browser.script("document.getElementById('import-progress').scrollIntoView({block: 'center'})");
        assertThat(browser.find(By.cssSelector("#import-progress details summary")).getText())
                .isEqualTo(rejected + " records refused");
        browser.assertAccessible("VICS import");
        browser.screenshot("vics-import");
        io.restassured.path.json.JsonPath ended = Api.as("officer").get("/api/jobs/" + job).then().statusCode(200)
                .extract().jsonPath();
        assertThat(ended.getString("state")).isEqualTo("SUCCEEDED");
        assertThat(ended.getInt("result.records")).isEqualTo(media.size());
        assertThat(ended.getInt("result.newItems")).isEqualTo(expectedMd5.size());
        assertThat(ended.getInt("result.rejected")).isEqualTo(rejected);
        List<Map<String, Object>> items = seizureItems(importCase, seizure);
        assertThat(items).extracting(i -> (String) i.get("md5")).containsExactlyInAnyOrderElementsOf(expectedMd5);
        assertThat(items).allSatisfy(i -> assertThat(i).containsEntry("source", "VICS").containsEntry("hasContent", false));

        // Several files dropped at once (a DataTransfer made in the page: its items give no file-system
        // entries, so the drop's files are uploaded as they are).
        List<byte[]> pictures = List.of(org.vidcase.testsupport.MediaFixture.uniquePng(),
                org.vidcase.testsupport.MediaFixture.uniquePng(), org.vidcase.testsupport.MediaFixture.uniquePng());
        browser.script("const data = new DataTransfer();"
                + "arguments[0].forEach((b64, i) => data.items.add(new File([Uint8Array.from(atob(b64), c => c.charCodeAt(0))],"
                + " 'dropped-' + i + '.png', {type: 'image/png'})));"
                + "document.getElementById('drop-zone').dispatchEvent(new DragEvent('drop', {dataTransfer: data, bubbles: true, cancelable: true}));",
                pictures.stream().map(java.util.Base64.getEncoder()::encodeToString).toList());
        browser.waitForText(By.cssSelector(".upload-summary"), "3 stored, 0 refused");
        assertThat(browser.driver.findElements(By.cssSelector(".uploads tr")).stream().map(WebElement::getText))
                .filteredOn(row -> row.startsWith("dropped-")).hasSize(3).allSatisfy(row -> assertThat(row).contains("New item"));

        // A dropped folder is walked. A script cannot put a folder into a drop's DataTransfer, so the
        // folder is made in the page's sandboxed file system, whose directory entries are the same
        // objects a real folder drop hands the page, and only the drop event's item is a stand-in.
        Map<String, byte[]> folder = new java.util.LinkedHashMap<>();
        folder.put("Phone/top.png", org.vidcase.testsupport.MediaFixture.uniquePng());
        folder.put("Phone/DCIM/100APPLE/IMG_0001.png", org.vidcase.testsupport.MediaFixture.uniquePng());
        folder.put("Phone/DCIM/100APPLE/IMG_0002.png", org.vidcase.testsupport.MediaFixture.uniquePng());
        folder.put("Phone/Pictures/Screenshots/shot.png", org.vidcase.testsupport.MediaFixture.uniquePng());
        Object dropped = dropFolder("Phone", folder);
        assertThat(dropped).as("the folder made and dropped").isEqualTo("/Phone");
        browser.waitForText(By.cssSelector(".upload-summary"), "4 stored, 0 refused");
        assertThat(browser.driver.findElements(By.cssSelector(".uploads tr")).stream().map(WebElement::getText))
                .filteredOn(row -> row.startsWith("Phone/")).hasSize(4).allSatisfy(row -> assertThat(row).contains("New item"));
        List<String> locations = seizureItems(importCase, seizure).stream()
                .flatMap(i -> ((List<Map<String, Object>>) i.get("locations")).stream())
                .map(l -> l.get("path") + "/" + l.get("fileName")).toList();
        assertThat(locations).containsAll(folder.keySet());
        assertThat(dropFolder("Empty", Map.of())).isEqualTo("/Empty");
        browser.waitForText(By.id("toasts"), "Nothing to upload");
        browser.script("document.querySelector('.uploads').scrollIntoView({block: 'start'})");
        browser.assertAccessible("dropped files and folder");
        browser.screenshot("dropped-files-and-folder");
        WebSignIn.signOut(browser, "officer");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> seizureItems(java.util.UUID caseId, java.util.UUID seizure) {
        return Api.as("officer").get("/api/cases/" + caseId + "/media?seizureId=" + seizure + "&size=1000").then()
                .statusCode(200).extract().jsonPath().getList("");
    }

    /**
     * Makes {@code files} (paths under {@code top}) in the page's sandboxed file system and drops the
     * directory {@code top} on the drop zone; answers the dropped entry's full path.
     */
    private static Object dropFolder(String top, Map<String, byte[]> files) {
        List<List<String>> written = files.entrySet().stream()
                .map(f -> List.of(f.getKey(), java.util.Base64.getEncoder().encodeToString(f.getValue()))).toList();
        return browser.driver.executeAsyncScript("""
                const [top, files, done] = arguments;
                const call = fn => new Promise((resolve, reject) => fn(resolve, reject));
                const directory = async (parent, path) => {
                  let dir = parent;
                  for (const name of path.split('/').filter(Boolean)) {
                    dir = await call((ok, fail) => dir.getDirectory(name, {create: true}, ok, fail));
                  }
                  return dir;
                };
                (async () => {
                  const fs = await call((ok, fail) => webkitRequestFileSystem(TEMPORARY, 16 << 20, ok, fail));
                  const folder = await directory(fs.root, top);
                  for (const [path, base64] of files) {
                    const slash = path.lastIndexOf('/');
                    const dir = await directory(fs.root, path.slice(0, slash));
                    const file = await call((ok, fail) => dir.getFile(path.slice(slash + 1), {create: true}, ok, fail));
                    const writer = await call((ok, fail) => file.createWriter(ok, fail));
                    await new Promise((ok, fail) => {
                      writer.onwriteend = ok;
                      writer.onerror = fail;
                      writer.write(new Blob([Uint8Array.from(atob(base64), c => c.charCodeAt(0))]));
                    });
                  }
                  const drop = new Event('drop', {bubbles: true, cancelable: true});
                  Object.defineProperty(drop, 'dataTransfer', {value: {items: [{kind: 'file', webkitGetAsEntry: () => folder}], files: []}});
                  document.getElementById('drop-zone').dispatchEvent(drop);
                  done(folder.fullPath);
                })().catch(e => done('failed: ' + e));
                """, top, written);
    }

    @Test
    @Order(11)
    void aRunningImportIsCancelledFromTheJobsScreenAndKeepsOnlyItsCommittedBatches() throws InterruptedException {
        java.util.UUID importCase = org.vidcase.testsupport.CaseFixture.openCase("officer");
        java.util.UUID seizure = org.vidcase.testsupport.MediaFixture.seizure(importCase, "officer");
        // 150,000 MD5s (under the test profile's 5 MB upload limit): several seconds of import.
        int records = 150_000;
        StringBuilder csv = new StringBuilder(33 * records + 4).append("MD5\n");
        Random random = new Random();
        for (int i = 0; i < records; i++) {
            csv.append(String.format("%016x%016x%n", random.nextLong(), random.nextLong()));
        }
        byte[] file = csv.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Path export;
        try {
            export = Files.write(Files.createTempFile("vidcase-web-large", ".csv"), file);
            export.toFile().deleteOnExit();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }

        WebSignIn.as(browser, base, "officer", "/cases/" + importCase + "/seizures/" + seizure);
        browser.driver.findElement(By.id("import-file")).sendKeys(export.toAbsolutePath().toString());
        browser.click(By.id("start-import"));
        String job = browser.find(By.cssSelector("#import-progress .job")).getDomAttribute("data-job-id");
        browser.click(By.cssSelector("nav a[href='#/jobs']"));
        String row = "tr[data-job-id='" + job + "']";
        // The job in words, with its case by reference.
        String importReference = Api.as("officer").get("/api/cases/" + importCase).then().statusCode(200).extract()
                .path("reference");
        assertThat(browser.find(By.cssSelector(row)).getText()).contains("Import of a forensic export")
                .contains("case " + importReference);
        // Cancelled once it has committed a batch, so that what a cancelled import keeps is really tested.
        long deadline = System.currentTimeMillis() + 30_000;
        while (Api.as("officer").get("/api/jobs/" + job).then().statusCode(200).extract().jsonPath().getLong("done") < 10_000) {
            assertThat(System.currentTimeMillis()).as("the import committed its first batch within 30 s").isLessThan(deadline);
            Thread.sleep(100);
        }
        browser.click(By.cssSelector(row + " button[aria-label='Cancel media-import job']"));
        browser.waitForText(By.id("toasts"), "Cancellation requested");
        browser.waitForText(By.cssSelector(row), "cancelled");
        browser.assertAccessible("jobs with a cancelled import");
        browser.screenshot("jobs-cancelled");

        io.restassured.path.json.JsonPath cancelled = Api.as("officer").get("/api/jobs/" + job).then().statusCode(200)
                .extract().jsonPath();
        assertThat(cancelled.getString("state")).isEqualTo("CANCELLED");
        assertThat(cancelled.getString("message")).isEqualTo("cancelled");
        // What a cancelled import keeps (docs/api.md): the whole batches committed before it, as counted.
        long done = cancelled.getLong("done");
        System.out.printf("Import cancelled from the Jobs screen after %,d of %,d records%n", done, records);
        assertThat(done).as("records committed before the cancellation").isPositive().isLessThan(records);
        assertThat(done % 10_000).as("whole batches of 10,000 records").isZero();
        String reduction = "/api/cases/" + importCase + "/seizures/" + seizure + "/reduction";
        assertThat(Api.as("officer").get(reduction).then().statusCode(200).extract().jsonPath().getLong("distinctItems"))
                .isEqualTo(done);
        assertThat(cancelled.getLong("result.newItems")).as("the cancelled import's result counts its batches")
                .isEqualTo(done);
        assertThat(Api.as("auditor").get("/api/audit/events?action=job.cancel&objectId=" + job).then().statusCode(200)
                .extract().jsonPath().getList("actor", String.class)).containsExactly("officer");
        WebSignIn.signOut(browser, "officer");

        // The same file imported again adds the rest; what was kept is not doubled.
        String again = RestAssured.given().auth().oauth2(org.vidcase.testsupport.Tokens.of("officer"))
                .contentType("text/csv").body(file).queryParam("fileName", "large.csv")
                .post("/api/cases/" + importCase + "/seizures/" + seizure + "/imports").then().statusCode(202)
                .extract().path("id");
        io.restassured.path.json.JsonPath completed = org.vidcase.testsupport.Jobs.awaitEnd(again, "officer");
        assertThat(completed.getString("state")).isEqualTo("SUCCEEDED");
        assertThat(completed.getLong("result.newItems")).isEqualTo(records - done);
        assertThat(Api.as("officer").get(reduction).then().statusCode(200).extract().jsonPath().getLong("distinctItems"))
                .isEqualTo(records);
    }

    @Test
    @Order(12)
    void aLeadAddsAMemberChangesTheirRoleAndRemovesThemWhoThenNoLongerFindsTheCase() {
        java.util.UUID teamCase = org.vidcase.testsupport.CaseFixture.openCase("officer");
        String casePath = "/api/cases/" + teamCase;
        Api.as("officer2").get(casePath).then().statusCode(404);

        WebSignIn.as(browser, base, "officer", "/cases/" + teamCase);
        browser.type(By.cssSelector("main form input[name=username]"), "officer2");
        browser.click(By.xpath("//button[normalize-space()='Add to the team']"));
        By role = By.cssSelector("select[aria-label='Role of officer2']");
        browser.find(role);
        assertThat(browser.find(By.cssSelector("main form input[name=username]")).getDomProperty("value"))
                .as("the form ready for the next member").isEmpty();
        assertThat(teamRoles(teamCase)).containsEntry("officer2", "MEMBER").containsEntry("officer", "LEAD");
        assertThat(Api.as("officer2").get(casePath).then().statusCode(200).extract().path("myRole").toString())
                .isEqualTo("MEMBER");

        new org.openqa.selenium.support.ui.Select(browser.find(role)).selectByValue("OBSERVER");
        browser.waitForText(By.id("toasts"), "officer2 is now OBSERVER");
        assertThat(teamRoles(teamCase)).containsEntry("officer2", "OBSERVER");
        // An observer reads the case but may not change it.
        Api.as("officer2").body(Map.of("reference", "EX-OBSERVER")).post(casePath + "/seizures").then().statusCode(403);
        browser.assertAccessible("case team");
        browser.screenshot("case-team");

        browser.click(By.cssSelector("button[aria-label='Remove officer2']"));
        browser.find(By.xpath("//dialog[.//h2[contains(., 'Remove officer2')]]"));
        browser.click(By.xpath("//dialog//button[normalize-space()='Remove']"));
        browser.waitForText(By.id("toasts"), "officer2 removed");
        browser.waitFor(d -> d.findElements(role).isEmpty(), "officer2 gone from the team table");
        assertThat(teamRoles(teamCase)).containsOnlyKeys("officer");
        // Need-to-know: the case is unknown to them again, not forbidden.
        Api.as("officer2").get(casePath).then().statusCode(404);
        Api.as("officer2").get(casePath + "/seizures").then().statusCode(404);
        assertThat(Api.as("officer2").get("/api/cases").then().statusCode(200).extract().jsonPath().getList("id"))
                .doesNotContain(teamCase.toString());
        WebSignIn.signOut(browser, "officer");
    }

    private static Map<String, Object> teamRoles(java.util.UUID caseId) {
        List<Map<String, Object>> members = Api.as("officer").get("/api/cases/" + caseId + "/members").then()
                .statusCode(200).extract().jsonPath().getList("");
        return members.stream().collect(java.util.stream.Collectors.toMap(m -> (String) m.get("username"), m -> m.get("role")));
    }

    @Test
    @Order(9)
    void aUserOutsideTheCaseSeesNoneOfIt() {
        Assumptions.assumeTrue(caseId != null, "the triage test opened the case");
        WebSignIn.as(browser, base, "officer2", "/cases");
        browser.find(By.cssSelector("main table, main .empty"));
        assertThat(browser.mainText()).doesNotContain(caseReference).doesNotContain("DEMO-2026-001");
        for (String route : List.of("/cases/" + caseId, "/cases/" + caseId + "/triage", "/cases/" + caseId + "/series")) {
            browser.open(base + "/#" + route);
            browser.waitForText(By.id("main"), "Not Found");
            assertThat(browser.mainText()).doesNotContain(caseReference).doesNotContain("Browser triage");
        }
        browser.assertAccessible("not found");
        browser.screenshot("outsider-not-found");
        WebSignIn.signOut(browser, "officer2");

        // Its lead closes the case with a reason.
        WebSignIn.as(browser, base, "officer", "/cases/" + caseId);
        browser.type(By.cssSelector("textarea[name=reason]"), "All exhibits triaged; report sent to the prosecutor");
        browser.click(By.xpath("//button[normalize-space()='Close the case']"));
        browser.waitForText(By.id("main"), "Closed");
        assertThat(Api.as("supervisor").get("/api/cases/" + caseId).then().statusCode(200).extract().path("status")
                .toString()).isEqualTo("CLOSED");
        WebSignIn.signOut(browser, "officer");
    }
}
