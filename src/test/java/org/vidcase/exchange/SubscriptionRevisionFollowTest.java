package org.vidcase.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.vidcase.localstack.LocalStackTestResource;
import org.vidcase.matching.EntryIds;
import org.vidcase.testsupport.Api;

/**
 * A set kept entry by entry (the hub subscription) changes through whichever replica pulls: every
 * other replica's index follows its revision. Here "another replica" writes the rows (as a pull's
 * page does) and this server's index takes the added entry, then drops it once withdrawn, without
 * any event of its own.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, restrictToAnnotatedClass = false)
class SubscriptionRevisionFollowTest {

    @Test
    void entriesAddedAndWithdrawnElsewhereReachThisReplicasIndex() throws Exception {
        String pdq = UUID.randomUUID().toString().replace("-", "") + UUID.randomUUID().toString().replace("-", "");
        UUID set = UUID.randomUUID();
        int indexId;
        try (Connection db = db()) {
            execute(db, "INSERT INTO hash_set (id, name, source, set_version, kind, category_scheme, active, entry_count, "
                    + "import_state, imported_at, created_by, created_at, updated_by, updated_at, version) VALUES ('" + set
                    + "', 'Revisions " + set + "', 'CUSTOM', '1', 'ALERT', 'vics', true, 0, 'IMPORTED', now(), 'test', now(), "
                    + "'test', now(), 0)");
            indexId = (int) number(db, "SELECT index_id FROM hash_set WHERE id = '" + set + "'");
            long entry = EntryIds.of(indexId, 0);
            execute(db, "INSERT INTO hash_set_entry (id, hash_set_id, pdq, pdq_quality, category, added_rev) VALUES ("
                    + entry + ", '" + set + "', '" + pdq + "', 100, '1', 1)");
            execute(db, "UPDATE hash_set SET revision = 1, entry_count = 1 WHERE id = '" + set + "'");
            awaitEntries(pdq, List.of(entry));

            long second = EntryIds.of(indexId, 1);
            String otherPdq = new StringBuilder(pdq).reverse().toString();
            execute(db, "INSERT INTO hash_set_entry (id, hash_set_id, pdq, pdq_quality, category, added_rev) VALUES ("
                    + second + ", '" + set + "', '" + otherPdq + "', 100, '1', 2)");
            execute(db, "UPDATE hash_set_entry SET withdrawn_rev = 2 WHERE id = " + entry);
            execute(db, "UPDATE hash_set SET revision = 2 WHERE id = '" + set + "'");
            awaitEntries(pdq, List.of());
            awaitEntries(otherPdq, List.of(second));
            execute(db, "UPDATE hash_set SET active = false WHERE id = '" + set + "'");
        }
    }

    /** Polls find-similar (which asks this server's index) until the exact entries of the set answer. */
    private static void awaitEntries(String pdq, List<Long> expected) throws InterruptedException {
        List<Long> found = null;
        long deadline = System.currentTimeMillis() + 15_000;
        while (System.currentTimeMillis() < deadline) {
            List<Map<String, Object>> entries = Api.as("officer").queryParam("radius", 0).body(Map.of("pdq", pdq))
                    .post("/api/similar").then().statusCode(200).extract().jsonPath().getList("hashSetEntries");
            found = entries.stream().map(e -> ((Number) e.get("entryId")).longValue()).toList();
            if (found.equals(expected)) {
                return;
            }
            Thread.sleep(200);
        }
        assertThat(found).as("entries of the set in this replica's index").isEqualTo(expected);
    }

    private static Connection db() throws SQLException {
        return DriverManager.getConnection(ConfigProvider.getConfig().getValue("vidcase-test.db.superuser-url", String.class));
    }

    private static void execute(Connection db, String sql) throws SQLException {
        try (PreparedStatement s = db.prepareStatement(sql)) {
            s.executeUpdate();
        }
    }

    private static long number(Connection db, String sql) throws SQLException {
        try (PreparedStatement s = db.prepareStatement(sql); ResultSet r = s.executeQuery()) {
            r.next();
            return r.getLong(1);
        }
    }
}
