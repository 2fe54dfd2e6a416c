package org.vidcase.hashset;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.vidcase.localstack.LocalStackTestResource;
import org.vidcase.testsupport.Api;
import org.vidcase.testsupport.HashSetFixture;
import org.vidcase.testsupport.Jobs;

/**
 * A re-matching job counts only once every live replica serves the change it matches for: the
 * other replicas are rows in index_replica, as each replica's confirmations are all another sees.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, restrictToAnnotatedClass = false)
class RematchAcrossReplicasTest {

    @Test
    void aRematchWaitsForALiveReplicaThatHasNotCaughtUpButNotForADeadOne() throws Exception {
        String lagging = "replica-lagging-" + UUID.randomUUID().toString().substring(0, 6);
        String dead = "replica-dead-" + UUID.randomUUID().toString().substring(0, 6);
        String md5 = UUID.randomUUID().toString().replace("-", "");
        String set = HashSetFixture.create("Replicas " + md5, "CUSTOM", "ALERT", null);
        HashSetFixture.importAndWait(set, "PLAIN", (md5 + "\n").getBytes(StandardCharsets.UTF_8));
        try (Connection db = db()) {
            execute(db, "INSERT INTO index_replica VALUES ('" + lagging + "', now() - interval '1 hour', now())");
            execute(db, "INSERT INTO index_replica VALUES ('" + dead + "', now() - interval '1 hour', now() - interval '1 hour')");
            String job = Api.as("supervisor").body(Map.of("active", true)).put("/api/hash-sets/" + set + "/active").then()
                    .statusCode(200).extract().path("lastJobId");
            assertThat(job).isNotNull();
            Thread.sleep(2_000);
            JsonPath waiting = Api.as("supervisor").get("/api/jobs/" + job).then().statusCode(200).extract().jsonPath();
            assertThat(waiting.getString("state")).isEqualTo("RUNNING");
            assertThat(waiting.getString("message")).contains(lagging).doesNotContain(dead);

            // The lagging replica catches up (its poll loads the change and confirms it).
            execute(db, "UPDATE index_replica SET synced_at = now(), heartbeat_at = now() WHERE replica = '" + lagging + "'");
            JsonPath done = Jobs.awaitEnd(job, "supervisor");
            assertThat(done.getString("state")).isEqualTo("SUCCEEDED");
            assertThat(done.getString("message")).doesNotContain("did not confirm");
        } finally {
            try (Connection db = db()) {
                execute(db, "DELETE FROM index_replica WHERE replica IN ('" + lagging + "', '" + dead + "')");
            }
        }
    }

    private static Connection db() throws SQLException {
        return DriverManager.getConnection(ConfigProvider.getConfig().getValue("vidcase-test.db.superuser-url", String.class));
    }

    private static void execute(Connection db, String sql) throws SQLException {
        try (PreparedStatement s = db.prepareStatement(sql)) {
            s.executeUpdate();
        }
    }
}
