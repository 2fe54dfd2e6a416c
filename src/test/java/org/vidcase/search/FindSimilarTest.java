package org.vidcase.search;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.vidcase.hashing.PdqHasher;
import org.vidcase.localstack.LocalStackTestResource;
import org.vidcase.localstack.SearchOutage;
import org.vidcase.synthetic.CopyEdit;
import org.vidcase.synthetic.ProceduralScene;
import org.vidcase.synthetic.SyntheticImages;
import org.vidcase.testsupport.Api;
import org.vidcase.testsupport.CaseFixture;
import org.vidcase.testsupport.MediaFixture;
import org.vidcase.testsupport.Tokens;

/** Find similar on the real index: need-to-know inside the query, rotations, probes that are not stored, bad input. */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, restrictToAnnotatedClass = false)
class FindSimilarTest {

    private final Random random = new Random(9001);

    @Test
    void findsTheNearestItemsTheCallerMaySeeAndNoOthers() {
        BufferedImage scene = ProceduralScene.of(random.nextLong()).render(640, 480);
        UUID mine = CaseFixture.openCase("officer");
        UUID mineToo = CaseFixture.openCase("officer");
        // Another team of the same unit: the officer is not on it, their unit's supervisor sees it.
        UUID theirs = CaseFixture.openCase("investigator");
        String original = upload("officer", mine, SyntheticImages.png(scene));
        String resized = upload("officer", mineToo, SyntheticImages.png(CopyEdit.RESIZE.apply(scene, random)));
        String mirroredMine = upload("officer", mineToo, SyntheticImages.png(CopyEdit.MIRROR.apply(scene, random)));
        String mirroredElsewhere = upload("investigator", theirs, SyntheticImages.png(CopyEdit.MIRROR.apply(scene, random)));
        UUID otherUnit = CaseFixture.openCase("officer2");
        String otherUnitsCopy = upload("officer2", otherUnit, SyntheticImages.png(CopyEdit.RESIZE.apply(scene, random)));

        // Every copy is indexed before anything is said about what is left out.
        JsonPath south = await(() -> Api.as("officer2").body(Map.of("pdq", new PdqHasher().hash(scene).hash().toHex()))
                .post("/api/similar").then().statusCode(200).extract().jsonPath(),
                r -> r.getList("items.mediaItemId").contains(otherUnitsCopy));
        assertThat(south.getList("items.mediaItemId")).contains(otherUnitsCopy);
        JsonPath found = await(() -> Api.as("officer").get("/api/cases/" + mine + "/media/" + original + "/similar")
                .then().statusCode(200).extract().jsonPath(), r -> r.getList("items.mediaItemId").containsAll(
                        List.of(resized, mirroredMine)));
        assertThat(found.getList("items.mediaItemId")).contains(resized, mirroredMine).doesNotContain(original);
        assertThat(found.getString("probe.source")).isEqualTo("MEDIA_ITEM");
        assertThat(found.getBoolean("rotations")).isTrue();
        assertThat(found.getInt("items.find { it.mediaItemId == '" + resized + "' }.distance")).isBetween(0, 31);
        assertThat(found.getString("items.find { it.mediaItemId == '" + resized + "' }.caseId")).isEqualTo(mineToo.toString());

        // The unit's supervisor sees the unit's cases: the mirrored copy is found through a reflection of the
        // probe; the other unit's copy stays out of sight.
        JsonPath all = await(() -> Api.as("supervisor").get("/api/cases/" + mine + "/media/" + original + "/similar")
                .then().statusCode(200).extract().jsonPath(),
                r -> r.getList("items.mediaItemId").contains(mirroredElsewhere));
        assertThat(all.getList("items.mediaItemId")).contains(mirroredElsewhere, resized).doesNotContain(otherUnitsCopy);
        assertThat(all.getString("items.find { it.mediaItemId == '" + mirroredElsewhere + "' }.dihedral"))
                .isNotNull().isNotEqualTo("ORIGINAL");

        // Now that every copy is indexed: each caller finds only what their cases hold.
        assertThat(Api.as("officer").get("/api/cases/" + mine + "/media/" + original + "/similar").then().statusCode(200)
                .extract().jsonPath().getList("items.mediaItemId")).contains(resized, mirroredMine)
                .doesNotContain(mirroredElsewhere, otherUnitsCopy);
        assertThat(Api.as("officer2").body(Map.of("pdq", new PdqHasher().hash(scene).hash().toHex())).post("/api/similar")
                .then().statusCode(200).extract().jsonPath().getList("items.mediaItemId")).contains(otherUnitsCopy)
                .doesNotContain(original, resized, mirroredMine, mirroredElsewhere);


        // Narrowed to one case.
        JsonPath one = Api.as("officer").queryParam("caseId", mineToo.toString())
                .get("/api/cases/" + mine + "/media/" + original + "/similar").then().statusCode(200).extract().jsonPath();
        assertThat(one.getList("items.caseId", String.class)).containsOnly(mineToo.toString());

        // A bare hash cannot be turned: the uploaded items' stored turns are searched instead, so the mirrored
        // copy is still found, and said to be a reflection of the probe.
        String hex = new PdqHasher().hash(scene).hash().toHex();
        JsonPath byHash = Api.as("officer").body(Map.of("pdq", hex)).post("/api/similar").then().statusCode(200)
                .extract().jsonPath();
        assertThat(byHash.getBoolean("rotations")).isFalse();
        assertThat(byHash.getList("items.mediaItemId")).contains(original, resized, mirroredMine)
                .doesNotContain(mirroredElsewhere, otherUnitsCopy);
        assertThat(byHash.getString("items.find { it.mediaItemId == '" + original + "' }.dihedral")).isEqualTo("ORIGINAL");
        assertThat(byHash.getString("items.find { it.mediaItemId == '" + mirroredMine + "' }.dihedral"))
                .isNotNull().isNotEqualTo("ORIGINAL");

        // A picture that is not stored: its mirror image finds the original through a reflection.
        byte[] probe = SyntheticImages.jpeg(CopyEdit.MIRROR.apply(scene, random), 0.8f);
        JsonPath byImage = given().auth().oauth2(Tokens.of("officer")).contentType("image/jpeg").body(probe)
                .post("/api/similar").then().statusCode(200).extract().jsonPath();
        assertThat(byImage.getString("probe.source")).isEqualTo("IMAGE");
        assertThat(byImage.getString("items.find { it.mediaItemId == '" + original + "' }.dihedral"))
                .isNotNull().isNotEqualTo("ORIGINAL");
        String sha256 = MediaFixture.sha256(probe);
        List<String> hashes = Api.as("officer").get("/api/cases/" + mine + "/media").then().statusCode(200)
                .extract().path("sha256");
        assertThat(hashes).doesNotContain(sha256);

        List<String> details = Api.as("auditor").get("/api/audit/events?action=search.similar&actor=officer&size=1000")
                .then().statusCode(200).extract().path("detail");
        assertThat(details).anyMatch(d -> d.contains("(not stored)")).anyMatch(d -> d.contains("probe media item " + original));
    }

