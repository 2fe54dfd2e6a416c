package org.vidcase.video;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.vidcase.hashing.video.VpdqHashFile;
import org.vidcase.matching.EntryIds;
import org.vidcase.localstack.LocalStackTestResource;
import org.vidcase.synthetic.SyntheticImages;
import org.vidcase.testsupport.Api;
import org.vidcase.testsupport.CaseFixture;
import org.vidcase.testsupport.HashSetFixture;
import org.vidcase.testsupport.MediaFixture;
import org.vidcase.testsupport.SyntheticVideos;
import org.vidcase.testsupport.SyntheticVideos.Format;
import org.vidcase.testsupport.SyntheticVideos.Spec;
import org.vidcase.testsupport.Tokens;

/**
 * Videos end to end on the real stack, with generated videos of procedural scenes: an upload is
 * PENDING and queued for the child decoder, then vPDQ-hashed with its key frames stored encrypted;
 * blurred previews and a revealed frame are audited; copies are found across the cases the caller
 * may see and only there; a reference set's vPDQ entry makes a copy an alert; a still of one of its
 * frames suggests the video for the still's series; bad files are kept hash-only with the reason.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, restrictToAnnotatedClass = false)
class VideoTest {

    /** Fixed, so that a run is repeatable (the encoder is deterministic); every video of a run has scenes of its own. */
    private static int seed = 20_000;

    private static Spec spec() {
        seed += 10;
        return new Spec(List.of((long) seed, seed + 1L, seed + 2L), 2, 10, 160, 120);
    }

    private static byte[] video(Format format, Spec spec) throws IOException {
        Path file = Files.createTempFile("vidcase-test-", "." + format.extension);
        try {
            return Files.readAllBytes(SyntheticVideos.write(file, format, spec));
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static JsonPath upload(String user, UUID caseId, UUID seizureId, byte[] bytes, String name) {
        return given().auth().oauth2(Tokens.of(user)).contentType("application/octet-stream").body(bytes)
                .queryParam("fileName", name).post("/api/cases/" + caseId + "/seizures/" + seizureId + "/media")
                .then().statusCode(201).extract().jsonPath();
    }

    private static String base(UUID caseId, String mediaId) {
        return "/api/cases/" + caseId + "/media/" + mediaId;
    }

    /** Waits until the decoder has run; returns the video view. */
    private static JsonPath decoded(String user, UUID caseId, String mediaId) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 120_000;
        while (true) {
            JsonPath v = Api.as(user).get(base(caseId, mediaId) + "/video").then().statusCode(200).extract().jsonPath();
            if (!"PENDING".equals(v.getString("state")) || System.currentTimeMillis() > deadline) {
                return v;
            }
            Thread.sleep(250);
        }
    }

    @Test
    void anUploadedVideoIsPendingThenHashedWithKeyFramesShownBlurredAndRevealedOnlyWithAJustification()
            throws Exception {
        UUID caseId = CaseFixture.openCase("officer");
        UUID seizureId = MediaFixture.seizure(caseId, "officer");
        JsonPath up = upload("officer", caseId, seizureId, video(Format.MP4, spec()), "clip.mov");
        assertThat(up.getString("item.mimeType")).isEqualTo("video/mp4");
        assertThat(up.getString("item.video.state")).isEqualTo("PENDING");
        String mediaId = up.getString("item.id");

        JsonPath v = decoded("officer", caseId, mediaId);
        assertThat(v.getString("state")).as(v.prettify()).isEqualTo("HASHED");
        assertThat(v.getString("container")).contains("mp4");
        assertThat(v.getString("codec")).isEqualTo("h264");
        assertThat(v.getInt("width")).isEqualTo(160);
        assertThat(v.getDouble("frameRate")).isEqualTo(10.0);
        assertThat(v.getInt("framesSampled")).isEqualTo(6);
        // One key frame a scene at least (three scenes cut hard); the camera's pan may start another
        // within a scene where it moves the picture further than the scene distance.
        List<Integer> keyFrameNumbers = v.getList("keyFrames.frameNumber", Integer.class);
        assertThat(keyFrameNumbers).hasSizeBetween(3, 6).isSorted();
        for (int scene = 0; scene < 3; scene++) {
            int first = scene * 20;
            assertThat(keyFrameNumbers).as("a key frame from scene %d", scene)
                    .anyMatch(n -> n >= first && n < first + 20);
        }
        assertThat(v.getList("keyFrames.timestampSeconds", Float.class)).isSorted();
        assertThat(v.getString("keyFrames[1].timestamp")).startsWith("00:00:0");

        // Once hashed it is matched like a picture: unknown here, so it joins the review queue.
        Api.as("officer").get("/api/cases/" + caseId + "/media/" + mediaId).then().statusCode(200)
                .body("video.state", equalTo("HASHED")).body("video.codec", equalTo("h264"));
        assertThat(Api.as("officer").queryParam("review", "TO_REVIEW").get("/api/cases/" + caseId + "/media")
                .then().statusCode(200).extract().jsonPath().getList("id", String.class)).contains(mediaId);
        JsonPath report = Api.as("officer").get("/api/cases/" + caseId + "/seizures/" + seizureId + "/reduction")
                .then().statusCode(200).extract().jsonPath();
        assertThat(report.getInt("videos")).isEqualTo(1);
        assertThat(report.getInt("videosPending.count")).isZero();
        assertThat(report.getInt("toReview.count")).isEqualTo(1);

        Response sheet = Api.as("liaison").get(base(caseId, mediaId) + "/key-frames/sheet");
        assertThat(sheet.statusCode()).isEqualTo(404);
        Response mine = Api.as("officer").get(base(caseId, mediaId) + "/key-frames/sheet");
        assertThat(mine.statusCode()).isEqualTo(200);
        assertThat(mine.contentType()).isEqualTo("image/png");
        assertThat(mine.header("Cache-Control")).isEqualTo("no-store");
        BufferedImage contact = ImageIO.read(new ByteArrayInputStream(mine.asByteArray()));
        assertThat(contact.getType()).isEqualTo(BufferedImage.TYPE_BYTE_GRAY);
        assertThat(contact.getWidth()).isGreaterThan(3 * 160);

        Response preview = Api.as("officer").get(base(caseId, mediaId) + "/key-frames/1/preview");
        assertThat(preview.statusCode()).isEqualTo(200);
        assertThat(preview.header("Cache-Control")).isEqualTo("no-store");
        assertThat(ImageIO.read(new ByteArrayInputStream(preview.asByteArray())).getWidth()).isEqualTo(160);

        Api.as("officer").get(base(caseId, mediaId) + "/key-frames/1").then().statusCode(400);
        Response frame = Api.as("officer").queryParam("justification", "Identify the room for a lead")
                .get(base(caseId, mediaId) + "/key-frames/1");
        assertThat(frame.statusCode()).isEqualTo(200);
        assertThat(frame.contentType()).isEqualTo("image/jpeg");
        assertThat(frame.header("Cache-Control")).isEqualTo("no-store");
        assertThat(ImageIO.read(new ByteArrayInputStream(frame.asByteArray())).getWidth()).isEqualTo(160);

        JsonPath audit = Api.as("auditor").queryParam("objectId", mediaId).get("/api/audit/events")
                .then().statusCode(200).extract().jsonPath();
        List<String> actions = audit.getList("action", String.class);
        assertThat(actions).contains("media.video-hash", "media.preview", "media.key-frame-reveal");
        assertThat(audit.getList("justification", String.class)).contains("Identify the room for a lead");

        String vpdq = Api.as("officer").get(base(caseId, mediaId) + "/video/vpdq").then().statusCode(200)
                .extract().asString();
        assertThat(vpdq.lines().toList()).isNotEmpty()
                .allSatisfy(l -> assertThat(l).matches("\\d+,\\d+,[0-9a-f]{64},\\d+\\.\\d{3}"));
    }

    @Test
    void copiesAreFoundInCasesTheCallerMaySeeAndAKnownVideoMakesACopyAnAlert() throws Exception {
        Spec spec = spec();
        UUID mine = CaseFixture.openCase("officer");
        UUID seizure = MediaFixture.seizure(mine, "officer");
        UUID other = CaseFixture.openCase("officer");
        UUID otherSeizure = MediaFixture.seizure(other, "officer");
        UUID hidden = CaseFixture.openCase("officer2");
        UUID hiddenSeizure = MediaFixture.seizure(hidden, "officer2");
        String original = upload("officer", mine, seizure, video(Format.MP4, spec), "a.mp4").getString("item.id");
        String copy = upload("officer", other, otherSeizure, video(Format.WEBM, spec), "b.webm").getString("item.id");
        String unseen = upload("officer2", hidden, hiddenSeizure, video(Format.AVI, spec), "c.avi").getString("item.id");
        assertThat(decoded("officer", mine, original).getString("state")).isEqualTo("HASHED");
        assertThat(decoded("officer", other, copy).getString("state")).isEqualTo("HASHED");
        assertThat(decoded("officer2", hidden, unseen).getString("state")).isEqualTo("HASHED");

        JsonPath similar = Api.as("officer").get(base(mine, original) + "/similar-videos").then().statusCode(200)
                .extract().jsonPath();
        assertThat(similar.getList("items.mediaItemId", String.class)).contains(copy).doesNotContain(unseen, original);
        Map<String, Object> found = similar.getMap("items.find { it.mediaItemId == '" + copy + "' }");
        assertThat(((Number) found.get("comparedPercent")).doubleValue()).isGreaterThanOrEqualTo(80);
        assertThat(found.get("match")).isEqualTo(true);
        // The other officer sees the copy in their own case only.
        assertThat(Api.as("officer2").get(base(hidden, unseen) + "/similar-videos").then().statusCode(200)
                .extract().jsonPath().getList("items", Object.class)).isEmpty();

        // A reference set holding the original's vPDQ (as the reference writes it) makes a further copy an alert.
        String vpdq = Api.as("officer").get(base(mine, original) + "/video/vpdq").then().statusCode(200).extract().asString();
        String set = HashSetFixture.create("known videos " + UUID.randomUUID(), "NATIONAL", "ALERT", "1");
        JsonPath imported = HashSetFixture.importAndWait(set, "VPDQ", vpdq.getBytes(StandardCharsets.UTF_8));
        assertThat(imported.getInt("result.entries")).isEqualTo(1);
        HashSetFixture.setActive(set, true);
        try {
            // The videos hashed before the set counted are matched against it afterwards, as pictures are.
            awaitStatus(other, copy, "ALERT");
            JsonPath copyMatches = Api.as("officer").get(base(other, copy) + "/matches").then().statusCode(200)
                    .extract().jsonPath();
            assertThat(copyMatches.getList("hashType", String.class)).contains("VPDQ");
            assertThat(Api.as("auditor").get("/api/audit/events?action=hashset.rematch&objectId=" + set + "&caseId=" + other
                    + "&size=100").then().statusCode(200).extract().jsonPath().getList("detail", String.class))
                    .anyMatch(d -> d != null && d.contains("videos of this case matched the set by their frames"));
            String third = upload("officer", other, otherSeizure, video(Format.MKV, spec), "d.mkv").getString("item.id");
            assertThat(decoded("officer", other, third).getString("state")).isEqualTo("HASHED");
            Api.as("officer").get("/api/cases/" + other + "/media/" + third).then().statusCode(200)
                    .body("matchStatus", equalTo("ALERT")).body("category", equalTo("1"));
            JsonPath matches = Api.as("officer").get(base(other, third) + "/matches").then().statusCode(200)
                    .extract().jsonPath();
            assertThat(matches.getString("[0].hashType")).isEqualTo("VPDQ");
            assertThat(matches.getFloat("[0].comparedPercent")).isGreaterThanOrEqualTo(80f);
            assertThat(matches.getBoolean("[0].decisive")).isTrue();
            assertThat(Api.as("officer").get(base(mine, original) + "/similar-videos").then().statusCode(200)
                    .extract().jsonPath().getList("hashSetEntries.hashSetId", String.class)).contains(set);
        } finally {
            HashSetFixture.setActive(set, false);
        }
        // Deactivated, the set no longer decides them.
        awaitStatus(other, copy, null);
    }

    @Test
    void aSetKeptEntryByEntryReachesTheVideoIndexByItsRevision() throws Exception {
        UUID caseId = CaseFixture.openCase("officer");
        String mediaId = upload("officer", caseId, MediaFixture.seizure(caseId, "officer"), video(Format.MP4, spec()),
                "kept.mp4").getString("item.id");
        assertThat(decoded("officer", caseId, mediaId).getString("state")).isEqualTo("HASHED");
        byte[] frames = VpdqHashFile.read(new StringReader(Api.as("officer").get(base(caseId, mediaId) + "/video/vpdq")
                .then().statusCode(200).extract().asString())).toBytes();
        // As the hub subscription is kept: a set whose entries come and go by revision, written by any replica.
        UUID set = UUID.randomUUID();
        superuser("INSERT INTO hash_set (id, name, source, set_version, kind, category_scheme, active, entry_count, "
                + "import_state, imported_at, created_by, created_at, updated_by, updated_at, version, revision) VALUES (?, "
                + "?, 'CUSTOM', '1', 'ALERT', 'vics', true, 0, 'IMPORTED', now(), 'test', now(), 'test', now(), 0, 1)",
                set, "Kept videos " + set);
        int indexId = ((Number) superuserValue("SELECT index_id FROM hash_set WHERE id = ?", set)).intValue();
        try {
            keptByRevision(caseId, mediaId, set, indexId, frames);
        } finally {
            // An active alert set holding this video's frames must not outlive the test, whatever it found.
            superuser("UPDATE hash_set SET active = false WHERE id = ?", set);
        }
    }

    private static void keptByRevision(UUID caseId, String mediaId, UUID set, int indexId, byte[] frames) throws Exception {
        assertThat(knownEntries(caseId, mediaId)).as("revision 1: nothing of this video").isEmpty();

        long entry = EntryIds.of(indexId, 0);
        superuser("INSERT INTO hash_set_entry (id, hash_set_id, sha256, vpdq, category, added_rev) VALUES (?, ?, ?, ?, '1', 2)",
                entry, set, "ab".repeat(32), frames);
        superuser("UPDATE hash_set SET revision = 2, entry_count = 1 WHERE id = ?", set);
        assertThat(knownEntries(caseId, mediaId)).as("added at revision 2").containsExactly(entry);

        superuser("UPDATE hash_set_entry SET withdrawn_rev = 3 WHERE id = ?", entry);
        superuser("UPDATE hash_set SET revision = 3 WHERE id = ?", set);
        assertThat(knownEntries(caseId, mediaId)).as("withdrawn at revision 3").isEmpty();
    }

    private static List<Long> knownEntries(UUID caseId, String mediaId) {
        return Api.as("officer").get(base(caseId, mediaId) + "/similar-videos").then().statusCode(200).extract().jsonPath()
                .getList("hashSetEntries.entryId", Long.class);
    }

    private static void superuser(String statement, Object... parameters) throws SQLException {
        try (Connection c = DriverManager.getConnection(ConfigProvider.getConfig()
                .getValue("vidcase-test.db.superuser-url", String.class)); PreparedStatement s = c.prepareStatement(statement)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            s.executeUpdate();
        }
    }

    private static Object superuserValue(String query, Object parameter) throws SQLException {
        try (Connection c = DriverManager.getConnection(ConfigProvider.getConfig()
                .getValue("vidcase-test.db.superuser-url", String.class)); PreparedStatement s = c.prepareStatement(query)) {
            s.setObject(1, parameter);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getObject(1);
            }
        }
    }

    private static void awaitStatus(UUID caseId, String mediaId, String status) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 60_000;
        String seen;
        do {
            seen = Api.as("officer").get("/api/cases/" + caseId + "/media/" + mediaId).then().statusCode(200)
                    .extract().path("matchStatus");
            if (java.util.Objects.equals(seen, status)) {
                return;
            }
            Thread.sleep(250);
        } while (System.currentTimeMillis() < deadline);
        assertThat(seen).as("match status of " + mediaId).isEqualTo(status);
    }

    @Test
    void aVideoShowingAPictureOfASeriesIsSuggestedForThatSeries() throws Exception {
        Spec spec = spec();
        UUID caseId = CaseFixture.openCase("officer");
        UUID seizureId = MediaFixture.seizure(caseId, "officer");
        byte[] still = SyntheticImages.png(SyntheticVideos.still(spec, 30));
        String picture = upload("officer", caseId, seizureId, still, "still.png").getString("item.id");
        String seriesId = Api.as("officer").body(Map.of("name", "Room with a blue chair", "mediaItemIds", List.of(picture)))
                .post("/api/cases/" + caseId + "/series").then().statusCode(201).extract().path("id");
        String video = upload("officer", caseId, seizureId, video(Format.MOV, spec), "e.mov").getString("item.id");
        assertThat(decoded("officer", caseId, video).getString("state")).isEqualTo("HASHED");
        JsonPath series = Api.as("officer").get("/api/cases/" + caseId + "/series/" + seriesId).then().statusCode(200)
                .extract().jsonPath();
        assertThat(series.getString("members.find { it.mediaItemId == '" + video + "' }.state")).isEqualTo("SUGGESTED");
        Api.as("officer").body(Map.of("decision", "CONFIRM"))
                .post("/api/cases/" + caseId + "/series/" + seriesId + "/members/" + video + "/decision")
                .then().statusCode(200);
    }

    @Test
    void badFilesAreKeptHashOnlyWithTheReasonAndTheServerStaysUp() throws Exception {
        UUID caseId = CaseFixture.openCase("officer");
        UUID seizureId = MediaFixture.seizure(caseId, "officer");
        byte[] whole = video(Format.MP4, spec());
        byte[] truncated = java.util.Arrays.copyOf(whole, whole.length / 2);
        Path audio = Files.createTempFile("vidcase-audio-", ".m4a");
        byte[] audioOnly = Files.readAllBytes(SyntheticVideos.audioOnly(audio));
        Files.deleteIfExists(audio);
        Map<String, byte[]> files = Map.of("truncated.mp4", truncated, "speech.mp4", audioOnly,
                "protected.mp4", encrypted(whole));
        Map<String, String> reasons = Map.of("truncated.mp4", "unreadable", "speech.mp4", "no video stream",
                "protected.mp4", "encrypted");
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            JsonPath up = upload("officer", caseId, seizureId, f.getValue(), f.getKey());
            String id = up.getString("item.id");
            JsonPath v = decoded("officer", caseId, id);
            assertThat(v.getString("state")).as(f.getKey()).isEqualTo("FAILED");
            assertThat(v.getString("failure")).as(f.getKey()).startsWith(reasons.get(f.getKey()));
            assertThat(v.getList("keyFrames")).isEmpty();
            Api.as("officer").get("/api/cases/" + caseId + "/media/" + id).then().statusCode(200)
                    .body("hasContent", equalTo(true)).body("sha256", equalTo(MediaFixture.sha256(f.getValue())));
            Api.as("officer").get(base(caseId, id) + "/key-frames/sheet").then().statusCode(404);
            Api.as("officer").get(base(caseId, id) + "/similar-videos").then().statusCode(422);
        }
        given().get("/q/health/live").then().statusCode(200);
        // Not a video at all: no decoding, 422 on the video endpoints.
        String png = upload("officer", caseId, seizureId, MediaFixture.uniquePng(), "p.png").getString("item.id");
        Api.as("officer").get(base(caseId, png) + "/video").then().statusCode(422);
    }

    private static byte[] encrypted(byte[] mp4) {
        byte[] copy = mp4.clone();
        int at = new String(copy, StandardCharsets.ISO_8859_1).lastIndexOf("avc1");
        copy[at] = 'e';
        copy[at + 1] = 'n';
        copy[at + 2] = 'c';
        copy[at + 3] = 'v';
        return copy;
    }
}
