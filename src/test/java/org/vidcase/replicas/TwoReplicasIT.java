package org.vidcase.replicas;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vidcase.localstack.LocalStack;
import org.vidcase.localstack.SharedStack;
import org.vidcase.testsupport.Tokens;

/**
 * Two server processes on one PostgreSQL, Elasticsearch, S3 store and Keycloak. One is killed
 * (SIGKILL) in the middle of an import with its indexing backlog, the survivor takes the work
 * over, the killed one comes back, and the holder of a re-matching job is killed in turn. Then
 * every job has finished once, every record is there once, the index holds every item, and both
 * replicas answer the same matches. Run by failsafe after the package phase.
 */
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
class TwoReplicasIT {

    private static final Logger LOG = Logger.getLogger(TwoReplicasIT.class);
    private static final int ITEMS = 40_000;
    private static final int KNOWN = 3_000;

    private static LocalStack stack;
    private static final List<ServerProcess> servers = new ArrayList<>();
    private static final Map<String, String> REPLICA_SETTINGS = Map.of(
            "vidcase.jobs.lease", "4S",
            "vidcase.jobs.poll-interval", "500MS",
            "vidcase.jobs.progress-flush-interval", "200MS",
            "vidcase.matching.replica-timeout", "5S",
            "vidcase.series.incremental-every", "off");

    @BeforeAll
    static void start() throws Exception {
        stack = SharedStack.get();
        System.setProperty("quarkus.oidc.auth-server-url", stack.applicationProperties().get("quarkus.oidc.auth-server-url"));
        ServerProcess a = ServerProcess.start("replica-a", stack.applicationProperties(), REPLICA_SETTINGS);
        ServerProcess b = ServerProcess.start("replica-b", stack.applicationProperties(), REPLICA_SETTINGS);
        servers.add(a);
        servers.add(b);
        a.awaitReady(Duration.ofMinutes(3));
        b.awaitReady(Duration.ofMinutes(3));
    }

    @AfterAll
    static void stop() throws Exception {
        for (ServerProcess s : servers) {
            s.close();
        }
    }

