package org.vidcase.series;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import jakarta.inject.Inject;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.vidcase.hashing.ExifFixture;
import org.vidcase.localstack.LocalStackTestResource;
import org.vidcase.series.service.IncrementalClusteringSweep;
import org.vidcase.synthetic.CopyEdit;
import org.vidcase.synthetic.ProceduralScene;
import org.vidcase.synthetic.SyntheticImages;
import org.vidcase.testsupport.Api;
import org.vidcase.testsupport.CaseFixture;
import org.vidcase.testsupport.Jobs;
import org.vidcase.testsupport.MediaFixture;
import org.vidcase.testsupport.Tokens;

/**
 * Series on the real stack: uploads of edited copies clustered into suggested series, officers'
 * decisions, incremental suggestions for an existing series, the changes officers make (version
 * checked, audited, kept as history), and need-to-know.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, restrictToAnnotatedClass = false)
class SeriesTest {

    private final Random random = new Random(4242);

    @Test
    void clusteringSuggestsSeriesThatOfficersConfirmRejectAndExtend() {
        UUID caseId = CaseFixture.openCase("officer");
        UUID seizureId = MediaFixture.seizure(caseId, "officer");
        BufferedImage sceneA = ProceduralScene.of(random.nextLong()).render(640, 480);
        BufferedImage sceneB = ProceduralScene.of(random.nextLong()).render(800, 600);
        List<String> a = new ArrayList<>();
        a.add(upload(caseId, seizureId, SyntheticImages.jpeg(sceneA, 0.9f), "a.jpg"));
        for (CopyEdit edit : List.of(CopyEdit.CROP, CopyEdit.BORDER, CopyEdit.MIRROR)) {
            a.add(upload(caseId, seizureId, SyntheticImages.png(edit.apply(sceneA, random)), "a-" + edit + ".png"));
        }
        String b = upload(caseId, seizureId, SyntheticImages.png(sceneB), "b.png");
        String bMirror = upload(caseId, seizureId, SyntheticImages.png(CopyEdit.MIRROR.apply(sceneB, random)), "b2.png");
        String alone = upload(caseId, seizureId,
                SyntheticImages.png(ProceduralScene.of(random.nextLong()).render(640, 480)), "c.png");

        JsonPath run = cluster(caseId, Map.of("seizureId", seizureId.toString()));
        assertThat(run.getInt("result.seriesCreated")).isEqualTo(2);
        assertThat(run.getInt("result.suggestions")).isEqualTo(6);
        assertThat(run.getInt("result.pictures")).isEqualTo(7);

        List<Map<String, Object>> listed = Api.as("officer").get("/api/cases/" + caseId + "/series").then().statusCode(200)
                .extract().path("$");
        assertThat(listed).hasSize(2).allSatisfy(s -> {
            assertThat(s.get("status")).isEqualTo("ACTIVE");
            assertThat(s.get("confirmed")).isEqualTo(0);
        });
        String seriesA = seriesOf(caseId, a.get(0));
        String seriesB = seriesOf(caseId, b);
        assertThat(seriesA).isNotEqualTo(seriesB);
        assertThat(members(caseId, seriesA)).containsExactlyInAnyOrderElementsOf(a);
        assertThat(members(caseId, seriesB)).containsExactlyInAnyOrder(b, bMirror);
        assertThat(seriesOf(caseId, alone)).isNull();
        JsonPath detail = series(caseId, seriesA);
        assertThat(detail.getList("members.joinedBy")).containsOnly("CLUSTERING");
        assertThat(detail.getList("members.score", Float.class)).allSatisfy(score -> assertThat(score).isBetween(0.01f, 1f));

        // Near-duplicates form stacks: the review queue shows one picture per stack, the largest.
        List<Map<String, Object>> queue = Api.as("officer").queryParam("review", "TO_REVIEW").queryParam("stacks", true)
                .get("/api/cases/" + caseId + "/media").then().statusCode(200).extract().path("$");
        assertThat(queue).hasSize(3);
        Map<String, Object> stackA = queue.stream().filter(i -> a.contains((String) i.get("id"))).findFirst().orElseThrow();
        assertThat(stackA.get("stackSize")).isEqualTo(4);
        assertThat(stackA.get("stackId")).isEqualTo(stackA.get("id"));
        assertThat(queue.stream().filter(i -> alone.equals(i.get("id"))).findFirst().orElseThrow().get("stackSize"))
                .isEqualTo(1);
        assertThat(Api.as("officer").get("/api/cases/" + caseId + "/media").then().extract().<List<?>>path("$")).hasSize(7);

        // Categorising a stack categorises every member, each with its own history entry.
        Api.as("officer").queryParam("stack", true).body(Map.of("category", "2", "note", "whole stack"))
                .put("/api/cases/" + caseId + "/media/" + stackA.get("id") + "/categorisation").then().statusCode(200);
        for (String item : a) {
            assertThat(Api.as("officer").get("/api/cases/" + caseId + "/media/" + item).then().extract().<String>path("category"))
                    .isEqualTo("2");
            List<String> notes = Api.as("officer").get("/api/cases/" + caseId + "/media/" + item + "/categorisations")
                    .then().statusCode(200).extract().path("note");
            assertThat(notes).containsExactly("whole stack");
        }
        assertThat(Api.as("officer").get("/api/cases/" + caseId + "/media/" + b).then().extract().<String>path("category"))
                .isNull();

        // A representative categorised alone does not take its stack out of the queue: a member is still to review.
        String representativeB = (String) queue.stream().filter(i -> b.equals(i.get("id")) || bMirror.equals(i.get("id")))
                .findFirst().orElseThrow().get("id");
        Api.as("officer").body(Map.of("category", "2"))
                .put("/api/cases/" + caseId + "/media/" + representativeB + "/categorisation").then().statusCode(200);
        List<String> stillQueued = Api.as("officer").queryParam("review", "TO_REVIEW").queryParam("stacks", true)
                .get("/api/cases/" + caseId + "/media").then().statusCode(200).extract().path("id");
        assertThat(stillQueued).contains(representativeB).doesNotContain((String) stackA.get("id"));
        assertThat(Api.as("officer").queryParam("review", "REVIEWED").queryParam("stacks", true)
                .get("/api/cases/" + caseId + "/media").then().statusCode(200).extract().<List<String>>path("id"))
                .contains(representativeB, (String) stackA.get("id"));
        // The same through the search index (words): one row per stack, shown by its representative.
        List<String> searched = List.of();
        long deadline = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < deadline) {
            searched = Api.as("officer").queryParam("q", "png").queryParam("review", "TO_REVIEW").queryParam("stacks", true)
                    .get("/api/cases/" + caseId + "/media").then().statusCode(200).extract().path("id");
            if (searched.contains(representativeB) && !searched.contains(stackA.get("id"))) {
                break;
            }
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        assertThat(searched).contains(representativeB, alone).doesNotContain((String) stackA.get("id"))
                .doesNotHaveDuplicates().doesNotContain(b.equals(representativeB) ? bMirror : b);

        // The officer confirms the original and rejects the mirrored copy.
        decide(caseId, seriesA, a.get(0), "CONFIRM").statusCode(200);
        decide(caseId, seriesA, a.get(3), "REJECT").statusCode(200);
        assertThat(series(caseId, seriesA).getInt("confirmed")).isEqualTo(1);

        // A new copy arriving later is suggested for the existing series; the rejected copy is not suggested again.
        String late = upload(caseId, seizureId, SyntheticImages.png(CopyEdit.TEXT_OVERLAY.apply(sceneA, random)), "late.png");
        JsonPath again = cluster(caseId, Map.of("incremental", true));
        assertThat(again.getBoolean("result.incremental")).isTrue();
        assertThat(again.getInt("result.lookedUp")).as("only the new picture is looked up").isEqualTo(1);
        assertThat(again.getInt("result.attachedToExisting")).isEqualTo(1);
        assertThat(again.getInt("result.seriesCreated")).isZero();
        assertThat(Api.as("officer").get("/api/cases/" + caseId + "/media/" + late).then().extract().<String>path("stackId"))
                .as("the new copy joins the stack").isEqualTo(stackA.get("id"));
        assertThat(cluster(caseId, Map.of("incremental", true)).getInt("result.lookedUp")).isZero();
        JsonPath afterwards = series(caseId, seriesA);
        assertThat(afterwards.getString("members.find { it.mediaItemId == '" + late + "' }.state")).isEqualTo("SUGGESTED");
        assertThat(afterwards.getString("members.find { it.mediaItemId == '" + a.get(3) + "' }.state")).isEqualTo("REJECTED");

        List<String> actions = Api.as("officer").get("/api/cases/" + caseId + "/series/" + seriesA + "/history")
                .then().statusCode(200).extract().path("action");
        assertThat(actions).containsExactly("suggested", "member-confirmed", "member-rejected", "members-suggested");

        List<String> audited = Api.as("auditor").get("/api/audit/events?caseId=" + caseId + "&size=200").then().statusCode(200)
                .extract().path("action");
        assertThat(audited).contains("series.cluster", "series.member-decide", "series.list", "series.view");
    }

    @Test
    void officersRenameSplitAndMergeWithVersionsChecked() {
        UUID caseId = CaseFixture.openCase("officer");
        UUID seizureId = MediaFixture.seizure(caseId, "officer");
        List<String> items = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            items.add(upload(caseId, seizureId, MediaFixture.uniquePng(), "p" + i + ".png"));
        }
        JsonPath created = Api.as("officer").body(Map.of("name", "Blue room", "mediaItemIds", items.subList(0, 3)))
                .post("/api/cases/" + caseId + "/series").then().statusCode(201).extract().jsonPath();
        String id = created.getString("id");
        assertThat(created.getString("reference")).matches("S-\\d{4}-\\d{6}");
        assertThat(created.getInt("confirmed")).isEqualTo(3);
        long version = created.getLong("version");

        // A change based on an older read is refused and changes nothing.
        Api.as("officer").body(Map.of("version", version + 5, "name", "Stale")).patch("/api/cases/" + caseId + "/series/" + id)
                .then().statusCode(409).contentType("application/problem+json");
        // The identified flags follow identification records; a PATCH cannot set them.
        Api.as("officer").body(Map.of("version", version, "victimIdentified", true))
                .patch("/api/cases/" + caseId + "/series/" + id).then().statusCode(422)
                .body("detail", Matchers.containsString("identification record"));
        JsonPath renamed = Api.as("officer").body(Map.of("version", version, "name", "Blue bedroom"))
                .patch("/api/cases/" + caseId + "/series/" + id).then().statusCode(200).extract().jsonPath();
        assertThat(renamed.getString("name")).isEqualTo("Blue bedroom");
        assertThat(renamed.getBoolean("victimIdentified")).isFalse();
        assertThat(renamed.getLong("version")).isEqualTo(version + 1);
        version = renamed.getLong("version");

        // Bad splits: every member, or an item that is not a member.
        Api.as("officer").body(Map.of("version", version, "mediaItemIds", items.subList(0, 3), "name", "All"))
                .post("/api/cases/" + caseId + "/series/" + id + "/split").then().statusCode(422)
                .body("detail", Matchers.containsString("at least one member"));
        Api.as("officer").body(Map.of("version", version, "mediaItemIds", List.of(items.get(3)), "name", "X"))
                .post("/api/cases/" + caseId + "/series/" + id + "/split").then().statusCode(422);
        assertThat(series(caseId, id).getInt("confirmed")).isEqualTo(3);

        JsonPath part = Api.as("officer").body(Map.of("version", version, "mediaItemIds", List.of(items.get(2)), "name", "Garden"))
                .post("/api/cases/" + caseId + "/series/" + id + "/split").then().statusCode(201).extract().jsonPath();
        assertThat(members(caseId, part.getString("id"))).containsExactly(items.get(2));
        assertThat(members(caseId, id)).containsExactlyInAnyOrder(items.get(0), items.get(1));

        // An item already in a series cannot join another; an item of another case cannot join at all.
        JsonPath current = series(caseId, id);
        Api.as("officer").body(Map.of("version", current.getLong("version"), "mediaItemIds", List.of(items.get(2))))
                .post("/api/cases/" + caseId + "/series/" + id + "/members").then().statusCode(409)
                .body("detail", Matchers.containsString(part.getString("reference")));
        Api.as("officer").body(Map.of("version", current.getLong("version"), "mediaItemIds", List.of(UUID.randomUUID().toString())))
                .post("/api/cases/" + caseId + "/series/" + id + "/members").then().statusCode(422);

        // Merge the split part back: the other is closed and points here.
        JsonPath partNow = series(caseId, part.getString("id"));
        JsonPath merged = Api.as("officer").body(Map.of("version", current.getLong("version"),
                        "otherSeriesId", part.getString("id"), "otherVersion", partNow.getLong("version")))
                .post("/api/cases/" + caseId + "/series/" + id + "/merge").then().statusCode(200).extract().jsonPath();
        assertThat(merged.getInt("confirmed")).isEqualTo(3);
        JsonPath closed = series(caseId, part.getString("id"));
        assertThat(closed.getString("status")).isEqualTo("CLOSED");
        assertThat(closed.getString("mergedInto")).isEqualTo(id);

        // A series of another case is refused (422 if the caller can see that case, 404 if not).
        UUID otherCase = CaseFixture.openCase("officer");
        String elsewhere = Api.as("officer").body(Map.of("name", "Elsewhere")).post("/api/cases/" + otherCase + "/series")
                .then().statusCode(201).extract().path("id");
        Api.as("officer").body(Map.of("version", merged.getLong("version"), "otherSeriesId", elsewhere, "otherVersion", 0))
                .post("/api/cases/" + caseId + "/series/" + id + "/merge").then().statusCode(422);
        UUID hiddenCase = CaseFixture.openCase("officer2");
        String hidden = Api.as("officer2").body(Map.of("name", "Hidden")).post("/api/cases/" + hiddenCase + "/series")
                .then().statusCode(201).extract().path("id");
        Api.as("officer").body(Map.of("version", merged.getLong("version"), "otherSeriesId", hidden, "otherVersion", 0))
                .post("/api/cases/" + caseId + "/series/" + id + "/merge").then().statusCode(404);
        assertThat(series(caseId, id).getLong("version")).isEqualTo(merged.getLong("version"));

        List<String> actions = Api.as("officer").get("/api/cases/" + caseId + "/series/" + id + "/history")
                .then().statusCode(200).extract().path("action");
        assertThat(actions).containsExactly("created", "updated", "split", "merged");
    }

    @Test
    void oneCameraShootingMinutesApartIsOneSeriesButNotOneStack() {
        UUID caseId = CaseFixture.openCase("officer");
        UUID seizureId = MediaFixture.seizure(caseId, "officer");
        byte[] first = ExifFixture.withExif(SyntheticImages.jpeg(ProceduralScene.of(random.nextLong()).render(640, 480), 0.9f),
                "Canon", "EOS 5D", "fw 1.0", "2024:05:01 10:00:00", "+01:00", "0123456789", "EF 50mm", 51.5, -0.1);
        byte[] second = ExifFixture.withExif(SyntheticImages.jpeg(ProceduralScene.of(random.nextLong()).render(640, 480), 0.9f),
                "Canon", "EOS 5D", "fw 1.0", "2024:05:01 10:03:30", "+01:00", "0123456789", "EF 50mm", 51.5, -0.1);
        byte[] otherCamera = ExifFixture.withExif(
                SyntheticImages.jpeg(ProceduralScene.of(random.nextLong()).render(640, 480), 0.9f),
                "Canon", "EOS 5D", "fw 1.0", "2024:05:01 10:01:00", "+01:00", "9999999999", "EF 50mm", 51.5, -0.1);
        String a = upload(caseId, seizureId, first, "IMG_0001.jpg");
        String b = upload(caseId, seizureId, second, "IMG_0002.jpg");
        String c = upload(caseId, seizureId, otherCamera, "DSC_0001.jpg");

        JsonPath run = cluster(caseId, Map.of());
        assertThat(run.getInt("result.seriesCreated")).isEqualTo(1);
        String series = seriesOf(caseId, a);
        assertThat(members(caseId, series)).containsExactlyInAnyOrder(a, b);
        assertThat(seriesOf(caseId, c)).isNull();
        assertThat(Api.as("officer").get("/api/cases/" + caseId + "/media/" + a).then().extract().<String>path("stackId"))
                .as("different pictures are no stack").isNull();
    }

    @Test
    void aNewPictureBridgingTwoStacksJoinsThemWhole() {
        UUID caseId = CaseFixture.openCase("officer");
        UUID seizureId = MediaFixture.seizure(caseId, "officer");
        long[] h = {random.nextLong(), random.nextLong(), random.nextLong(), random.nextLong()};
        long[] b = flip(h, 100, 40);
        // Each stack has a member too far from the new picture to be looked at by the incremental run.
        importHashes(caseId, seizureId, hex(h), hex(flip(h, 160, 26)), hex(b), hex(flip(b, 200, 26)));
        cluster(caseId, Map.of());
        List<Map<String, Object>> before = Api.as("officer").queryParam("stacks", true).get("/api/cases/" + caseId + "/media")
                .then().statusCode(200).extract().path("$");
        assertThat(before).hasSize(2).allSatisfy(i -> assertThat(i.get("stackSize")).isEqualTo(2));

        // 20 bits from the first stack's and 20 from the second's: it bridges the two stacks.
        importHashes(caseId, seizureId, hex(flip(h, 100, 20)));
        JsonPath run = cluster(caseId, Map.of("incremental", true));
        assertThat(run.getInt("result.lookedUp")).isEqualTo(1);

        List<Map<String, Object>> after = Api.as("officer").queryParam("stacks", true).get("/api/cases/" + caseId + "/media")
                .then().statusCode(200).extract().path("$");
        assertThat(after).singleElement().satisfies(i -> assertThat(i.get("stackSize")).isEqualTo(5));
        List<String> stackIds = Api.as("officer").get("/api/cases/" + caseId + "/media").then().extract().path("stackId");
        assertThat(stackIds).hasSize(5).doesNotContainNull().containsOnly(stackIds.get(0));
    }

    private static void importHashes(UUID caseId, UUID seizureId, String... pdqs) {
        StringBuilder media = new StringBuilder();
        for (int i = 0; i < pdqs.length; i++) {
            String md5 = hex(new long[] {System.nanoTime(), i, pdqs[i].hashCode(), 7}).substring(0, 32);
            media.append(i == 0 ? "" : ",").append(String.format(
                    "{\"MediaID\": %d, \"MD5\": \"%s\", \"PDQ\": \"%s\", \"PDQQuality\": 100}", i + 1, md5, pdqs[i]));
        }
        String vics = "{\"odata.metadata\": \"http://github.com/ICMEC/ProjectVic/DataModels/1.3.xml#Cases\", "
                + "\"value\": [{\"Media\": [" + media + "]}]}";
        String jobId = given().auth().oauth2(Tokens.of("officer")).contentType("application/json").body(vics)
                .post("/api/cases/" + caseId + "/seizures/" + seizureId + "/imports").then().statusCode(202)
                .extract().path("id");
        assertThat(Jobs.awaitEnd(jobId, "officer").getString("state")).isEqualTo("SUCCEEDED");
    }

    private static long[] flip(long[] words, int from, int bits) {
        long[] out = words.clone();
        for (int k = from; k < from + bits; k++) {
            out[k / 64] ^= 1L << (k % 64);
        }
        return out;
    }

    private static String hex(long[] words) {
        StringBuilder out = new StringBuilder();
        for (long w : words) {
            out.append(String.format("%016x", w));
        }
        return out.toString();
    }

    @Inject
    IncrementalClusteringSweep sweep;

    @Test
    void theSweepClustersNewPicturesOnItsOwn() throws InterruptedException {
        UUID caseId = CaseFixture.openCase("officer");
        UUID seizureId = MediaFixture.seizure(caseId, "officer");
        BufferedImage scene = ProceduralScene.of(random.nextLong()).render(640, 480);
        String first = upload(caseId, seizureId, SyntheticImages.png(scene), "s1.png");
        String second = upload(caseId, seizureId, SyntheticImages.png(CopyEdit.BORDER.apply(scene, random)), "s2.png");

        sweep.sweep();

        String found = null;
        long deadline = System.currentTimeMillis() + 60_000;
        while (found == null && System.currentTimeMillis() < deadline) {
            found = seriesOf(caseId, first);
            if (found == null) {
                Thread.sleep(250);
            }
        }
        assertThat(found).as("a suggested series from the sweep").isNotNull();
        assertThat(members(caseId, found)).containsExactlyInAnyOrder(first, second);
        assertThat(series(caseId, found).getString("createdBy")).isEqualTo("clustering, run by "
                + IncrementalClusteringSweep.OWNER);
    }

    @Test
    void outsidersAreToldNothingExists() {
        UUID caseId = CaseFixture.openCase("officer");
        String id = Api.as("officer").body(Map.of("name", "Private")).post("/api/cases/" + caseId + "/series")
                .then().statusCode(201).extract().path("id");

        Api.as("officer2").get("/api/cases/" + caseId + "/series").then().statusCode(404);
        Api.as("officer2").get("/api/cases/" + caseId + "/series/" + id).then().statusCode(404);
        Api.as("officer2").body(Map.of()).post("/api/cases/" + caseId + "/series/clustering-jobs").then().statusCode(404);
        Api.as("officer2").body(Map.of("version", 0, "name", "Mine")).patch("/api/cases/" + caseId + "/series/" + id)
                .then().statusCode(404);
        assertThat(series(caseId, id).getString("name")).isEqualTo("Private");
        Api.as("officer").body(Map.of("seizureId", UUID.randomUUID().toString()))
                .post("/api/cases/" + caseId + "/series/clustering-jobs").then().statusCode(404);
    }

    private JsonPath cluster(UUID caseId, Map<String, ?> body) {
        String jobId = Api.as("officer").body(body).post("/api/cases/" + caseId + "/series/clustering-jobs")
                .then().statusCode(202).extract().path("id");
        JsonPath job = Jobs.awaitEnd(jobId, "officer");
        assertThat(job.getString("state")).isEqualTo("SUCCEEDED");
        return job;
    }

    private static JsonPath series(UUID caseId, String id) {
        return Api.as("officer").get("/api/cases/" + caseId + "/series/" + id).then().statusCode(200).extract().jsonPath();
    }

    /** Members that are in the series now (suggested or confirmed). */
    private static Set<String> members(UUID caseId, String id) {
        List<Map<String, Object>> members = series(caseId, id).getList("members");
        Set<String> out = new HashSet<>();
        for (Map<String, Object> m : members) {
            if (!"REJECTED".equals(m.get("state"))) {
                out.add((String) m.get("mediaItemId"));
            }
        }
        return out;
    }

    private static String seriesOf(UUID caseId, String item) {
        List<String> ids = Api.as("officer").get("/api/cases/" + caseId + "/series").then().statusCode(200).extract().path("id");
        for (String id : ids) {
            if (members(caseId, id).contains(item)) {
                return id;
            }
        }
        return null;
    }

    private static io.restassured.response.ValidatableResponse decide(UUID caseId, String seriesId, String item,
                                                                    String decision) {
        return Api.as("officer").body(Map.of("decision", decision))
                .post("/api/cases/" + caseId + "/series/" + seriesId + "/members/" + item + "/decision").then();
    }

    private static String upload(UUID caseId, UUID seizureId, byte[] bytes, String name) {
        return given().auth().oauth2(Tokens.of("officer")).contentType("application/octet-stream").body(bytes)
                .queryParam("fileName", name).queryParam("path", "/series")
                .post("/api/cases/" + caseId + "/seizures/" + seizureId + "/media")
                .then().statusCode(201).extract().path("item.id");
    }
}
