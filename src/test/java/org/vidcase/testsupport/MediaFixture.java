package org.vidcase.testsupport;

import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.vidcase.synthetic.SyntheticImages;

/** Synthetic evidence files and seizures to put them on. */
public final class MediaFixture {

    private static final AtomicLong SEED = new AtomicLong(System.nanoTime());

    private MediaFixture() {
    }

    /** A PNG no other test uses. */
    public static byte[] uniquePng() {
        return SyntheticImages.png(SyntheticImages.scene(SEED.incrementAndGet(), 320, 240));
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Uploads a synthetic picture no other test uses; answers the new item's id. */
    public static String uploadUnique(UUID caseId, UUID seizureId, String by) {
        return io.restassured.RestAssured.given().auth().oauth2(Tokens.of(by)).contentType("application/octet-stream")
                .body(uniquePng()).queryParam("fileName", "picture-" + SEED.incrementAndGet() + ".png")
                .post("/api/cases/" + caseId + "/seizures/" + seizureId + "/media").then().statusCode(201)
                .extract().path("item.id");
    }

    public static UUID seizure(UUID caseId, String by) {
        String id = Api.as(by).body(Map.of("reference", "EX-" + SEED.incrementAndGet(), "deviceDescription", "synthetic laptop"))
                .post("/api/cases/" + caseId + "/seizures").then().statusCode(201).extract().path("id");
        return UUID.fromString(id);
    }
}