    @Test
    @org.junit.jupiter.api.Order(1)
    void killingAReplicaMidWorkLosesNothingAndRunsNothingTwice() throws Exception {
        ServerProcess a = servers.get(0);
        ServerProcess b = servers.get(1);
        Random random = new Random(20261204);

        // A case and an exhibit, made through A.
        String caseId = api(a, "officer").body(Map.of("reference", "REPL-" + UUID.randomUUID().toString().substring(0, 8),
                "title", "Two replicas")).post("/api/cases").then().statusCode(201).extract().path("id");
        String seizureId = api(a, "officer").body(Map.of("reference", "EX-REPL-1", "deviceDescription", "synthetic"))
                .post("/api/cases/" + caseId + "/seizures").then().statusCode(201).extract().path("id");

        // 1. An import through A; A is killed while it runs and while the outbox still holds its items.
        List<String> md5s = new ArrayList<>(ITEMS);
        StringBuilder csv = new StringBuilder("MD5,SHA1\n");
        for (int i = 0; i < ITEMS; i++) {
            String md5 = hex(random, 32);
            md5s.add(md5);
            csv.append(md5).append(',').append(hex(random, 40)).append('\n');
        }
        String importJob = api(a, "officer").contentType("text/csv").body(csv.toString().getBytes(StandardCharsets.UTF_8))
                .post("/api/cases/" + caseId + "/seizures/" + seizureId + "/imports").then().statusCode(202).extract().path("id");
        ServerProcess holder = awaitRunningOn(importJob, List.of(a, b));
        long doneAtKill = column(importJob, "done_items");
        long backlogAtKill = count("SELECT count(*) FROM search_outbox");
        holder.kill();
        LOG.infof("Killed %s during the import at %d of %d items, with %d outbox rows", holder.name(), doneAtKill, ITEMS,
                backlogAtKill);
        assertThat(doneAtKill).as("killed mid-import").isLessThan(ITEMS);
        ServerProcess survivor = holder == a ? b : a;
        JsonPath imported = awaitEnd(survivor, importJob, "officer");
        assertThat(imported.getString("state")).isEqualTo("SUCCEEDED");
        assertThat(column(importJob, "attempts")).isEqualTo(2);
        assertThat(count("SELECT count(*) FROM media_item WHERE case_id = '" + caseId + "'")).isEqualTo(ITEMS);
        assertThat(count("SELECT count(DISTINCT md5) FROM media_item WHERE case_id = '" + caseId + "'")).isEqualTo(ITEMS);

        // The killed replica comes back.
        ServerProcess back = ServerProcess.start(holder.name() + "-2", stack.applicationProperties(), REPLICA_SETTINGS);
        servers.add(back);
        back.awaitReady(Duration.ofMinutes(3));

        // 2. A reference set of some of the items, activated: the holder of the re-matching job is killed.
        String set = api(survivor, "supervisor").body(Map.of("name", "Replicas " + UUID.randomUUID(), "source", "CUSTOM",
                "version", "1", "kind", "ALERT")).post("/api/hash-sets").then().statusCode(201)
                .extract().path("id");
        StringBuilder list = new StringBuilder();
        for (int i = 0; i < KNOWN; i++) {
            list.append(md5s.get(i * (ITEMS / KNOWN))).append('\n');
        }
        String setImport = given().baseUri(survivor.baseUrl()).auth().oauth2(Tokens.of("supervisor"))
                .contentType("application/octet-stream").body(list.toString().getBytes(StandardCharsets.UTF_8))
                .queryParam("format", "PLAIN").post("/api/hash-sets/" + set + "/imports").then().statusCode(202)
                .extract().path("id");
        assertThat(awaitEnd(survivor, setImport, "supervisor").getString("state")).isEqualTo("SUCCEEDED");
        String rematch = api(back, "supervisor").body(Map.of("active", true)).put("/api/hash-sets/" + set + "/active").then()
                .statusCode(200).extract().path("lastJobId");
        ServerProcess rematchHolder = awaitRunningOn(rematch, List.of(survivor, back));
        long rematchDone = column(rematch, "done_items");
        boolean killedMidRematch = !"SUCCEEDED".equals(text("SELECT state FROM job WHERE id = '" + rematch + "'"));
        rematchHolder.kill();
        LOG.infof("Killed %s during the re-matching at %d items (mid-run: %s)", rematchHolder.name(), rematchDone,
                killedMidRematch);
        ServerProcess last = rematchHolder == survivor ? back : survivor;
        JsonPath rematched = awaitEnd(last, rematch, "supervisor");
        assertThat(rematched.getString("state")).isEqualTo("SUCCEEDED");
        if (killedMidRematch) {
            assertThat(column(rematch, "attempts")).isEqualTo(2);
        }
        // Its closing audit event (the per-case ones carry the case) is written once.
        assertThat(count("SELECT count(*) FROM audit_event WHERE action = 'hashset.rematch' AND object_id = '" + set
                + "' AND case_id IS NULL")).as("the re-matching finished once").isEqualTo(1);
        assertThat(count("SELECT count(*) FROM audit_event WHERE action = 'media.import' AND object_id = '" + seizureId
                + "' AND detail LIKE '% new locations, %'")).as("the import's closing event, once").isEqualTo(1);
        assertThat(count("SELECT count(DISTINCT m.media_id) FROM media_match m JOIN media_item i ON i.id = m.media_id "
                + "WHERE i.case_id = '" + caseId + "'")).isEqualTo(KNOWN);
        assertThat(count("SELECT count(*) FROM media_match m JOIN media_item i ON i.id = m.media_id WHERE i.case_id = '"
                + caseId + "'")).as("each match once").isEqualTo(KNOWN);

        // The killed one comes back again: two replicas, as at the start.
        ServerProcess third = ServerProcess.start(rematchHolder.name() + "-2", stack.applicationProperties(), REPLICA_SETTINGS);
        servers.add(third);
        third.awaitReady(Duration.ofMinutes(3));

        // 3. The index caught up: every item once.
        long deadline = System.currentTimeMillis() + 120_000;
        while (count("SELECT count(*) FROM search_outbox") > 0 && System.currentTimeMillis() < deadline) {
            Thread.sleep(500);
        }
        assertThat(count("SELECT count(*) FROM search_outbox")).isZero();
        assertThat(indexedItems(caseId)).isEqualTo(ITEMS);

        // 4. Both replicas answer the same matches, for old items and for new ones filed through each.
        List<String> sample = strings("SELECT id FROM media_item WHERE case_id = '" + caseId + "' ORDER BY md5 LIMIT 40");
        for (String item : sample) {
            String fromLast = api(last, "officer").get("/api/cases/" + caseId + "/media/" + item + "/matches").then()
                    .statusCode(200).extract().asString();
            String fromThird = api(third, "officer").get("/api/cases/" + caseId + "/media/" + item + "/matches").then()
                    .statusCode(200).extract().asString();
            assertThat(fromThird).isEqualTo(fromLast);
        }
        // A new case on each replica: its import is matched by that replica's own in-memory index.
        for (ServerProcess replica : List.of(last, third)) {
            String fresh = api(replica, "officer").body(Map.of("reference", "REPL-" + replica.name(), "title", "new"))
                    .post("/api/cases").then().statusCode(201).extract().path("id");
            String exhibit = api(replica, "officer").body(Map.of("reference", "EX-" + replica.name(), "deviceDescription", "s"))
                    .post("/api/cases/" + fresh + "/seizures").then().statusCode(201).extract().path("id");
            String job = api(replica, "officer").contentType("text/csv").body(("MD5\n" + md5s.get(KNOWN / 2 * (ITEMS / KNOWN))
                            + "\n" + hex(random, 32) + "\n").getBytes(StandardCharsets.UTF_8))
                    .post("/api/cases/" + fresh + "/seizures/" + exhibit + "/imports").then().statusCode(202).extract().path("id");
            assertThat(awaitEnd(replica, job, "officer").getString("state")).isEqualTo("SUCCEEDED");
            JsonPath report = api(replica, "officer").get("/api/cases/" + fresh + "/seizures/" + exhibit + "/reduction").then()
                    .statusCode(200).extract().jsonPath();
            assertThat(report.getLong("files")).isEqualTo(2);
            assertThat(report.getLong("alert.count")).as("matched on " + replica.name() + ": " + report.prettify()).isEqualTo(1);
        }
        assertThat(count("SELECT count(*) FROM job WHERE state IN ('QUEUED', 'RUNNING')")).isZero();
    }

