package org.vidcase.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.vidcase.localstack.LocalStackTestResource;
import org.vidcase.synthetic.CopyEdit;
import org.vidcase.synthetic.ProceduralScene;
import org.vidcase.synthetic.SyntheticImages;
import org.vidcase.testsupport.Api;
import org.vidcase.testsupport.CaseFixture;
import org.vidcase.testsupport.Jobs;
import org.vidcase.testsupport.MediaFixture;
import org.vidcase.testsupport.Tokens;

/**
 * Series pages in a real browser: an officer merges two series, splits members off into a new one
 * and closes it; an officer of another unit runs the detection on their own case and learns only
 * that a related series exists and whom to contact.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, restrictToAnnotatedClass = false)
class SeriesBrowserTest {

    private static Browser browser;
    private static String base;

    @RegisterExtension
    static final TestWatcher ON_FAILURE = Browser.keepOnFailure(() -> browser, "series-");

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
    void seriesAreMergedSplitAndClosedAndAnotherUnitLearnsOnlyWhomToContact() {
        // A seed of its own: another test's series of the same scene would be a second hit.
        Random random = new Random(8_675_309);
        BufferedImage scene = ProceduralScene.of(random.nextLong()).render(640, 480);
        BufferedImage other = ProceduralScene.of(random.nextLong()).render(640, 480);
        UUID north = CaseFixture.openCase("officer");
        String sceneOriginal = upload("officer", north, SyntheticImages.png(scene), "scene-original.png");
        String sceneCrop = upload("officer", north, SyntheticImages.png(CopyEdit.CROP.apply(scene, random)), "scene-crop.png");
        String otherOriginal = upload("officer", north, SyntheticImages.png(other), "other-original.png");
        String otherCrop = upload("officer", north, SyntheticImages.png(CopyEdit.CROP.apply(other, random)), "other-crop.png");
        cluster("officer", north);
        List<Map<String, Object>> found = Api.as("officer").get("/api/cases/" + north + "/series").then().statusCode(200)
                .extract().jsonPath().getList("$");
        assertThat(found).as("one series per scene").hasSize(2);
        String sceneSeries = seriesOf(north, sceneOriginal);
        String otherSeries = seriesOf(north, otherOriginal);
        assertThat(seriesOf(north, sceneCrop)).isEqualTo(sceneSeries);
        assertThat(seriesOf(north, otherCrop)).isEqualTo(otherSeries);

        // Merge the other series into the scene's, then split the other scene's pictures off again.
        WebSignIn.as(browser, base, "officer", "/cases/" + north + "/series/" + sceneSeries);
        browser.waitForText(By.id("main"), "Merge another series into this one");
        new Select(browser.find(By.cssSelector("main form select[name=other]"))).selectByValue(otherSeries);
        browser.click(By.xpath("//button[normalize-space()='Merge into this series']"));
        browser.waitForText(By.id("toasts"), "merged into");
        browser.waitFor(d -> d.findElements(By.xpath("//table[caption='Members']/tbody/tr")).size() == 4,
                "the merged series shows four members");
        assertThat(members(north, sceneSeries)).containsExactlyInAnyOrder(sceneOriginal, sceneCrop, otherOriginal, otherCrop);
        assertThat(Api.as("officer").get("/api/cases/" + north + "/series/" + otherSeries).then().statusCode(200)
                .extract().jsonPath().getString("mergedInto")).isEqualTo(sceneSeries);
        browser.assertAccessible("series merged");
        browser.screenshot("series-merged");

        browser.click(By.xpath("//input[@aria-label='Select other-original.png']"));
        browser.click(By.xpath("//input[@aria-label='Select other-crop.png']"));
        browser.type(By.xpath("//form[.//button[normalize-space()='Split the selected members off']]//input[@name='name']"),
                "Kitchen scene");
        browser.click(By.xpath("//button[normalize-space()='Split the selected members off']"));
        browser.waitForText(By.cssSelector("main h1"), "Kitchen scene");
        String split = browser.route().replaceAll(".*/series/", "").replaceAll("\\?.*", "");
        assertThat(members(north, split)).containsExactlyInAnyOrder(otherOriginal, otherCrop);
        assertThat(members(north, sceneSeries)).containsExactlyInAnyOrder(sceneOriginal, sceneCrop);

        new Select(browser.find(By.cssSelector("main form select[name=status]"))).selectByValue("CLOSED");
        browser.click(By.xpath("//button[normalize-space()='Save']"));
        browser.waitForText(By.id("toasts"), "Series saved");
        browser.waitFor(d -> d.findElements(By.xpath("//button[normalize-space()='Save']")).isEmpty(),
                "a closed series offers no changes");
        assertThat(Api.as("officer").get("/api/cases/" + north + "/series/" + split).then().statusCode(200).extract()
                .jsonPath().getString("status")).isEqualTo("CLOSED");
        List<String> history = Api.as("officer").get("/api/cases/" + north + "/series/" + split + "/history").then()
                .statusCode(200).extract().jsonPath().getList("action");
        assertThat(history).isNotEmpty();
        browser.waitForText(By.id("main"), "History");
        browser.assertAccessible("series split and closed");
        browser.screenshot("series-split-closed");
        for (String item : List.of(sceneOriginal, sceneCrop)) {
            Api.as("officer").body(Map.of("decision", "CONFIRM"))
                    .post("/api/cases/" + north + "/series/" + sceneSeries + "/members/" + item + "/decision").then()
                    .statusCode(200);
        }
        String sceneReference = Api.as("officer").get("/api/cases/" + north + "/series/" + sceneSeries).then()
                .extract().path("reference");
        WebSignIn.signOut(browser, "officer");

        // Another unit files a mirrored copy and runs the detection on its own case.
        UUID south = CaseFixture.openCase("officer2");
        String mirrored = upload("officer2", south, SyntheticImages.png(CopyEdit.MIRROR.apply(scene, random)), "mirrored.png");
        WebSignIn.as(browser, base, "officer2", "/cases/" + south + "/series");
        browser.click(By.id("detect-series"));
        browser.waitForText(By.id("clustering-progress"), "1 hit in other units' cases");
        browser.waitForText(By.xpath("//table[caption[contains(., 'another unit holds')]]"), "north");
        String hits = browser.find(By.xpath("//table[caption[contains(., 'another unit holds')]]")).getText();
        assertThat(hits).contains(mirrored).contains("VID desk North");
        assertThat(browser.mainText()).doesNotContain(north.toString()).doesNotContain(sceneSeries)
                .doesNotContain(sceneReference).doesNotContain(sceneOriginal);
        browser.assertAccessible("cross-case hits");
        browser.screenshot("series-cross-case-hit");
        browser.open(base + "/#/cases/" + north + "/series/" + sceneSeries);
        browser.waitForText(By.id("main"), "Not Found");
        WebSignIn.signOut(browser, "officer2");
    }

    private static List<String> members(UUID caseId, String seriesId) {
        return Api.as("officer").get("/api/cases/" + caseId + "/series/" + seriesId).then().statusCode(200).extract()
                .jsonPath().getList("members.mediaItemId");
    }

    private static String seriesOf(UUID caseId, String item) {
        for (Map<String, Object> s : Api.as("officer").get("/api/cases/" + caseId + "/series").then().statusCode(200)
                .extract().jsonPath().<Map<String, Object>>getList("$")) {
            if (members(caseId, (String) s.get("id")).contains(item)) {
                return (String) s.get("id");
            }
        }
        throw new AssertionError("item " + item + " is in no series");
    }

    private static void cluster(String user, UUID caseId) {
        String jobId = Api.as(user).body(Map.of()).post("/api/cases/" + caseId + "/series/clustering-jobs")
                .then().statusCode(202).extract().path("id");
        JsonPath job = Jobs.awaitEnd(jobId, user);
        assertThat(job.getString("state")).isEqualTo("SUCCEEDED");
    }

    private static String upload(String user, UUID caseId, byte[] bytes, String name) {
        UUID seizureId = MediaFixture.seizure(caseId, user);
        return given().auth().oauth2(Tokens.of(user)).contentType("application/octet-stream").body(bytes)
                .queryParam("fileName", name).post("/api/cases/" + caseId + "/seizures/" + seizureId + "/media")
                .then().statusCode(201).extract().path("item.id");
    }
}
