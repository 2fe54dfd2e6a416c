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

    private static final List<String> USERS = List.of("officer", "investigator", "liaison", "supervisor", "auditor", "hub");
    private static final Set<String> CASE_READERS = Set.of("officer", "investigator", "liaison", "supervisor");
    private static final Set<String> CASE_WRITERS = Set.of("officer", "investigator", "supervisor");
    private static final Set<String> AUDITORS = Set.of("auditor");
    private static final Set<String> JOB_VIEWERS = Set.of("officer", "investigator", "liaison", "supervisor", "auditor");

    /** {@code alsoAllowed}: a second answer an allowed caller may get, e.g. 409 while the work already runs. */
    record Endpoint(String method, String path, Object body, Set<String> allowed, int allowedStatus, int alsoAllowed) {
        Endpoint(String method, String path, Object body, Set<String> allowed, int allowedStatus) {
            this(method, path, body, allowed, allowedStatus, allowedStatus);
        }
    }

    @Test
    void eachRoleReachesExactlyItsEndpoints() {
        UUID unknown = UUID.randomUUID();
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
                new Endpoint("POST", "/api/similar", Map.of("pdq", "0".repeat(64)), CASE_READERS, 200),
                new Endpoint("GET", "/api/cases/" + unknown + "/series-hits", null, CASE_READERS, 404),
                new Endpoint("GET", "/api/notifications", null, JOB_VIEWERS, 200),
                new Endpoint("GET", "/api/notifications/unread-count", null, JOB_VIEWERS, 200),
                new Endpoint("POST", "/api/notifications/" + unknown + "/read", null, JOB_VIEWERS, 404),
                new Endpoint("POST", "/api/notifications/read-all", null, JOB_VIEWERS, 200),
                new Endpoint("GET", "/api/jobs/" + unknown, null, JOB_VIEWERS, 404),
                new Endpoint("POST", "/api/jobs/" + unknown + "/cancel", null, JOB_VIEWERS, 404),
                new Endpoint("GET", "/api/categories", null, JOB_VIEWERS, 200),
                new Endpoint("POST", "/api/search/rebuild-jobs", null, Set.of("supervisor"), 202, 409),
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
        } else if (e.body() != null) {
            request = request.body(e.body());
        }
        return request.request(e.method(), e.path());
    }
}
