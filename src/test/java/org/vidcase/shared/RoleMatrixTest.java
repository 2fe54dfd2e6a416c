package org.vidcase.shared;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.vidcase.localstack.LocalStackTestResource;
import org.vidcase.testsupport.CaseFixture;
import org.vidcase.testsupport.Tokens;

/**
 * Every endpoint against every role, with real tokens from the real Keycloak: a role outside the
 * endpoint's list gets 403, a role inside it never does.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, restrictToAnnotatedClass = false)
class RoleMatrixTest {

    private static final List<String> USERS = List.of("officer", "investigator", "liaison", "supervisor", "auditor", "hub",
            "hubadmin");
    private static final Set<String> CASE_READERS = Set.of("officer", "investigator", "liaison", "supervisor");
    private static final Set<String> CASE_WRITERS = Set.of("officer", "investigator", "supervisor");
    private static final Set<String> AUDITORS = Set.of("auditor");
    private static final Set<String> JOB_VIEWERS = Set.of("officer", "investigator", "liaison", "supervisor", "auditor");
    private static final Set<String> LIAISON = Set.of("liaison");
    private static final Set<String> EXCHANGE = Set.of("liaison", "supervisor");
    private static final Set<String> HUB_NODE = Set.of("hub");
    private static final Set<String> HUB_ADMIN = Set.of("hubadmin");

    /** {@code alsoAllowed}: a second answer an allowed caller may get, e.g. 409 while the work already runs. */
    record Endpoint(String method, String path, Object body, Set<String> allowed, int allowedStatus, int alsoAllowed) {
        Endpoint(String method, String path, Object body, Set<String> allowed, int allowedStatus) {
            this(method, path, body, allowed, allowedStatus, allowedStatus);
        }
    }

    @Test
    void eachRoleReachesExactlyItsEndpoints() {
        UUID unknown = UUID.randomUUID();
        String lead = "/api/cases/" + unknown + "/leads/" + unknown;
        List<Endpoint> endpoints = List.of(
                new Endpoint("GET", "/api/cases", null, CASE_READERS, 200),
                new Endpoint("POST", "/api/cases", "new-case", CASE_WRITERS, 201),
                new Endpoint("GET", "/api/cases/" + unknown, null, CASE_READERS, 404),
                new Endpoint("POST", "/api/cases/" + unknown + "/close", Map.of("reason", "r"), CASE_WRITERS, 404),
                new Endpoint("GET", "/api/cases/" + unknown + "/members", null, CASE_READERS, 404),
                new Endpoint("PUT", "/api/cases/" + unknown + "/members/officer2", Map.of("role", "MEMBER"), CASE_WRITERS, 404),
                new Endpoint("DELETE", "/api/cases/" + unknown + "/members/officer2", null, CASE_WRITERS, 404),
                new Endpoint("GET", "/api/cases/" + unknown + "/seizures", null, CASE_READERS, 404),
                new Endpoint("POST", "/api/cases/" + unknown + "/seizures", Map.of("reference", "X-1"), CASE_WRITERS, 404),
                new Endpoint("GET", "/api/cases/" + unknown + "/seizures/" + unknown + "/custody", null, CASE_READERS, 404),
                new Endpoint("GET", "/api/cases/" + unknown + "/media", null, CASE_READERS, 404),
                new Endpoint("GET", "/api/cases/" + unknown + "/media/" + unknown, null, CASE_READERS, 404),
                new Endpoint("GET", "/api/cases/" + unknown + "/media/" + unknown + "/content?justification=x", null,
                        CASE_WRITERS, 404),
                new Endpoint("PUT", "/api/cases/" + unknown + "/media/" + unknown + "/categorisation",
                        Map.of("category", "1"), CASE_WRITERS, 404),
                new Endpoint("POST", "/api/hash-sets", "new-hash-set", Set.of("supervisor"), 201),
                new Endpoint("GET", "/api/hash-sets", null, CASE_READERS, 200),
                new Endpoint("GET", "/api/hash-sets/" + unknown, null, CASE_READERS, 404),
                new Endpoint("PUT", "/api/hash-sets/" + unknown + "/active", Map.of("active", true), Set.of("supervisor"), 404),
                new Endpoint("POST", "/api/hash-sets/" + unknown + "/imports?format=PLAIN", Map.of("x", 1),
                        Set.of("supervisor"), 404),
                new Endpoint("GET", "/api/cases/" + unknown + "/media/" + unknown + "/matches", null, CASE_READERS, 404),
                new Endpoint("GET", "/api/cases/" + unknown + "/seizures/" + unknown + "/reduction", null, CASE_READERS,
                        404),
                new Endpoint("GET", "/api/cases/" + unknown + "/series", null, CASE_READERS, 404),
                new Endpoint("POST", "/api/cases/" + unknown + "/series", Map.of("name", "n"), CASE_WRITERS, 404),
                new Endpoint("POST", "/api/cases/" + unknown + "/series/clustering-jobs", Map.of(), CASE_WRITERS, 404),
                new Endpoint("GET", "/api/cases/" + unknown + "/series/" + unknown, null, CASE_READERS, 404),
                new Endpoint("PATCH", "/api/cases/" + unknown + "/series/" + unknown, Map.of("version", 0), CASE_WRITERS, 404),
                new Endpoint("POST", "/api/cases/" + unknown + "/series/" + unknown + "/members",
                        Map.of("version", 0, "mediaItemIds", List.of(unknown.toString())), CASE_WRITERS, 404),
                new Endpoint("POST", "/api/cases/" + unknown + "/series/" + unknown + "/members/" + unknown + "/decision",
                        Map.of("decision", "CONFIRM"), CASE_WRITERS, 404),
                new Endpoint("DELETE", "/api/cases/" + unknown + "/series/" + unknown + "/members/" + unknown, null,
                        CASE_WRITERS, 404),
                new Endpoint("POST", "/api/cases/" + unknown + "/series/" + unknown + "/merge",
                        Map.of("version", 0, "otherSeriesId", UUID.randomUUID().toString(), "otherVersion", 0),
                        CASE_WRITERS, 404),
                new Endpoint("POST", "/api/cases/" + unknown + "/series/" + unknown + "/split",
                        Map.of("version", 0, "mediaItemIds", List.of(unknown.toString()), "name", "n"), CASE_WRITERS, 404),
                new Endpoint("GET", "/api/cases/" + unknown + "/series/" + unknown + "/history", null, CASE_READERS, 404),
                new Endpoint("GET", "/api/cases/" + unknown + "/media/" + unknown + "/similar", null, CASE_READERS, 404),
                new Endpoint("GET", "/api/cases/" + unknown + "/media/" + unknown + "/video", null, CASE_READERS, 404),
                new Endpoint("GET", "/api/cases/" + unknown + "/media/" + unknown + "/video/vpdq", null, CASE_READERS, 404),
                new Endpoint("GET", "/api/cases/" + unknown + "/media/" + unknown + "/key-frames/sheet", null,
                        CASE_READERS, 404),
                new Endpoint("GET", "/api/cases/" + unknown + "/media/" + unknown + "/key-frames/0/preview", null,
                        CASE_READERS, 404),
                new Endpoint("GET", "/api/cases/" + unknown + "/media/" + unknown + "/key-frames/0?justification=x", null,
                        CASE_WRITERS, 404),
                new Endpoint("GET", "/api/cases/" + unknown + "/media/" + unknown + "/similar-videos", null,
                        CASE_READERS, 404),
                new Endpoint("POST", "/api/similar", Map.of("pdq", "0".repeat(64)), CASE_READERS, 200),
                new Endpoint("GET", "/api/cases/" + unknown + "/series-hits", null, CASE_READERS, 404),
                new Endpoint("GET", "/api/cases/" + unknown + "/leads", null, CASE_READERS, 404),
                new Endpoint("POST", "/api/cases/" + unknown + "/leads", Map.of("title", "t"), CASE_WRITERS, 404),
                new Endpoint("GET", lead, null, CASE_READERS, 404),
                new Endpoint("PATCH", lead, Map.of("version", 0), CASE_WRITERS, 404),
                new Endpoint("GET", lead + "/history", null, CASE_READERS, 404),
                new Endpoint("POST", lead + "/status", Map.of("version", 0, "status", "IN_PROGRESS"), CASE_WRITERS, 404),
                new Endpoint("POST", lead + "/reopen", Map.of("version", 0, "reason", "r"), Set.of("supervisor"), 404),
                new Endpoint("PUT", lead + "/assignees", Map.of("version", 0, "usernames", List.of()), CASE_WRITERS, 404),
                new Endpoint("PUT", lead + "/links", Map.of("version", 0), CASE_WRITERS, 404),
                new Endpoint("POST", lead + "/comments", Map.of("text", "t"), CASE_WRITERS, 404),
                new Endpoint("POST", lead + "/clues", Map.of("type", "OTHER", "value", "v"), CASE_WRITERS, 404),
                new Endpoint("PATCH", lead + "/clues/" + unknown, Map.of("version", 0), CASE_WRITERS, 404),
                new Endpoint("POST", lead + "/clues/" + unknown + "/withdrawal", Map.of("version", 0, "reason", "r"),
                        CASE_WRITERS, 404),
                new Endpoint("POST", lead + "/referrals", Map.of("recipientKind", "AGENCY", "recipient", "r", "subject", "s"),
                        CASE_WRITERS, 404),
                new Endpoint("POST", lead + "/referrals/" + unknown + "/dispatch", null, Set.of("liaison"), 404),
                new Endpoint("POST", lead + "/referrals/" + unknown + "/reply", Map.of("reply", "r"),
                        Set.of("officer", "investigator", "liaison", "supervisor"), 404),
                new Endpoint("GET", "/api/cases/" + unknown + "/identifications", null, CASE_READERS, 404),
                new Endpoint("POST", "/api/cases/" + unknown + "/identifications", Map.of("kind", "VICTIM", "reference", "V-1",
                        "identifiedOn", "2026-01-02", "country", "GB", "unit", "u", "seriesIds", List.of(unknown)),
                        CASE_WRITERS, 404),
                new Endpoint("POST", "/api/cases/" + unknown + "/identifications/" + unknown + "/withdrawal",
                        Map.of("reason", "r"), CASE_WRITERS, 404),
                new Endpoint("GET", "/api/leads/dashboard", null, CASE_READERS, 200),
                new Endpoint("GET", "/api/leads/search?q=badge", null, CASE_READERS, 200),
                new Endpoint("GET", "/api/notifications", null, JOB_VIEWERS, 200),
                new Endpoint("GET", "/api/notifications/unread-count", null, JOB_VIEWERS, 200),
                new Endpoint("POST", "/api/notifications/" + unknown + "/read", null, JOB_VIEWERS, 404),
                new Endpoint("POST", "/api/notifications/read-all", null, JOB_VIEWERS, 200),
                new Endpoint("GET", "/api/jobs/" + unknown, null, JOB_VIEWERS, 404),
                new Endpoint("POST", "/api/jobs/" + unknown + "/cancel", null, JOB_VIEWERS, 404),
                new Endpoint("GET", "/api/categories", null, JOB_VIEWERS, 200),
                new Endpoint("POST", "/api/search/rebuild-jobs", null, Set.of("supervisor"), 202, 409),
                new Endpoint("PUT", "/api/cases/" + unknown + "/legal-hold", Map.of("reason", "r"), Set.of("supervisor"), 404),
                new Endpoint("DELETE", "/api/cases/" + unknown + "/legal-hold?reason=r", null, Set.of("supervisor"), 404),
                new Endpoint("POST", "/api/cases/" + unknown + "/disposal", Map.of("legalBasis", "b"), Set.of("supervisor"), 404),
                new Endpoint("GET", "/api/disposals/due", null, Set.of("supervisor"), 200),
                new Endpoint("GET", "/api/disposals", null, Set.of("supervisor", "auditor"), 200),
                new Endpoint("GET", "/api/disposals/" + unknown, null, Set.of("supervisor", "auditor"), 404),
                new Endpoint("POST", "/api/cases/" + unknown + "/media/" + unknown + "/categorisation/undo", null,
                        CASE_WRITERS, 404),
                new Endpoint("PUT", "/api/cases/" + unknown + "/series/" + unknown + "/categorisation",
                        Map.of("category", "1"), CASE_WRITERS, 404),
                new Endpoint("GET", "/api/second-opinions", null, CASE_WRITERS, 200),
                new Endpoint("POST", "/api/cases/" + unknown + "/second-opinions/" + unknown + "/grade",
                        Map.of("category", "1", "version", 0), CASE_WRITERS, 404),
                new Endpoint("POST", "/api/cases/" + unknown + "/second-opinions/" + unknown + "/resolution",
                        Map.of("category", "1", "note", "n", "version", 0), Set.of("supervisor"), 404),
                new Endpoint("GET", "/api/cases/" + unknown + "/exhibit-report", null, CASE_READERS, 404),
                new Endpoint("GET", "/api/welfare/exposure", null, Set.of("supervisor"), 200),
                new Endpoint("GET", "/api/cases/" + unknown + "/media/" + unknown + "/preview", null, CASE_READERS, 404),
                new Endpoint("GET", "/api/cases/" + unknown + "/media/" + unknown + "/reveal?justification=x", null,
                        CASE_WRITERS, 404),
                new Endpoint("GET", "/api/jobs", null, JOB_VIEWERS, 200),
                // Exchange, the node's side (this server is a node without a hub: sending answers 409).
                new Endpoint("POST", "/api/exchange/packages", Map.of("categorisedFrom", "2999-01-01"), LIAISON, 422),
                new Endpoint("POST", "/api/exchange/revocations", Map.of("reason", "RELEASED"), LIAISON, 422),
                new Endpoint("GET", "/api/exchange/packages", null, EXCHANGE, 200),
                new Endpoint("GET", "/api/exchange/packages/" + unknown, null, EXCHANGE, 404),
                new Endpoint("GET", "/api/exchange/packages/" + unknown + "/payload", null, EXCHANGE, 404),
                new Endpoint("POST", "/api/exchange/packages/" + unknown + "/approval", null, Set.of("supervisor"), 404),
                new Endpoint("POST", "/api/exchange/packages/" + unknown + "/refusal", Map.of("reason", "r"),
                        Set.of("supervisor"), 404),
                new Endpoint("POST", "/api/exchange/packages/" + unknown + "/sending", null, EXCHANGE, 404),
                new Endpoint("POST", "/api/exchange/packages/" + unknown + "/file", Map.of("recipient", "r"), LIAISON, 404),
                new Endpoint("POST", "/api/exchange/packages/" + unknown + "/icse-csv", Map.of("recipient", "r"), LIAISON, 404),
                new Endpoint("GET", "/api/exchange/keys", null, EXCHANGE, 200),
                new Endpoint("POST", "/api/exchange/subscription", null, Set.of("supervisor"), 409),
                new Endpoint("GET", "/api/exchange/subscription", null, CASE_READERS, 404),
                new Endpoint("POST", "/api/exchange/subscription/pulls", null, EXCHANGE, 404),
                new Endpoint("GET", "/api/exchange/hub-statistics", null, EXCHANGE, 409),
                // Exchange, the hub's side: this server is a node, so an allowed caller is told 404.
                new Endpoint("POST", "/api/hub/packages", "jose", HUB_NODE, 404),
                new Endpoint("POST", "/api/hub/package-files", "jose", HUB_ADMIN, 404),
                new Endpoint("GET", "/api/hub/deltas", null, HUB_NODE, 404),
                new Endpoint("GET", "/api/hub/nodes", null, HUB_ADMIN, 404),
                new Endpoint("PUT", "/api/hub/nodes/vidcase-node-x", Map.of("country", "NL"), HUB_ADMIN, 404),
                new Endpoint("POST", "/api/hub/nodes/vidcase-node-x/keys", Map.of("jwk", Map.of("kty", "EC")), HUB_ADMIN, 404),
                new Endpoint("POST", "/api/hub/nodes/vidcase-node-x/keys/k1/revocation", Map.of("reason", "r"), HUB_ADMIN,
                        404),
                new Endpoint("GET", "/api/hub/conflicts", null, HUB_ADMIN, 404),
                new Endpoint("GET", "/api/hub/entries/1", null, HUB_ADMIN, 404),
                new Endpoint("POST", "/api/hub/entries/1/resolution", Map.of("category", "1"), HUB_ADMIN, 404),
                new Endpoint("GET", "/api/hub/statistics", null, Set.of("hub", "hubadmin"), 404),
                new Endpoint("POST", "/api/hub/baseline-exports", Map.of("recipient", "r", "legalBasis", "l"), HUB_ADMIN,
                        404),
                new Endpoint("GET", "/api/hub/baseline-exports", null, Set.of("hubadmin", "auditor"), 404),
                new Endpoint("GET", "/api/audit/events", null, AUDITORS, 200),
                new Endpoint("GET", "/api/audit/verification", null, AUDITORS, 200),
                new Endpoint("POST", "/api/audit/verification-jobs", null, AUDITORS, 202));

        List<String> wrong = new ArrayList<>();
        for (Endpoint e : endpoints) {
            for (String user : USERS) {
                int expected = e.allowed().contains(user) ? e.allowedStatus() : 403;
                int alternative = e.allowed().contains(user) ? e.alsoAllowed() : 403;
                Response response = call(e, user);
                if (response.statusCode() != expected && response.statusCode() != alternative) {
                    wrong.add(user + " " + e.method() + " " + e.path() + ": " + response.statusCode() + " (expected " + expected + ")");
                }
                if (response.statusCode() >= 400) {
                    assertThat(response.contentType()).startsWith("application/problem+json");
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void theHubServiceAccountCarriesOnlyItsMachineRole() {
        String[] parts = Tokens.hubNode().split("\\.");
        String payload = new String(java.util.Base64.getUrlDecoder().decode(parts[1]));
        assertThat(payload).contains("\"hub-node\"").doesNotContain("vid-officer").doesNotContain("supervisor");
    }

    private static Response call(Endpoint e, String user) {
        var request = given().auth().oauth2(user.equals("hub") ? Tokens.hubNode() : Tokens.of(user))
                .contentType(ContentType.JSON).accept(ContentType.JSON);
        if ("new-hash-set".equals(e.body())) {
            request = request.body(Map.of("name", "Matrix set", "source", "CUSTOM", "version", UUID.randomUUID().toString(),
                    "kind", "ALERT"));
        } else if ("new-case".equals(e.body())) {
            request = request.body(Map.of("reference", CaseFixture.uniqueReference(), "title", "Role matrix"));
        } else if ("jose".equals(e.body())) {
            request = request.contentType("application/jose")
                    .body("eyJhbGciOiJFUzI1NiJ9.e30.c2ln".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        } else if (e.body() != null) {
            request = request.body(e.body());
        }
        return request.request(e.method(), e.path());
    }
}
