package org.vidcase.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.vidcase.jobs.service.JobService;
import org.vidcase.localstack.LocalStackTestResource;
import org.vidcase.testsupport.Api;
import org.vidcase.testsupport.Jobs;

/**
 * Jobs with leases, as several replicas on one database see them. The other replica is played by
 * rows written straight into the job table (its name as lease owner, its lease renewed or left to
 * run out), which is all one replica knows of another. The test profile's lease is 3 s, the poll 0.5 s.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, restrictToAnnotatedClass = false)
class JobLeaseTest {

    private static final String GHOST = "replica-b-4242";

    @Inject
    JobService jobs;

    @Test
    void aJobWhoseReplicaDiedIsTakenOverFromItsCheckpoint() throws SQLException {
        UUID id = UUID.randomUUID();
        try (Connection db = db()) {
            insertRunning(db, id, "60", "45", 45, GHOST, Instant.now().minusSeconds(1));
        }
        JsonPath done = awaitEnd(id);
        assertThat(done.getString("state")).isEqualTo("SUCCEEDED");
        assertThat(done.getMap("result")).isEqualTo(java.util.Map.of("resumedFrom", 45));
        assertThat(done.getLong("done")).isEqualTo(60);
        try (Connection db = db()) {
            assertThat(column(db, id, "attempts")).isEqualTo("2");
            assertThat(column(db, id, "lease_owner")).isNull();
        }
    }

    @Test
    void aJobAnotherLiveReplicaHoldsIsLeftAloneUntilItsLeaseRunsOut() throws Exception {
        UUID id = UUID.randomUUID();
        try (Connection db = db()) {
            insertRunning(db, id, "20", "10", 10, GHOST, Instant.now().plusSeconds(4));
            // The other replica renews for a while: nobody takes the job.
            for (int i = 0; i < 6; i++) {
                Thread.sleep(500);
                update(db, "UPDATE job SET lease_until = now() + interval '4 seconds' WHERE id = ?", id);
            }
            assertThat(column(db, id, "state")).isEqualTo("RUNNING");
            assertThat(column(db, id, "lease_owner")).isEqualTo(GHOST);
            assertThat(column(db, id, "attempts")).isEqualTo("1");
        }
        // Then it dies: its lease runs out and this replica resumes the job.
        JsonPath done = awaitEnd(id);
        assertThat(done.getString("state")).isEqualTo("SUCCEEDED");
        assertThat(done.getMap("result")).isEqualTo(java.util.Map.of("resumedFrom", 10));
    }

    @Test
    void aCancelAskedOfAnyReplicaReachesTheOneRunningTheJob() throws SQLException {
        // Asked here of a job running elsewhere: the request is recorded for its replica to see.
        UUID elsewhere = UUID.randomUUID();
        try (Connection db = db()) {
            insertRunning(db, elsewhere, "100000", null, 0, GHOST, Instant.now().plusSeconds(60));
        }
        Api.as("officer").post("/api/jobs/" + elsewhere + "/cancel").then().statusCode(200);
        try (Connection db = db()) {
            assertThat(column(db, elsewhere, "cancel_requested")).isEqualTo("t");
            assertThat(column(db, elsewhere, "state")).isEqualTo("RUNNING");
            // Its replica dies before it saw the request: whoever takes the job over cancels it.
            update(db, "UPDATE job SET lease_until = now() - interval '1 second' WHERE id = ?", elsewhere);
        }
        assertThat(awaitEnd(elsewhere).getString("state")).isEqualTo("CANCELLED");

        // Asked elsewhere of a job running here: this replica sees it when it renews the lease.
        UUID here = jobs.submit(CountingTestJob.TYPE, null, "officer", "100000").id;
        awaitState(here, "RUNNING");
        try (Connection db = db()) {
            assertThat(column(db, here, "lease_owner")).isEqualTo(jobs.replica());
            update(db, "UPDATE job SET cancel_requested = true WHERE id = ?", here);
        }
        JsonPath end = awaitEnd(here);
        assertThat(end.getString("state")).isEqualTo("CANCELLED");
        assertThat(end.getLong("done")).isLessThan(100000);
    }

    @Test
    void aReplicaThatLostItsLeaseStopsWithoutWritingAndTheNewHolderFinishes() throws Exception {
        UUID id = jobs.submit(CountingTestJob.TYPE, null, "officer", "2000").id;
        awaitState(id, "RUNNING");
        Thread.sleep(1_500); // a checkpoint is written (every second in the test profile)
        try (Connection db = db()) {
            // Another replica took the job over (as after a long pause here).
            update(db, "UPDATE job SET lease_owner = '" + GHOST + "', lease_until = now() + interval '6 seconds' WHERE id = ?", id);
            Thread.sleep(2_000);
            // This replica noticed at its renewal and stopped: it writes nothing to the row it does not hold.
            String done = column(db, id, "done_items");
            Thread.sleep(1_500);
            assertThat(column(db, id, "done_items")).isEqualTo(done);
            assertThat(column(db, id, "lease_owner")).isEqualTo(GHOST);
            assertThat(column(db, id, "state")).isEqualTo("RUNNING");
        }
        // The other replica dies in turn; this one takes the job back from the last checkpoint written.
        JsonPath end = awaitEnd(id);
        assertThat(end.getString("state")).isEqualTo("SUCCEEDED");
        assertThat(end.getLong("done")).isEqualTo(2000);
        assertThat(((Number) end.getMap("result").get("resumedFrom")).longValue()).isPositive();
    }

    private static Connection db() throws SQLException {
        return DriverManager.getConnection(ConfigProvider.getConfig().getValue("vidcase-test.db.superuser-url", String.class));
    }

    private static void insertRunning(Connection db, UUID id, String params, String checkpoint, long done, String owner,
                                      Instant leaseUntil) throws SQLException {
        try (PreparedStatement s = db.prepareStatement("INSERT INTO job (id, type, state, owner, created_at, started_at, "
                + "updated_at, done_items, parameters, checkpoint, attempts, lease_owner, lease_until) "
                + "VALUES (?, ?, 'RUNNING', 'officer', ?, ?, ?, ?, ?, ?, 1, ?, ?)")) {
            Timestamp now = Timestamp.from(Instant.now());
            s.setObject(1, id);
            s.setString(2, CountingTestJob.TYPE);
            s.setTimestamp(3, now);
            s.setTimestamp(4, now);
            s.setTimestamp(5, now);
            s.setLong(6, done);
            s.setString(7, params);
            s.setString(8, checkpoint);
            s.setString(9, owner);
            s.setTimestamp(10, Timestamp.from(leaseUntil));
            s.executeUpdate();
        }
    }

    private static void update(Connection db, String sql, UUID id) throws SQLException {
        try (PreparedStatement s = db.prepareStatement(sql)) {
            s.setObject(1, id);
            assertThat(s.executeUpdate()).isEqualTo(1);
        }
    }

    private static String column(Connection db, UUID id, String column) throws SQLException {
        try (PreparedStatement s = db.prepareStatement("SELECT " + column + " FROM job WHERE id = ?")) {
            s.setObject(1, id);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getString(1);
            }
        }
    }

    private static void awaitState(UUID id, String state) {
        Jobs.awaitState(id.toString(), "officer", state);
    }

    private static JsonPath awaitEnd(UUID id) {
        return Jobs.awaitEnd(id.toString(), "officer");
    }
}
