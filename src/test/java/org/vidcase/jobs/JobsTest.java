package org.vidcase.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.vidcase.jobs.service.AuditVerificationJob;
import org.vidcase.jobs.service.JobService;
import org.vidcase.localstack.LocalStackTestResource;
import org.vidcase.testsupport.Api;

@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, restrictToAnnotatedClass = false)
class JobsTest {

    @Inject
    JobService jobs;

    @Test
    void aJobReportsProgressRateAndResult() {
        UUID id = jobs.submit(CountingTestJob.TYPE, null, "officer", "120").id;
        JsonPath done = awaitEnd(id, "officer");

        assertThat(done.getString("state")).isEqualTo("SUCCEEDED");
        assertThat(done.getLong("total")).isEqualTo(120);
        assertThat(done.getLong("done")).isEqualTo(120);
        assertThat(done.getDouble("percent")).isEqualTo(100.0);
        assertThat(done.getDouble("itemsPerSecond")).isPositive();
        assertThat(done.getLong("errorCount")).isEqualTo(17);
        assertThat(done.getList("errors")).hasSize(17).contains("item 3 is odd in a bad way");
        assertThat(done.getMap("result")).isEqualTo(java.util.Map.of("resumedFrom", 0));
    }

    @Test
    void progressStreamsAsServerSentEventsUntilTheEnd() {
        UUID id = jobs.submit(CountingTestJob.TYPE, null, "officer", "300").id;
        String stream = Api.as("officer").accept("text/event-stream").get("/api/jobs/" + id + "/events")
                .then().statusCode(200).extract().asString();

        assertThat(stream).contains("data:").contains("\"state\":\"RUNNING\"").contains("\"state\":\"SUCCEEDED\"");
        assertThat(stream.lastIndexOf("SUCCEEDED")).isGreaterThan(stream.lastIndexOf("RUNNING"));
    }

    @Test
    void othersCannotSeeSomeoneElsesJob() {
        UUID id = jobs.submit(CountingTestJob.TYPE, null, "officer", "5").id;
        Api.as("officer2").get("/api/jobs/" + id).then().statusCode(404);
        Api.as("supervisor").get("/api/jobs/" + id).then().statusCode(200).body("owner", equalTo("officer"));
        // Seeing a job is not stopping it: a job outside cases is stopped by its owner only.
        Api.as("supervisor").post("/api/jobs/" + id + "/cancel").then().statusCode(403);
    }

    @Test
    void auditorsVerifyTheChainAsAJob() {
        String id = Api.as("auditor").post("/api/audit/verification-jobs").then().statusCode(202)
                .body("type", equalTo(AuditVerificationJob.TYPE)).extract().path("id");
        JsonPath done = awaitEnd(UUID.fromString(id), "auditor");
        assertThat(done.getString("state")).isEqualTo("SUCCEEDED");
        assertThat(done.getBoolean("result.intact")).isTrue();
        assertThat(done.getString("message")).isEqualTo("chain intact");
    }

    @Test
    void afterARestartNoJobIsLeftRunning() throws SQLException {
        UUID resumable = UUID.randomUUID();
        UUID notResumable = UUID.randomUUID();
        try (Connection db = DriverManager.getConnection(
                ConfigProvider.getConfig().getValue("vidcase-test.db.superuser-url", String.class))) {
            insertInterrupted(db, resumable, CountingTestJob.TYPE, "50", "40", 40);
            insertInterrupted(db, notResumable, AuditVerificationJob.TYPE, null, null, 10);
        }

        jobs.recoverUnfinished();

        JsonPath failed = Api.as("officer").get("/api/jobs/" + notResumable).then().statusCode(200).extract().jsonPath();
        assertThat(failed.getString("state")).isEqualTo("FAILED");
        assertThat(failed.getString("message")).contains("server restart");

        JsonPath resumed = awaitEnd(resumable, "officer");
        assertThat(resumed.getString("state")).isEqualTo("SUCCEEDED");
        assertThat(resumed.getMap("result")).isEqualTo(java.util.Map.of("resumedFrom", 40));
        assertThat(resumed.getLong("done")).isEqualTo(50);
    }

    @Test
    void cancellingStopsARunningJob() {
        UUID id = jobs.submit(CountingTestJob.TYPE, null, "officer", "100000").id;
        awaitState(id, "RUNNING");
        Api.as("officer").post("/api/jobs/" + id + "/cancel").then().statusCode(200);
        JsonPath end = awaitEnd(id, "officer");
        assertThat(end.getString("state")).isEqualTo("CANCELLED");
        assertThat(end.getLong("done")).isLessThan(100000);
        Api.as("officer").post("/api/jobs/" + id + "/cancel").then().statusCode(409);
    }

    private static void insertInterrupted(Connection db, UUID id, String type, String params, String checkpoint, long done)
            throws SQLException {
        try (PreparedStatement s = db.prepareStatement("INSERT INTO job (id, type, state, owner, created_at, started_at, "
                + "updated_at, done_items, parameters, checkpoint, attempts) VALUES (?, ?, 'RUNNING', 'officer', ?, ?, ?, ?, ?, ?, 1)")) {
            Timestamp now = Timestamp.from(Instant.now());
            s.setObject(1, id);
            s.setString(2, type);
            s.setTimestamp(3, now);
            s.setTimestamp(4, now);
            s.setTimestamp(5, now);
            s.setLong(6, done);
            s.setString(7, params);
            s.setString(8, checkpoint);
            s.executeUpdate();
        }
    }

    private static void awaitState(UUID id, String state) {
        long deadline = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < deadline) {
            if (state.equals(Api.as("officer").get("/api/jobs/" + id).then().extract().path("state"))) {
                return;
            }
            sleep();
        }
        throw new AssertionError("job " + id + " never reached " + state);
    }

    private static JsonPath awaitEnd(UUID id, String user) {
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline) {
            JsonPath job = Api.as(user).get("/api/jobs/" + id).then().statusCode(200).extract().jsonPath();
            String state = job.getString("state");
            if (state.equals("SUCCEEDED") || state.equals("FAILED") || state.equals("CANCELLED")) {
                return job;
            }
            sleep();
        }
        throw new AssertionError("job " + id + " did not end within a minute");
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
