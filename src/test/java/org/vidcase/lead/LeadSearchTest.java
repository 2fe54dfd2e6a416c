package org.vidcase.lead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.vidcase.localstack.LocalStackTestResource;
import org.vidcase.testsupport.Api;
import org.vidcase.testsupport.CaseFixture;

/**
 * Lead search on the real Elasticsearch, fed through the search outbox: words in titles, clues and
 * comments (folded in Java, as the index has no language analysers), the filters, and the
 * caller's cases applied inside the query.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, restrictToAnnotatedClass = false)
class LeadSearchTest {

    @Test
    void wordsInTitlesCluesAndCommentsFindLeadsWithFilters() {
        StringBuilder letters = new StringBuilder("zq");
        java.util.Random random = new java.util.Random();
        for (int i = 0; i < 8; i++) {
            letters.append((char) ('a' + random.nextInt(26)));
        }
        String word = letters.toString();
        UUID caseId = CaseFixture.openCase("officer");
        CaseFixture.addMember(caseId, "officer", "investigator", "MEMBER");
        String bakery = create(caseId, Map.of("title", "Shop sign " + word, "assignees", List.of("investigator"),
                "dueDate", LocalDate.now().minusDays(1).toString(), "factors", Map.of("ongoingAbuse", true, "youngAge", true)));
        String badge = create(caseId, Map.of("title", "Uniform " + word, "dueDate", LocalDate.now().plusDays(20).toString()));
        String quiet = create(caseId, Map.of("title", "Unrelated lead"));
        String clue = Api.as("officer").body(Map.of("type", "TEXT", "value", "Bäckerei Müller " + word + "town"))
                .post(leads(caseId) + "/" + bakery + "/clues").then().statusCode(201).extract().path("id");
        Api.as("officer").body(Map.of("type", "CLOTHING", "value", "St. Ætheling's School badge"))
                .post(leads(caseId) + "/" + badge + "/clues").then().statusCode(201);
        Api.as("officer").body(Map.of("text", "Checked with " + word + "desk")).post(leads(caseId) + "/" + quiet + "/comments")
                .then().statusCode(201);

        // Accents and case folded in Java on both sides; each lead found by its own words.
        assertThat(await(Map.of("q", "BACKEREI muller"), ids -> ids.contains(bakery))).containsExactly(bakery);
        assertThat(await(Map.of("q", "aetheling school"), ids -> ids.contains(badge))).containsExactly(badge);
        assertThat(await(Map.of("q", word + "desk"), ids -> ids.contains(quiet))).containsExactly(quiet);
        assertThat(ids(Map.of("q", word))).containsExactlyInAnyOrder(bakery, badge);
        assertThat(ids(Map.of("q", word + " -uniform"))).containsExactly(bakery);
        assertThat(ids(Map.of("q", word.substring(0, 5) + "*", "caseId", caseId.toString()))).contains(bakery, badge);

        // Filters, alone and with words.
        assertThat(ids(Map.of("q", word, "clueType", "CLOTHING"))).containsExactly(badge);
        assertThat(ids(Map.of("q", word, "status", "ASSIGNED"))).containsExactly(bakery);
        assertThat(ids(Map.of("q", word, "assignee", "investigator"))).containsExactly(bakery);
        assertThat(ids(Map.of("q", word, "priority", "HIGH"))).containsExactly(bakery);
        assertThat(ids(Map.of("q", word, "priority", "LOW"))).containsExactly(badge);
        assertThat(ids(Map.of("q", word, "overdue", "true"))).containsExactly(bakery);
        assertThat(ids(Map.of("q", word, "dueFrom", LocalDate.now().toString()))).containsExactly(badge);
        assertThat(ids(Map.of("caseId", caseId.toString(), "dueTo", LocalDate.now().toString()))).containsExactly(bakery);
        JsonPath page = Api.as("officer").queryParams(Map.of("caseId", caseId.toString())).get("/api/leads/search").then()
                .statusCode(200).extract().jsonPath();
        assertThat(page.getLong("total")).isEqualTo(3);
        assertThat(page.getString("leads[0].id")).isEqualTo(bakery);

        // A withdrawn clue is not found any more; the lead still is by its title.
        Api.as("officer").body(Map.of("version", 0, "reason", "Misread")).post(leads(caseId) + "/" + bakery + "/clues/"
                + clue + "/withdrawal").then().statusCode(200);
        assertThat(await(Map.of("q", "backerei muller"), List::isEmpty)).isEmpty();
        assertThat(ids(Map.of("q", "shop sign " + word))).containsExactly(bakery);

        // Other people's cases are filtered inside the query; naming one is 404.
        assertThat(Api.as("officer2").queryParam("q", word).get("/api/leads/search").then().statusCode(200)
                .extract().<List<String>>path("leads.id")).isEmpty();
        Api.as("officer2").queryParam("caseId", caseId.toString()).get("/api/leads/search").then().statusCode(404);
        List<String> audited = Api.as("auditor").get("/api/audit/events?action=lead.search&size=200").then().statusCode(200)
                .extract().path("actor");
        assertThat(audited).contains("officer", "officer2");
    }

    @Test
    void badSearchesAreRefusedClearly() {
        Api.as("officer").queryParam("q", "x".repeat(600)).get("/api/leads/search").then().statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("q"));
        Api.as("officer").queryParam("status", "FINISHED").get("/api/leads/search").then().statusCode(400);
        Api.as("officer").queryParam("clueType", "WEATHER").get("/api/leads/search").then().statusCode(400);
        Api.as("officer").queryParam("dueFrom", "2026-02-31").get("/api/leads/search").then().statusCode(400);
        Api.as("officer").queryParams(Map.of("dueFrom", "2026-05-01", "dueTo", "2026-04-01")).get("/api/leads/search")
                .then().statusCode(400);
        Api.as("officer").queryParams(Map.of("page", "100", "size", "200")).get("/api/leads/search").then().statusCode(422);
        Api.as("officer").queryParam("size", "0").get("/api/leads/search").then().statusCode(400);
        Api.as("auditor").get("/api/leads/search").then().statusCode(403);
    }

    private static String create(UUID caseId, Map<String, Object> body) {
        return Api.as("officer").body(body).post(leads(caseId)).then().statusCode(201).extract().path("id");
    }

    private static String leads(UUID caseId) {
        return "/api/cases/" + caseId + "/leads";
    }

    private static List<String> ids(Map<String, String> params) {
        return Api.as("officer").queryParams(new HashMap<>(params)).get("/api/leads/search").then().statusCode(200)
                .extract().path("leads.id");
    }

    /** Waits until the index holds what was just written (the outbox indexes within moments). */
    private static List<String> await(Map<String, String> params, Predicate<List<String>> done) {
        long deadline = System.currentTimeMillis() + 30_000;
        List<String> last = ids(params);
        while (!done.test(last) && System.currentTimeMillis() < deadline) {
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            last = ids(params);
        }
        return last;
    }
}