    /**
     * A replica killed while uploads stream in: the plaintext a multipart upload spooled to its disk is
     * deleted when it starts again, before any request; the encrypted parts a raw upload had sent to
     * the bucket (an unfinished multipart upload under staging/) are aborted by the staging sweep once
     * older than any upload in flight (2 s here); nothing of either upload is recorded.
     */
    @Test
    @org.junit.jupiter.api.Order(2)
    void aReplicaKilledDuringUploadsLeavesNoPlaintextAndNoPartsBehind() throws Exception {
        java.nio.file.Path spool = java.nio.file.Paths.get("target/replicas/replica-u-uploads").toAbsolutePath();
        java.nio.file.Files.createDirectories(spool);
        Map<String, String> settings = new java.util.HashMap<>(REPLICA_SETTINGS);
        settings.put("quarkus.http.body.uploads-directory", spool.toString());
        settings.put("vidcase.evidence.staging-max-age", "2S");
        settings.put("vidcase.evidence.staging-sweep-every", "1s");
        ServerProcess u = ServerProcess.start("replica-u", stack.applicationProperties(), settings);
        servers.add(u);
        u.awaitReady(Duration.ofMinutes(3));
        String caseId = api(u, "officer").body(Map.of("reference", "UPL-" + UUID.randomUUID().toString().substring(0, 8),
                "title", "Killed uploads")).post("/api/cases").then().statusCode(201).extract().path("id");
        String seizureId = api(u, "officer").body(Map.of("reference", "EX-UPL-1", "deviceDescription", "synthetic"))
                .post("/api/cases/" + caseId + "/seizures").then().statusCode(201).extract().path("id");
        String path = "/api/cases/" + caseId + "/seizures/" + seizureId + "/media";

        // 1. Multipart: killed while the form is being spooled to its disk.
        String boundary = "vidcase-" + UUID.randomUUID();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.bin\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
        int fileSize = 8 * 1024 * 1024;
        try (java.net.Socket socket = new java.net.Socket("localhost", Integer.parseInt(u.baseUrl().replaceAll(".*:", "")))) {
            java.io.OutputStream out = socket.getOutputStream();
            out.write(("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + Tokens.of("officer")
                    + "\r\nContent-Type: multipart/form-data; boundary=" + boundary + "\r\nContent-Length: "
                    + (head.length + fileSize + boundary.length() + 8) + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.write(head);
            byte[] chunk = new byte[64 * 1024];
            new Random(7).nextBytes(chunk);
            for (int sent = 0; sent < fileSize / 2; sent += chunk.length) {
                out.write(chunk);
            }
            out.flush();
            awaitTrue(() -> listFiles(spool) > 0, "a spooled part on the replica's disk");
            u.kill();
        }
        assertThat(listFiles(spool)).as("plaintext left by the killed replica").isPositive();
        ServerProcess u2 = ServerProcess.start("replica-u-2", stack.applicationProperties(), settings);
        servers.add(u2);
        u2.awaitReady(Duration.ofMinutes(3));
        assertThat(listFiles(spool)).as("spooled plaintext after the restart").isZero();

        // 2. Raw body: killed after encrypted parts reached the bucket (a file streams in 10 MiB parts).
        io.minio.MinioAsyncClient bucket = io.minio.MinioAsyncClient.builder()
                .endpoint(stack.applicationProperties().get("vidcase.storage.endpoint"))
                .credentials(stack.applicationProperties().get("vidcase.storage.access-key"),
                        stack.applicationProperties().get("vidcase.storage.secret-key")).build();
        int rawSize = 40 * 1024 * 1024;
        try (java.net.Socket socket = new java.net.Socket("localhost", Integer.parseInt(u2.baseUrl().replaceAll(".*:", "")))) {
            java.io.OutputStream out = socket.getOutputStream();
            out.write(("POST " + path + "?fileName=raw.bin HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                    + Tokens.of("officer") + "\r\nContent-Type: application/octet-stream\r\nContent-Length: " + rawSize
                    + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            byte[] chunk = new byte[256 * 1024];
            Random random = new Random(11);
            for (int sent = 0; sent < 24 * 1024 * 1024; sent += chunk.length) {
                random.nextBytes(chunk);
                out.write(chunk);
            }
            out.flush();
            awaitTrue(() -> unfinishedUploads(bucket, "staging/") > 0, "an unfinished multipart upload under staging/");
            u2.kill();
        }
        ServerProcess u3 = ServerProcess.start("replica-u-3", stack.applicationProperties(), settings);
        servers.add(u3);
        u3.awaitReady(Duration.ofMinutes(3));
        awaitTrue(() -> unfinishedUploads(bucket, "staging/") == 0, "the staging sweep aborting the killed upload");
        assertThat(count("SELECT count(*) FROM media_item WHERE case_id = '" + caseId + "'")).as("nothing recorded").isZero();
        u3.close();
    }

    private static long listFiles(java.nio.file.Path directory) {
        try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.list(directory)) {
            return files.filter(java.nio.file.Files::isRegularFile).count();
        } catch (java.io.IOException e) {
            return 0;
        }
    }

    private static int unfinishedUploads(io.minio.MinioAsyncClient bucket, String prefix) {
        try {
            return bucket.listMultipartUploadsAsync("vidcase-evidence", null, null, null, null, 1000, prefix, null, null, null)
                    .get().result().uploads().size();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void awaitTrue(java.util.function.BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 60_000;
        while (!condition.getAsBoolean()) {
            assertThat(System.currentTimeMillis()).as(what).isLessThan(deadline);
            Thread.sleep(200);
        }
    }

    private static RequestSpecification api(ServerProcess server, String user) {
        return given().baseUri(server.baseUrl()).auth().oauth2(Tokens.of(user)).contentType("application/json");
    }

    /** Waits until the job runs and has done some work; returns the replica holding its lease. */
    private static ServerProcess awaitRunningOn(String job, List<ServerProcess> candidates) throws Exception {
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline) {
            String owner = text("SELECT lease_owner FROM job WHERE id = '" + job + "' AND state = 'RUNNING' AND done_items > 0");
            if (owner != null) {
                for (ServerProcess s : candidates) {
                    if (owner.contains("-" + s.pid() + "-")) {
                        return s;
                    }
                }
                throw new AssertionError("job " + job + " is leased to " + owner + ", none of the replicas started");
            }
            String state = text("SELECT state FROM job WHERE id = '" + job + "'");
            if ("SUCCEEDED".equals(state) || "FAILED".equals(state)) {
                // Too quick to catch running; the holder is whoever ran it (no lease any more): kill the first.
                return candidates.get(0);
            }
            Thread.sleep(20);
        }
        throw new AssertionError("job " + job + " never ran");
    }

    private static JsonPath awaitEnd(ServerProcess server, String job, String user) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 180_000;
        while (System.currentTimeMillis() < deadline) {
            JsonPath j = api(server, user).get("/api/jobs/" + job).then().statusCode(200).extract().jsonPath();
            String state = j.getString("state");
            if (state.equals("SUCCEEDED") || state.equals("FAILED") || state.equals("CANCELLED")) {
                return j;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("job " + job + " did not end within 3 minutes");
    }

    private static long indexedItems(String caseId) throws Exception {
        String body = "{\"query\":{\"term\":{\"case_id\":\"" + caseId + "\"}}}";
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.currentTimeMillis() + 30_000;
        long found = -1;
        while (System.currentTimeMillis() < deadline) {
            http.send(HttpRequest.newBuilder(URI.create(stack.searchUrl() + "/*-media/_refresh"))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(stack.searchUrl() + "/*-media/_count"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            found = Long.parseLong(response.body().replaceAll(".*\"count\":(\\d+).*", "$1"));
            if (found == ITEMS) {
                return found;
            }
            Thread.sleep(500);
        }
        return found;
    }

    private static Connection db() throws SQLException {
        return DriverManager.getConnection(stack.postgresSuperuserJdbcUrl());
    }

    private static long count(String sql) throws SQLException {
        try (Connection c = db(); PreparedStatement s = c.prepareStatement(sql); ResultSet r = s.executeQuery()) {
            r.next();
            return r.getLong(1);
        }
    }

    private static long column(String job, String column) throws SQLException {
        return count("SELECT " + column + " FROM job WHERE id = '" + job + "'");
    }

    private static String text(String sql) throws SQLException {
        try (Connection c = db(); PreparedStatement s = c.prepareStatement(sql); ResultSet r = s.executeQuery()) {
            return r.next() ? r.getString(1) : null;
        }
    }

    private static List<String> strings(String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = db(); PreparedStatement s = c.prepareStatement(sql); ResultSet r = s.executeQuery()) {
            while (r.next()) {
                out.add(r.getString(1));
            }
        }
        return out;
    }

    private static String hex(Random random, int digits) {
        StringBuilder s = new StringBuilder(digits);
        while (s.length() < digits) {
            s.append(Character.forDigit(random.nextInt(16), 16));
        }
        return s.toString();
    }
}
