package org.vidcase.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.vidcase.localstack.LocalStackTestResource;
import org.vidcase.testsupport.Api;
import org.vidcase.testsupport.CaseFixture;

@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, restrictToAnnotatedClass = false)
class AuditChainTest {

    private final Config config = ConfigProvider.getConfig();

    @Test
    void actionsAndDenialsAreRecordedWithWhoWhatAndOutcome() {
        UUID caseId = CaseFixture.openCase("officer");
        Api.as("officer2").get("/api/cases/" + caseId).then().statusCode(404);
        String requestId = "audit-test-" + UUID.randomUUID();
        Api.as("officer").header("X-Request-Id", requestId).body(Map.of("reason", "identified"))
                .post("/api/cases/" + caseId + "/close").then().statusCode(200).header("X-Request-Id", requestId);

        JsonPath events = Api.as("auditor").get("/api/audit/events?caseId=" + caseId).then().statusCode(200)
                .extract().jsonPath();
        List<Map<String, Object>> list = events.getList("");
        assertThat(list).extracting(e -> e.get("action") + "/" + e.get("actor") + "/" + e.get("outcome"))
                .contains("case.create/officer/SUCCESS", "case.view/officer2/DENIED", "case.close/officer/SUCCESS");
        Map<String, Object> close = list.stream().filter(e -> "case.close".equals(e.get("action"))).findFirst().orElseThrow();
        assertThat(close).containsEntry("justification", "identified").containsEntry("requestId", requestId)
                .containsEntry("objectType", "case").containsEntry("caseId", caseId.toString());

        // Consulting the trail is itself recorded.
        Api.as("auditor").get("/api/audit/events?actor=auditor&action=audit.query").then().statusCode(200)
                .body("size()", greaterThan(0)).body("actor", hasItem("auditor"));
    }

    @Test
    void callsRefusedByRoleAreRecordedWithTheRequestAndItsTarget() throws InterruptedException {
        String requestId = "denied-" + UUID.randomUUID();
        Api.as("investigator").header("X-Request-Id", requestId).get("/api/audit/events").then().statusCode(403);
        Map<String, Object> denied = deniedEvent("investigator", requestId);
        assertThat(denied).containsEntry("outcome", "DENIED").containsEntry("objectType", "endpoint")
                .containsEntry("objectId", "/api/audit/events").containsEntry("requestId", requestId);
        assertThat((String) denied.get("detail")).contains("GET /api/audit/events").doesNotContain("AuditResource");

        // Aimed at one object: its kind, its id and its case, not a Java method.
        UUID caseId = CaseFixture.openCase("officer");
        UUID mediaId = UUID.randomUUID();
        String second = "denied-" + UUID.randomUUID();
        Api.as("auditor").header("X-Request-Id", second).get("/api/cases/" + caseId + "/media/" + mediaId)
                .then().statusCode(403);
        Map<String, Object> target = deniedEvent("auditor", second);
        assertThat(target).containsEntry("objectType", "media").containsEntry("objectId", mediaId.toString())
                .containsEntry("caseId", caseId.toString()).containsEntry("requestId", second);
    }

    /** Refusals are written off the request thread: wait for the one with this request id. */
    private static Map<String, Object> deniedEvent(String actor, String requestId) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 10_000;
        while (System.currentTimeMillis() < deadline) {
            List<Map<String, Object>> denied = Api.as("auditor")
                    .get("/api/audit/events?actor=" + actor + "&action=access.denied").then().statusCode(200)
                    .extract().jsonPath().getList("");
            for (Map<String, Object> event : denied) {
                if (requestId.equals(event.get("requestId"))) {
                    return event;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no access.denied event with request id " + requestId);
    }

    @Test
    void refusedActionsLeaveAnEventButNoChange() {
        String reference = CaseFixture.uniqueReference();
        Api.as("officer").body(Map.of("reference", reference, "title", "t")).post("/api/cases").then().statusCode(201);
        Api.as("officer").body(Map.of("reference", reference, "title", "t")).post("/api/cases").then().statusCode(409);

        Api.as("auditor").get("/api/audit/events?actor=officer&action=case.create").then().statusCode(200)
                .body("outcome", hasItem("REFUSED"));
    }

    @Test
    void tamperingWithARowIsDetectedAtThatRow() throws SQLException {
        CaseFixture.openCase("investigator");
        Api.as("auditor").get("/api/audit/verification").then().statusCode(200).body("intact", equalTo(true));

        try (Connection db = superuser()) {
            long seq;
            String actor;
            try (Statement s = db.createStatement();
                 var rs = s.executeQuery("SELECT seq, actor FROM audit_event WHERE action = 'case.create' ORDER BY seq DESC LIMIT 1")) {
                rs.next();
                seq = rs.getLong(1);
                actor = rs.getString(2);
            }
            rewriteActor(db, seq, "mallory");
            try {
                Api.as("auditor").get("/api/audit/verification").then().statusCode(200)
                        .body("intact", equalTo(false))
                        .body("brokenAtSeq", equalTo((int) seq))
                        .body("reason", equalTo("content does not match its stored hash"));
            } finally {
                rewriteActor(db, seq, actor);
            }
        }
        Api.as("auditor").get("/api/audit/verification").then().statusCode(200).body("intact", equalTo(true));
    }

    @Test
    void theApplicationUserCannotChangeOrDeleteAuditRows() throws SQLException {
        CaseFixture.openCase("officer");
        String url = config.getValue("quarkus.datasource.jdbc.url", String.class);
        try (Connection app = DriverManager.getConnection(url, config.getValue("quarkus.datasource.username", String.class),
                config.getValue("quarkus.datasource.password", String.class));
             Statement s = app.createStatement()) {
            assertThatThrownBy(() -> s.executeUpdate("UPDATE audit_event SET actor = 'x'"))
                    .hasMessageContaining("permission denied");
            assertThatThrownBy(() -> s.executeUpdate("DELETE FROM audit_event"))
                    .hasMessageContaining("permission denied");
            assertThatThrownBy(() -> s.executeUpdate("TRUNCATE audit_event"))
                    .hasMessageContaining("permission denied");
        }
        // Even the owner is stopped by the append-only trigger.
        try (Connection db = superuser(); Statement s = db.createStatement()) {
            assertThatThrownBy(() -> s.executeUpdate("DELETE FROM audit_event WHERE seq = 1"))
                    .hasMessageContaining("append-only");
        }
    }

    private Connection superuser() throws SQLException {
        return DriverManager.getConnection(config.getValue("vidcase-test.db.superuser-url", String.class));
    }

    private static void rewriteActor(Connection db, long seq, String actor) throws SQLException {
        try (Statement s = db.createStatement()) {
            s.execute("ALTER TABLE audit_event DISABLE TRIGGER audit_event_no_update");
            try (PreparedStatement update = db.prepareStatement("UPDATE audit_event SET actor = ? WHERE seq = ?")) {
                update.setString(1, actor);
                update.setLong(2, seq);
                assertThat(update.executeUpdate()).isEqualTo(1);
            } finally {
                s.execute("ALTER TABLE audit_event ENABLE TRIGGER audit_event_no_update");
            }
        }
    }
}
