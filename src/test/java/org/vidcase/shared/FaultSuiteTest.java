package org.vidcase.shared;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.vidcase.localstack.KeycloakOutage;
import org.vidcase.localstack.LocalStackTestResource;
import org.vidcase.localstack.PostgresRestart;
import org.vidcase.localstack.StorageOutage;
import org.vidcase.testsupport.Api;
import org.vidcase.testsupport.CaseFixture;
import org.vidcase.testsupport.MediaFixture;
import org.vidcase.testsupport.Tokens;

/**
 * Faults on the real local services, each case asserting that nothing is lost or half-written, and
 * each reported (what was done, what was expected, what was seen) to {@code target/fault-report.md}.
 * The other cases of the suite live where their feature is tested: storage down during an upload
 * ({@code MediaUploadTest}), Elasticsearch down during ingest ({@code SearchIndexingTest}), a replica
 * killed mid-import and mid-re-matching ({@code TwoReplicasIT}).
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, restrictToAnnotatedClass = false)
class FaultSuiteTest {

    private static final Path REPORT = Paths.get("target/fault-report.md");

    @org.junit.jupiter.api.BeforeAll
    static void freshReport() throws IOException {
        Files.deleteIfExists(REPORT);
    }

    @Test
    void keycloakDownLeavesIssuedTokensWorkingAndThePodsReady() throws Exception {
        String issued = Tokens.of("officer");
        UUID caseId = CaseFixture.openCase("officer");
        Response whileDown;
        int ready;
        try (KeycloakOutage outage = KeycloakOutage.begin()) {
            whileDown = given().auth().oauth2(issued).get("/api/cases/" + caseId);
            ready = given().get("/q/health/ready").statusCode();
        }
        assertThat(whileDown.statusCode()).isEqualTo(200);
        assertThat(ready).isEqualTo(200);
        // Back: a new sign-in works again.
        Tokens.forget("officer");
        Api.as("officer").get("/api/cases/" + caseId).then().statusCode(200);
        report("Keycloak frozen (SIGSTOP) while requests come in",
                "tokens already issued keep working (keys cached); the pods stay ready; sign-ins work again after",
                "issued token: " + whileDown.statusCode() + "; readiness: " + ready + "; after: a new token works");
    }

    @Test
    void aTokenWithAnUnknownKeyWhileKeycloakIsFrozenIsAnsweredWithinTheReadTimeout() throws Exception {
        String issued = Tokens.of("officer");
        String[] parts = issued.split("\\.");
        // A token that names a key the server never saw: it asks Keycloak for the realm's keys again.
        String header = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                ("{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"rotated-" + UUID.randomUUID() + "\"}")
                        .getBytes(StandardCharsets.UTF_8));
        String unknownKey = header + "." + parts[1] + "." + parts[2];
        Response answer;
        long millis;
        int ready;
        Thread.sleep(1_100);
        try (KeycloakOutage outage = KeycloakOutage.begin()) {
            long began = System.nanoTime();
            answer = given().auth().oauth2(unknownKey).get("/api/cases");
            millis = (System.nanoTime() - began) / 1_000_000;
            ready = given().get("/q/health/ready").statusCode();
            given().auth().oauth2(issued).get("/api/cases").then().statusCode(200);
        }
        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(millis).as("answered within the read timeout (3 s in tests) plus slack").isLessThan(15_000);
        assertThat(ready).isEqualTo(200);
        report("Keycloak frozen (SIGSTOP); a token naming a signing key the server has not cached",
                "the server's call for the realm's keys gives up after vidcase.keycloak.read-timeout; "
                        + "the request is refused with 401, not held; issued tokens keep working",
                "answer " + answer.statusCode() + " after " + millis + " ms; readiness " + ready
                        + "; a token with a cached key: 200");
    }

    @Test
    void storageDownAtAnImportStoresNothingAndTheSameImportWorksAfterwards() throws Exception {
        UUID caseId = CaseFixture.openCase("officer");
        UUID seizureId = MediaFixture.seizure(caseId, "officer");
        String csv = "MD5\n" + UUID.randomUUID().toString().replace("-", "") + "\n";
        Response refused;
        try (StorageOutage outage = StorageOutage.begin()) {
            refused = importCsv(caseId, seizureId, csv);
        }
        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        List<?> items = Api.as("officer").get("/api/cases/" + caseId + "/media").then().statusCode(200).extract().path("$");
        assertThat(items).isEmpty();
        Response accepted = importCsv(caseId, seizureId, csv);
        assertThat(accepted.statusCode()).isEqualTo(202);
        String job = accepted.path("id");
        String state = org.vidcase.testsupport.Jobs.awaitEnd(job, "officer").getString("state");
        assertThat(state).isEqualTo("SUCCEEDED");
        int after = Api.as("officer").get("/api/cases/" + caseId + "/media").then().statusCode(200).extract()
                .<List<?>>path("$").size();
        assertThat(after).isEqualTo(1);
        report("Object storage stopped while an export is submitted for import",
                "503 problem, no job and no item; the same file imported afterwards gives its item once",
                "during: " + refused.statusCode() + " " + refused.contentType() + ", items " + items.size()
                        + "; after: " + accepted.statusCode() + ", job " + state + ", items " + after);
    }

    @Test
    void postgresRestartedUnderLoadFailsRequestsCleanlyAndLeavesNothingHalfWritten() throws Exception {
        UUID caseId = CaseFixture.openCase("officer");
        UUID seizureId = MediaFixture.seizure(caseId, "officer");
        String token = Tokens.of("officer");
        java.util.Map<String, Integer> uploads = new java.util.concurrent.ConcurrentHashMap<>();
        java.util.List<String> unclean = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        java.util.concurrent.atomic.AtomicInteger reads = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
        java.util.concurrent.ExecutorService load = java.util.concurrent.Executors.newFixedThreadPool(4);
        for (int worker = 0; worker < 4; worker++) {
            boolean uploader = worker < 3;
            load.submit(() -> {
                while (!stop.get()) {
                    Response r;
                    if (uploader) {
                        byte[] png = MediaFixture.uniquePng();
                        r = given().auth().oauth2(token).contentType("application/octet-stream").body(png)
                                .queryParam("fileName", "load.png").queryParam("path", "/restart")
                                .post("/api/cases/" + caseId + "/seizures/" + seizureId + "/media");
                        uploads.put(MediaFixture.sha256(png), r.statusCode());
                    } else {
                        r = given().auth().oauth2(token).get("/api/cases/" + caseId + "/media");
                        reads.incrementAndGet();
                    }
                    boolean clean = r.statusCode() < 300 || (r.statusCode() == 503
                            && r.contentType().startsWith("application/problem+json"));
                    if (!clean) {
                        unclean.add(r.statusCode() + " " + r.asString());
                    }
                }
                return null;
            });
        }
        Thread.sleep(2_000);
        long began = System.nanoTime();
        PostgresRestart.now();
        long restartMillis = (System.nanoTime() - began) / 1_000_000;
        Thread.sleep(4_000);
        stop.set(true);
        load.shutdown();
        assertThat(load.awaitTermination(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();

        // Connections recover: the next requests succeed, and the pod reports ready again.
        Api.as("officer").get("/api/cases/" + caseId + "/media").then().statusCode(200);
        long readyBy = System.currentTimeMillis() + 30_000;
        while (given().get("/q/health/ready").statusCode() != 200) {
            assertThat(System.currentTimeMillis()).as("ready again after the restart").isLessThan(readyBy);
            Thread.sleep(200);
        }
        long refused = uploads.values().stream().filter(status -> status == 503).count();
        long stored = uploads.values().stream().filter(status -> status == 201).count();
        assertThat(unclean).as("answers other than 2xx or a 503 problem").isEmpty();
        assertThat(stored).isPositive();
        // Nothing half-written: every upload answered 201 is complete; one answered 503 left no item, or a
        // complete one (its commit took just before the connection went); no object stays without its row.
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(
                org.eclipse.microprofile.config.ConfigProvider.getConfig().getValue("vidcase-test.db.superuser-url", String.class))) {
            for (java.util.Map.Entry<String, Integer> upload : uploads.entrySet()) {
                long complete = count(c, """
                        SELECT count(*) FROM media_item m JOIN evidence_blob b ON b.sha256 = m.blob_sha256
                         JOIN media_location l ON l.media_id = m.id JOIN evidence_key k ON k.blob_sha256 = b.sha256 AND k.case_id = m.case_id
                         WHERE m.case_id = ? AND m.sha256 = ?""", caseId, upload.getKey());
                long any = count(c, "SELECT count(*) FROM media_item WHERE case_id = ? AND sha256 = ?", caseId, upload.getKey());
                if (upload.getValue() == 201) {
                    assertThat(complete).as("upload " + upload.getKey() + " answered 201").isEqualTo(1);
                } else {
                    assertThat(any).as("upload " + upload.getKey() + " answered " + upload.getValue()).isEqualTo(complete);
                }
            }
        }
        long deadline = System.currentTimeMillis() + 30_000;
        List<String> leftovers = unreferencedObjects(uploads.keySet());
        while (!leftovers.isEmpty() && System.currentTimeMillis() < deadline) {
            Thread.sleep(500);
            leftovers = unreferencedObjects(uploads.keySet());
        }
        assertThat(leftovers).as("objects no row refers to, after the sweep").isEmpty();
        Api.as("auditor").get("/api/audit/verification").then().statusCode(200)
                .body("intact", org.hamcrest.Matchers.equalTo(true));
        report("PostgreSQL restarted (pg_ctl restart -m fast, " + restartMillis + " ms) under 3 uploaders and 1 reader",
                "in-flight requests answered 503 problem (never 500), connections recover and the pod is ready again, every 201 upload complete, "
                        + "no half-written item, no object left without its row, the audit chain intact",
                uploads.size() + " uploads: " + stored + " stored, " + refused + " refused with 503; " + reads.get()
                        + " reads; other answers: " + unclean.size() + "; leftovers after the sweep: 0; chain intact");
    }

    /** Objects of these contents in the bucket that no evidence row refers to. */
    private static List<String> unreferencedObjects(java.util.Set<String> shas) throws Exception {
        io.minio.MinioClient minio = io.quarkus.arc.Arc.container().instance(io.minio.MinioClient.class).get();
        List<String> found = new java.util.ArrayList<>();
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(
                org.eclipse.microprofile.config.ConfigProvider.getConfig().getValue("vidcase-test.db.superuser-url", String.class))) {
            for (String sha : shas) {
                for (io.minio.Result<io.minio.messages.Item> r : minio.listObjects(io.minio.ListObjectsArgs.builder()
                        .bucket("vidcase-evidence").prefix("blobs/" + sha.substring(0, 2) + "/" + sha + "/").recursive(true).build())) {
                    String key = r.get().objectName();
                    if (count(c, "SELECT count(*) FROM evidence_blob WHERE object_key = ?", key) == 0) {
                        found.add(key);
                    }
                }
            }
        }
        return found;
    }

    private static long count(java.sql.Connection c, String query, Object... parameters) throws java.sql.SQLException {
        try (java.sql.PreparedStatement s = c.prepareStatement(query)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            try (java.sql.ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    private static Response importCsv(UUID caseId, UUID seizureId, String csv) {
        return given().auth().oauth2(Tokens.of("officer")).contentType("text/csv").body(csv.getBytes(StandardCharsets.UTF_8))
                .post("/api/cases/" + caseId + "/seizures/" + seizureId + "/imports");
    }

    private static synchronized void report(String done, String expected, String seen) throws IOException {
        Files.createDirectories(REPORT.getParent());
        if (!Files.exists(REPORT)) {
            Files.writeString(REPORT, "# Fault report\n\n| Case | Expected | Seen |\n|---|---|---|\n", StandardCharsets.UTF_8);
        }
        Files.writeString(REPORT, "| " + done + " | " + expected + " | " + seen + " |\n", StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);
    }
}
