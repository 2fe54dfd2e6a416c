package org.vidcase.retention;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.minio.GetObjectArgs;
import io.minio.ListObjectsArgs;
import io.minio.MinioClient;
import io.minio.Result;
import io.minio.messages.Item;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.vidcase.localstack.LocalStackTestResource;
import org.vidcase.media.infra.DestroyedCaseKeyException;
import org.vidcase.media.infra.EvidenceConfig;
import org.vidcase.media.infra.EvidenceKeys;
import org.vidcase.media.service.LegacyEvidenceKeys;
import org.vidcase.shared.crypto.EvidenceCipher;
import org.vidcase.shared.crypto.MasterKeyring;
import org.vidcase.shared.crypto.UnknownMasterKeyException;
import org.vidcase.shared.crypto.WrappedKey;
import org.vidcase.testsupport.Api;
import org.vidcase.testsupport.CaseFixture;
import org.vidcase.testsupport.Jobs;
import org.vidcase.testsupport.MediaFixture;
import org.vidcase.testsupport.Tokens;

/**
 * Retention and disposal on the real stack: a legal hold stops a disposal; an approved disposal
 * removes every row of the case (checked over every UUID column of every table, so a table added
 * later that the disposal path forgets fails here), the evidence only it held, its imported files and
 * its documents in the index, keeps what another case holds, records who approved it, and destroys
 * the case's key so that a copy of the database and the bucket taken before can no longer be read.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, restrictToAnnotatedClass = false)
class RetentionTest {

    /** Tables that keep a disposed case's id on purpose: the audit trail and the disposal register. */
    private static final Set<String> KEEPS_CASE_IDS = Set.of("audit_event", "case_disposal");

    @Inject
    MinioClient minio;

    @Inject
    ElasticsearchClient search;

    @Inject
    EvidenceKeys keys;

    @Inject
    EvidenceConfig evidenceConfig;

    @Inject
    LegacyEvidenceKeys legacyKeys;

    @Test
    void anApprovedDisposalRemovesTheCaseKeepsSharedContentAndShredsTheKey() throws Exception {
        UUID caseId = CaseFixture.openCase("officer");
        UUID seizureId = MediaFixture.seizure(caseId, "officer");
        byte[] onlyHere = MediaFixture.uniquePng();
        byte[] shared = MediaFixture.uniquePng();
        String onlyHereId = upload(caseId, seizureId, onlyHere, "only-here.png");
        String sharedId = upload(caseId, seizureId, shared, "shared.png");
        Api.as("officer").body(Map.of("category", "1", "note", "first look"))
                .put("/api/cases/" + caseId + "/media/" + onlyHereId + "/categorisation").then().statusCode(200);
        String seriesId = Api.as("officer").body(Map.of("name", "Disposal series", "mediaItemIds", List.of(onlyHereId)))
                .post("/api/cases/" + caseId + "/series").then().statusCode(201).extract().path("id");
        String leadId = Api.as("officer").body(Map.of("title", "Disposal lead", "mediaItemIds", List.of(onlyHereId)))
                .post("/api/cases/" + caseId + "/leads").then().statusCode(201).extract().path("id");
        String clueId = Api.as("officer").body(Map.of("type", "OTHER", "value", "a wallpaper with ducks"))
                .post("/api/cases/" + caseId + "/leads/" + leadId + "/clues").then().statusCode(201).extract().path("id");
        String importJob = given().auth().oauth2(Tokens.of("officer")).contentType("text/csv")
                .body("MD5,FileName\n" + "ab".repeat(16) + ",listed.jpg\n")
                .post("/api/cases/" + caseId + "/seizures/" + seizureId + "/imports").then().statusCode(202)
                .extract().path("id");
        assertThat(Jobs.awaitEnd(importJob, "officer").getString("state")).isEqualTo("SUCCEEDED");

        UUID otherCase = CaseFixture.openCase("officer");
        String otherItem = upload(otherCase, MediaFixture.seizure(otherCase, "officer"), shared, "also-here.png");

        Set<UUID> caseIds = idsOf(caseId);
        assertThat(caseIds).contains(caseId, seizureId, UUID.fromString(onlyHereId), UUID.fromString(seriesId),
                UUID.fromString(leadId), UUID.fromString(clueId));
        awaitIndexed(onlyHereId);

        // What an old backup holds: the case's wrapping of the picture's key and the encrypted object.
        String onlyHereSha = MediaFixture.sha256(onlyHere);
        String backupWrapping = single("SELECT wrapped_key FROM evidence_key WHERE blob_sha256 = ? AND case_id = ?",
                onlyHereSha, caseId);
        String onlyHereObject = single("SELECT object_key FROM evidence_blob WHERE sha256 = ?", onlyHereSha);
        String sharedObject = single("SELECT object_key FROM evidence_blob WHERE sha256 = ?", MediaFixture.sha256(shared));
        String importObject = single("SELECT parameters::jsonb ->> 'objectKey' FROM job WHERE id = ?", UUID.fromString(importJob));
        byte[] backupCiphertext;
        try (InputStream in = minio.getObject(GetObjectArgs.builder().bucket("vidcase-evidence").object(onlyHereObject).build())) {
            backupCiphertext = in.readAllBytes();
        }
        assertThat(decrypt(backupCiphertext, keys.unwrap(backupWrapping))).isEqualTo(onlyHere);

        Api.as("officer").body(Map.of("reason", "convicted; appeals exhausted")).post("/api/cases/" + caseId + "/close")
                .then().statusCode(200).body("retainUntil", notNullValue());
        Api.as("supervisor").get("/api/disposals/due").then().statusCode(200).body("caseId", hasItem(caseId.toString()));

        // A legal hold takes the case off the list and stops its approval.
        Api.as("supervisor").body(Map.of("reason", "related prosecution pending")).put(hold(caseId)).then().statusCode(200)
                .body("legalHold.reason", equalTo("related prosecution pending")).body("legalHold.setBy", equalTo("supervisor"));
        Api.as("supervisor").get("/api/disposals/due").then().body("caseId", not(hasItem(caseId.toString())));
        Api.as("supervisor").body(Map.of("legalBasis", "retention schedule 4.2")).post(disposal(caseId)).then()
                .statusCode(422).contentType("application/problem+json").body("detail", containsString("legal hold"));
        Api.as("supervisor").queryParam("reason", "prosecution concluded").delete(hold(caseId)).then().statusCode(200)
                .body("legalHold", equalTo(null));

        JsonPath approved = Api.as("supervisor").body(Map.of("legalBasis", "retention schedule 4.2"))
                .post(disposal(caseId)).then().statusCode(202).header("Location", containsString("/api/jobs/"))
                .body("state", equalTo("APPROVED")).body("approvedBy", equalTo("supervisor")).extract().jsonPath();
        JsonPath job = Jobs.awaitEnd(approved.getString("jobId"), "supervisor");
        assertThat(job.getString("state")).as(job.prettify()).isEqualTo("SUCCEEDED");

        // The case is gone for everyone, its register entry stays.
        Api.as("officer").get("/api/cases/" + caseId).then().statusCode(404);
        Api.as("supervisor").get("/api/cases/" + caseId).then().statusCode(404);
        JsonPath entry = Api.as("auditor").get("/api/disposals/" + approved.getString("id")).then().statusCode(200)
                .extract().jsonPath();
        assertThat(entry.getString("state")).isEqualTo("DISPOSED");
        assertThat(entry.getString("caseReference")).startsWith("T-");
        assertThat(entry.getString("legalBasis")).isEqualTo("retention schedule 4.2");
        assertThat(entry.getInt("objectsRemoved")).isEqualTo(2);
        assertThat(entry.getInt("objectsKept")).isEqualTo(1);
        assertThat(entry.getString("keyDestroyedAt")).isNotNull();

        // No row anywhere still names anything of the case.
        assertThat(rowsNaming(caseIds)).isEmpty();
        // The other case keeps the shared picture and reads it; the objects only this case had go.
        assertThat(given().auth().oauth2(Tokens.of("officer")).queryParam("justification", "review")
                .get("/api/cases/" + otherCase + "/media/" + otherItem + "/content").then().statusCode(200)
                .extract().asByteArray()).isEqualTo(shared);
        awaitGone(onlyHereObject);
        awaitGone(importObject);
        assertThat(objectsUnder(sharedObject)).containsExactly(sharedObject);
        // The index forgets the case's media and its lead.
        awaitNotIndexed("vidcase-media", onlyHereId);
        awaitNotIndexed("vidcase-media", sharedId);
        awaitNotIndexed("vidcase-leads", leadId);
        assertThat(search.exists(e -> e.index("vidcase-media").id(otherItem)).value()).isTrue();

        // Crypto-shredding: the key store no longer holds the case's key, so the backup copy cannot be read,
        // not through the server's keys and not with the master keys alone.
        assertThat(keysStore("SELECT count(*) FROM case_key WHERE case_id = ?", caseId)).isZero();
        assertThat(keysStore("SELECT count(*) FROM destroyed_case_key WHERE case_id = ?", caseId)).isEqualTo(1);
        assertThatThrownBy(() -> keys.unwrap(backupWrapping)).isInstanceOf(DestroyedCaseKeyException.class);
        MasterKeyring masters = MasterKeyring.parse(evidenceConfig.masterKeys(), evidenceConfig.activeKeyId());
        assertThatThrownBy(() -> masters.unwrap(WrappedKey.parse(backupWrapping)))
                .isInstanceOf(UnknownMasterKeyException.class);
        assertThatThrownBy(() -> keys.wrapForCase(caseId, keys.newDataKey())).isInstanceOf(DestroyedCaseKeyException.class);

        // The trail records the disposal with its approver and legal basis, and the key's destruction.
        List<Map<String, Object>> events = Api.as("auditor").queryParam("caseId", caseId.toString())
                .get("/api/audit/events").then().statusCode(200).extract().jsonPath().getList("");
        Map<String, Object> disposed = events.stream().filter(e -> "case.dispose".equals(e.get("action"))).findFirst().orElseThrow();
        assertThat(disposed.get("outcome")).isEqualTo("SUCCESS");
        assertThat(disposed.get("actor")).isEqualTo("supervisor");
        assertThat(disposed.get("justification")).isEqualTo("retention schedule 4.2");
        assertThat((String) disposed.get("detail")).contains("approved by supervisor");
        assertThat(events).anyMatch(e -> "case.key-destroy".equals(e.get("action")));
        assertThat(events).anyMatch(e -> "case.disposal-approve".equals(e.get("action")) && "supervisor".equals(e.get("actor")));
        Api.as("auditor").get("/api/audit/verification").then().statusCode(200).body("intact", equalTo(true));
        Api.as("supervisor").get("/api/disposals").then().statusCode(200).body("caseId", hasItem(caseId.toString()));
    }

    @Test
    void disposalIsRefusedUntilTheCaseIsClosedPastItsRetentionAndOnlySupervisorsOfItsUnitDecide() throws Exception {
        UUID caseId = CaseFixture.openCase("officer");
        Api.as("supervisor").body(Map.of("legalBasis", "schedule")).post(disposal(caseId)).then().statusCode(422)
                .body("detail", containsString("open"));
        Api.as("officer").body(Map.of("reason", "done")).post("/api/cases/" + caseId + "/close").then().statusCode(200);
        superuser("UPDATE vid_case SET retain_until = now() + interval '30 days' WHERE id = ?", caseId);
        Api.as("supervisor").body(Map.of("legalBasis", "schedule")).post(disposal(caseId)).then().statusCode(422)
                .body("detail", containsString("kept until"));
        Api.as("supervisor").get("/api/disposals/due").then().body("caseId", not(hasItem(caseId.toString())));

        // Only supervisors; officer2's unit's supervisor is not this one, and its cases stay hidden.
        Api.as("officer").body(Map.of("legalBasis", "schedule")).post(disposal(caseId)).then().statusCode(403);
        Api.as("officer").body(Map.of("reason", "x")).put(hold(caseId)).then().statusCode(403);
        Api.as("officer").get("/api/disposals").then().statusCode(403);
        UUID southCase = CaseFixture.openCase("officer2");
        Api.as("supervisor").body(Map.of("reason", "x")).put(hold(southCase)).then().statusCode(404);
        Api.as("supervisor").body(Map.of("legalBasis", "schedule")).post(disposal(southCase)).then().statusCode(404);

        // Bad input: nothing changes.
        Api.as("supervisor").body(Map.of("reason", " ")).put(hold(caseId)).then().statusCode(400)
                .contentType("application/problem+json");
        Api.as("supervisor").body(Map.of()).post(disposal(caseId)).then().statusCode(400);
        Api.as("supervisor").queryParam("reason", "no hold").delete(hold(caseId)).then().statusCode(409);
        Api.as("supervisor").delete(hold(caseId)).then().statusCode(400);
        Api.as("supervisor").get("/api/cases/" + caseId).then().statusCode(200).body("legalHold", equalTo(null));
        Api.as("supervisor").get("/api/disposals/" + UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void evidenceFiledBeforeCaseKeysIsRewrappedPerCaseAndStaysReadable() throws Exception {
        UUID caseId = CaseFixture.openCase("officer");
        byte[] png = MediaFixture.uniquePng();
        String itemId = upload(caseId, MediaFixture.seizure(caseId, "officer"), png, "legacy.png");
        String sha = MediaFixture.sha256(png);
        // As a server before V22 left it: the data key wrapped under the master key on the blob, no case wrapping.
        String master = keys.wrapForNoCase(keys.unwrap(single(
                "SELECT wrapped_key FROM evidence_key WHERE blob_sha256 = ? AND case_id = ?", sha, caseId))).storageForm();
        superuser("UPDATE evidence_blob SET wrapped_key = ? WHERE sha256 = ?", master, sha);
        superuser("DELETE FROM evidence_key WHERE blob_sha256 = ?", sha);
        assertThat(download(caseId, itemId)).isEqualTo(png);

        assertThat(legacyKeys.migrate()).isGreaterThanOrEqualTo(1);

        assertThat(single("SELECT wrapped_key FROM evidence_blob WHERE sha256 = ?", sha)).isNull();
        assertThat(single("SELECT wrapped_key FROM evidence_key WHERE blob_sha256 = ? AND case_id = ?", sha, caseId))
                .startsWith("c.");
        assertThat(download(caseId, itemId)).isEqualTo(png);
    }

    private static String upload(UUID caseId, UUID seizureId, byte[] bytes, String name) {
        return given().auth().oauth2(Tokens.of("officer")).contentType("application/octet-stream").body(bytes)
                .queryParam("fileName", name).queryParam("path", "/retention")
                .post("/api/cases/" + caseId + "/seizures/" + seizureId + "/media").then().statusCode(201)
                .extract().path("item.id");
    }

    private static byte[] download(UUID caseId, String itemId) {
        return given().auth().oauth2(Tokens.of("officer")).queryParam("justification", "check")
                .get("/api/cases/" + caseId + "/media/" + itemId + "/content").then().statusCode(200)
                .extract().asByteArray();
    }

    private static String hold(UUID caseId) {
        return "/api/cases/" + caseId + "/legal-hold";
    }

    private static String disposal(UUID caseId) {
        return "/api/cases/" + caseId + "/disposal";
    }

    private static byte[] decrypt(byte[] ciphertext, javax.crypto.SecretKey key) throws Exception {
        try (InputStream in = new EvidenceCipher(256 * 1024).decrypting(new java.io.ByteArrayInputStream(ciphertext), key)) {
            return in.readAllBytes();
        }
    }

    /** Every id of the case's own rows. */
    private static Set<UUID> idsOf(UUID caseId) throws SQLException {
        Set<UUID> ids = new LinkedHashSet<>();
        ids.add(caseId);
        try (Connection c = db()) {
            for (String query : List.of("SELECT id FROM seizure WHERE case_id = ?", "SELECT id FROM media_item WHERE case_id = ?",
                    "SELECT id FROM series WHERE case_id = ?", "SELECT id FROM lead WHERE case_id = ?",
                    "SELECT id FROM lead_clue WHERE case_id = ?", "SELECT id FROM identification WHERE case_id = ?",
                    "SELECT id FROM case_member WHERE case_id = ?", "SELECT id FROM job WHERE case_id = ?",
                    "SELECT l.id FROM media_location l JOIN media_item m ON m.id = l.media_id WHERE m.case_id = ?",
                    "SELECT c.id FROM custody_entry c JOIN seizure s ON s.id = c.seizure_id WHERE s.case_id = ?",
                    "SELECT c.id FROM media_categorisation c JOIN media_item m ON m.id = c.media_id WHERE m.case_id = ?")) {
                try (PreparedStatement s = c.prepareStatement(query)) {
                    s.setObject(1, caseId);
                    try (ResultSet r = s.executeQuery()) {
                        while (r.next()) {
                            ids.add(r.getObject(1, UUID.class));
                        }
                    }
                }
            }
        }
        return ids;
    }

    /** "table.column" for every UUID column of every table that still holds one of the ids. */
    private static List<String> rowsNaming(Set<UUID> ids) throws SQLException {
        List<String> found = new ArrayList<>();
        try (Connection c = db()) {
            List<String[]> columns = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("""
                    SELECT table_name, column_name FROM information_schema.columns
                     WHERE table_schema = 'public' AND data_type = 'uuid'""");
                 ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    columns.add(new String[] {r.getString(1), r.getString(2)});
                }
            }
            assertThat(columns).hasSizeGreaterThan(30);
            for (String[] column : columns) {
                if (KEEPS_CASE_IDS.contains(column[0])) {
                    continue;
                }
                try (PreparedStatement s = c.prepareStatement(
                        "SELECT count(*) FROM " + column[0] + " WHERE " + column[1] + " = ANY(?)")) {
                    s.setArray(1, c.createArrayOf("uuid", ids.toArray()));
                    try (ResultSet r = s.executeQuery()) {
                        r.next();
                        if (r.getLong(1) > 0 && !column[0].equals("search_outbox")) {
                            found.add(column[0] + "." + column[1] + " (" + r.getLong(1) + ")");
                        }
                    }
                }
            }
        }
        return found;
    }

    private void awaitIndexed(String id) throws Exception {
        long deadline = System.currentTimeMillis() + 30_000;
        while (!search.exists(e -> e.index("vidcase-media").id(id)).value()) {
            assertThat(System.currentTimeMillis()).as("item " + id + " indexed").isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    private void awaitNotIndexed(String index, String id) throws Exception {
        long deadline = System.currentTimeMillis() + 30_000;
        while (search.exists(e -> e.index(index).id(id)).value()) {
            assertThat(System.currentTimeMillis()).as(id + " removed from " + index).isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    private void awaitGone(String objectKey) throws Exception {
        long deadline = System.currentTimeMillis() + 30_000;
        while (!objectsUnder(objectKey).isEmpty()) {
            assertThat(System.currentTimeMillis()).as(objectKey + " removed from the bucket").isLessThan(deadline);
            Thread.sleep(200);
        }
    }

    private List<String> objectsUnder(String prefix) throws Exception {
        List<String> keys = new ArrayList<>();
        for (Result<Item> r : minio.listObjects(ListObjectsArgs.builder().bucket("vidcase-evidence").prefix(prefix)
                .recursive(true).build())) {
            keys.add(r.get().objectName());
        }
        return keys;
    }

    private static String single(String query, Object... parameters) throws SQLException {
        try (Connection c = db(); PreparedStatement s = c.prepareStatement(query)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? r.getString(1) : null;
            }
        }
    }

    private static void superuser(String statement, Object... parameters) throws SQLException {
        try (Connection c = db(); PreparedStatement s = c.prepareStatement(statement)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            s.executeUpdate();
        }
    }

    private static long keysStore(String query, UUID caseId) throws SQLException {
        String url = ConfigProvider.getConfig().getValue("vidcase-test.keys.superuser-url", String.class);
        try (Connection c = DriverManager.getConnection(url); PreparedStatement s = c.prepareStatement(query)) {
            s.setObject(1, caseId);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    private static Connection db() throws SQLException {
        return DriverManager.getConnection(ConfigProvider.getConfig().getValue("vidcase-test.db.superuser-url", String.class));
    }
}