    @Test
    void aProbePictureOfCameraSizeIsHashedWhileJsonStaysSmall() {
        // Noise does not compress: a PNG of a few megabytes, like a camera's photo, over the JSON limit.
        BufferedImage noise = new BufferedImage(1200, 900, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < noise.getHeight(); y++) {
            for (int x = 0; x < noise.getWidth(); x++) {
                noise.setRGB(x, y, random.nextInt(1 << 24));
            }
        }
        byte[] png = SyntheticImages.png(noise);
        assertThat(png.length).isGreaterThan(2 * 1024 * 1024);
        String expected = new PdqHasher().hash(noise).hash().toHex();
        given().auth().oauth2(Tokens.of("officer")).contentType("image/png").body(png).post("/api/similar")
                .then().statusCode(200).body("probe.source", Matchers.equalTo("IMAGE"))
                .body("probe.pdq", Matchers.equalTo(expected));
        // The larger limit is the picture's only: a JSON body as large is still refused before it is read.
        given().auth().oauth2(Tokens.of("officer")).contentType("application/json")
                .body("{\"pdq\":\"" + "0".repeat(png.length) + "\"}").post("/api/similar")
                .then().statusCode(413).contentType("application/problem+json");
    }

    @Test
    void badProbesAndOutsidersGetClearAnswers() {
        UUID caseId = CaseFixture.openCase("officer");
        String item = upload("officer", caseId, MediaFixture.uniquePng());

        Api.as("officer").body(Map.of("pdq", "abc")).post("/api/similar").then().statusCode(400)
                .contentType("application/problem+json").body("detail", Matchers.containsString("64 hexadecimal digits"));
        Api.as("officer").body(Map.of("pdq", "z".repeat(64))).post("/api/similar").then().statusCode(400);
        Api.as("officer").queryParam("radius", 65).get("/api/cases/" + caseId + "/media/" + item + "/similar")
                .then().statusCode(400).body("detail", Matchers.containsString("radius"));
        Api.as("officer").queryParam("k", 0).get("/api/cases/" + caseId + "/media/" + item + "/similar")
                .then().statusCode(400).body("detail", Matchers.containsString("k"));
        given().auth().oauth2(Tokens.of("officer")).contentType("application/octet-stream").body("not a picture".getBytes())
                .post("/api/similar").then().statusCode(422).contentType("application/problem+json");
        Api.as("officer2").get("/api/cases/" + caseId + "/media/" + item + "/similar").then().statusCode(404);
        Api.as("officer2").queryParam("caseId", caseId.toString()).body(Map.of("pdq", "0".repeat(64)))
                .post("/api/similar").then().statusCode(404);
    }

    @Test
    void answers503WhileTheIndexIsUnreachable() {
        Tokens.of("officer");
        try (SearchOutage outage = SearchOutage.begin()) {
            Api.as("officer").queryParam("hashSets", false).body(Map.of("pdq", "f".repeat(64))).post("/api/similar")
                    .then().statusCode(503).contentType("application/problem+json")
                    .body("detail", Matchers.containsString("search index is unreachable"));
        }
    }

    private static String upload(String user, UUID caseId, byte[] bytes) {
        UUID seizureId = MediaFixture.seizure(caseId, user);
        return given().auth().oauth2(Tokens.of(user)).contentType("application/octet-stream").body(bytes)
                .queryParam("fileName", "p.png").post("/api/cases/" + caseId + "/seizures/" + seizureId + "/media")
                .then().statusCode(201).extract().path("item.id");
    }

    private static JsonPath await(Supplier<JsonPath> call, java.util.function.Predicate<JsonPath> done) {
        long deadline = System.currentTimeMillis() + 30_000;
        JsonPath last = call.get();
        while (!done.test(last) && System.currentTimeMillis() < deadline) {
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            last = call.get();
        }
        return last;
    }
}
