package org.vidcase.lead;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.vidcase.localstack.LocalStackTestResource;
import org.vidcase.testsupport.Api;
import org.vidcase.testsupport.CaseFixture;
import org.vidcase.testsupport.MediaFixture;
import org.vidcase.testsupport.Tokens;

/**
 * Identification leads on the real stack: the workflow with every refused move, priority and
 * override, clues, referrals at home and abroad, identification records and the series flags they
 * set, history, need-to-know, bad input, concurrent edits and the dashboard.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, restrictToAnnotatedClass = false)
class LeadTest {

    @Test
    void aLeadGoesThroughItsWorkflowAndRefusedMovesNameTheAllowedOnes() {
        UUID caseId = teamCase();
        UUID seizure = MediaFixture.seizure(caseId, "officer");
        String a = upload(caseId, seizure, "a.png");
        String b = upload(caseId, seizure, "b.png");
        String series = series(caseId, List.of(a, b));

        JsonPath lead = Api.as("officer").body(Map.of("title", "Badge on a school jumper", "description", "Three pictures",
                        "seriesIds", List.of(series), "mediaItemIds", List.of(a),
                        "factors", Map.of("ongoingAbuse", true, "youngAge", true)))
                .post(leads(caseId)).then().statusCode(201).header("Location", containsString("/leads/"))
                .extract().jsonPath();
        String id = lead.getString("id");
        assertThat(lead.getString("reference")).matches("L-\\d{4}-\\d{6}");
        assertThat(lead.getString("status")).isEqualTo("OPEN");
        assertThat(lead.getInt("priority.score")).isEqualTo(60);
        assertThat(lead.getString("priority.band")).isEqualTo("HIGH");
        assertThat(lead.getList("series.id")).containsExactly(series);
        assertThat(lead.getString("series[0].status")).isEqualTo("ACTIVE");
        assertThat(lead.getList("mediaItemIds")).containsExactly(a);
        assertThat(lead.getList("nextStatuses.status")).containsExactly("ASSIGNED", "CLOSED");

        // Illegal moves: 422 naming the allowed ones, nothing changed.
        for (String to : List.of("IN_PROGRESS", "REFERRED", "OPEN")) {
            Api.as("officer").body(Map.of("version", 0, "status", to)).post(leads(caseId) + "/" + id + "/status")
                    .then().statusCode(422).contentType("application/problem+json")
                    .body("detail", containsString("ASSIGNED (on request)"))
                    .body("detail", containsString("CLOSED (closed with at least one outcome)"));
        }
        Api.as("officer").body(Map.of("version", 0, "status", "ASSIGNED")).post(leads(caseId) + "/" + id + "/status")
                .then().statusCode(422).body("detail", containsString("nobody assigned"));
        assertThat(read(caseId, id).getLong("version")).isZero();
        assertThat(read(caseId, id).getString("status")).isEqualTo("OPEN");

        // Assignees must work on the case.
        Api.as("officer").body(Map.of("version", 0, "usernames", List.of("officer2")))
                .put(leads(caseId) + "/" + id + "/assignees").then().statusCode(422).body("detail", containsString("officer2"));
        JsonPath assigned = Api.as("officer").body(Map.of("version", 0, "usernames", List.of("investigator")))
                .put(leads(caseId) + "/" + id + "/assignees").then().statusCode(200).extract().jsonPath();
        assertThat(assigned.getString("status")).isEqualTo("ASSIGNED");
        assertThat(assigned.getList("assignees")).containsExactly("investigator");
        long version = assigned.getLong("version");

        // A stale version is refused; the assignee starts work.
        Api.as("investigator").body(Map.of("version", version - 1, "status", "IN_PROGRESS"))
                .post(leads(caseId) + "/" + id + "/status").then().statusCode(409).contentType("application/problem+json");
        JsonPath working = move(caseId, id, "investigator", version, "IN_PROGRESS", null);
        assertThat(working.getString("status")).isEqualTo("IN_PROGRESS");
        Api.as("investigator").body(Map.of("version", working.getLong("version"), "status", "REFERRED"))
                .post(leads(caseId) + "/" + id + "/status").then().statusCode(422)
                .body("detail", containsString("REFERRED (when a referral is sent)"));
        Api.as("investigator").body(Map.of("version", working.getLong("version"), "status", "ASSIGNED"))
                .post(leads(caseId) + "/" + id + "/status").then().statusCode(422);

        // Closing needs at least one dated outcome; two may hold at once.
        Api.as("investigator").body(Map.of("version", working.getLong("version"), "status", "CLOSED"))
                .post(leads(caseId) + "/" + id + "/status").then().statusCode(422).body("detail", containsString("outcome"));
        Api.as("investigator").body(Map.of("version", working.getLong("version"), "status", "CLOSED", "outcomes",
                        List.of(outcome("NO_FURTHER_ACTION"), outcome("VICTIM_IDENTIFIED"))))
                .post(leads(caseId) + "/" + id + "/status").then().statusCode(422);
        Api.as("investigator").body(Map.of("version", working.getLong("version"), "status", "CLOSED", "outcomes",
                        List.of(Map.of("outcome", "VICTIM_IDENTIFIED", "date", LocalDate.now().plusDays(30).toString()))))
                .post(leads(caseId) + "/" + id + "/status").then().statusCode(422).body("detail", containsString("future"));
        JsonPath closed = move(caseId, id, "investigator", working.getLong("version"), "CLOSED",
                List.of(outcome("VICTIM_IDENTIFIED"), outcome("OFFENDER_IDENTIFIED")));
        assertThat(closed.getString("status")).isEqualTo("CLOSED");
        assertThat(closed.getList("outcomes.outcome")).containsExactlyInAnyOrder("VICTIM_IDENTIFIED", "OFFENDER_IDENTIFIED");
        assertThat(closed.getString("closedAt")).isNotNull();
        Api.as("investigator").body(Map.of("version", closed.getLong("version"), "title", "Late edit"))
                .patch(leads(caseId) + "/" + id).then().statusCode(409);
        Api.as("investigator").body(Map.of("version", closed.getLong("version"), "status", "IN_PROGRESS"))
                .post(leads(caseId) + "/" + id + "/status").then().statusCode(422)
                .body("detail", containsString("reopened by a supervisor"));

        // Reopening: supervisors only, with a reason, back to where it was closed from.
        Api.as("investigator").body(Map.of("version", closed.getLong("version"), "reason", "More pictures"))
                .post(leads(caseId) + "/" + id + "/reopen").then().statusCode(403);
        Api.as("supervisor").body(Map.of("version", closed.getLong("version"), "reason", " "))
                .post(leads(caseId) + "/" + id + "/reopen").then().statusCode(400);
        JsonPath reopened = Api.as("supervisor").body(Map.of("version", closed.getLong("version"), "reason", "New pictures of the child"))
                .post(leads(caseId) + "/" + id + "/reopen").then().statusCode(200).extract().jsonPath();
        assertThat(reopened.getString("status")).isEqualTo("IN_PROGRESS");
        assertThat(reopened.getList("outcomes.outcome")).hasSize(2);
        assertThat(reopened.getString("closedAt")).isNull();

        // The history holds every change, field by field.
        List<Map<String, Object>> history = Api.as("investigator").get(leads(caseId) + "/" + id + "/history").then()
                .statusCode(200).extract().path("$");
        assertThat(history).extracting(e -> e.get("field") + ":" + e.get("oldValue") + "->" + e.get("newValue"))
                .contains("status:null->OPEN", "score:null->60", "assignees:->investigator", "status:OPEN->ASSIGNED",
                        "status:ASSIGNED->IN_PROGRESS", "status:IN_PROGRESS->CLOSED", "status:CLOSED->IN_PROGRESS");
        assertThat(history).anySatisfy(e -> {
            assertThat(e.get("action")).isEqualTo("reopened");
            assertThat(e.get("newValue")).isEqualTo("New pictures of the child");
            assertThat(e.get("actor")).isEqualTo("supervisor");
        });
        assertThat(history).allSatisfy(e -> assertThat(e.get("at")).isNotNull());

        List<String> audited = Api.as("auditor").get("/api/audit/events?caseId=" + caseId + "&size=200").then()
                .statusCode(200).extract().path("action");
        assertThat(audited).contains("lead.create", "lead.assign", "lead.status", "lead.reopen", "lead.view");
        List<Map<String, Object>> refused = Api.as("auditor")
                .get("/api/audit/events?caseId=" + caseId + "&action=lead.status&size=200").then().statusCode(200)
                .extract().path("$");
        assertThat(refused).extracting(e -> e.get("outcome")).contains("SUCCESS", "REFUSED");
    }

    @Test
    void priorityFactorsAndAnOverrideWithAReasonAreVisibleAndKept() {
        UUID caseId = teamCase();
        JsonPath lead = create(caseId, "officer", Map.of("title", "Bedroom wallpaper", "factors", Map.of("newSeries", true)));
        String id = lead.getString("id");
        assertThat(lead.getInt("priority.score")).isEqualTo(10);
        assertThat(lead.getString("priority.band")).isEqualTo("LOW");

        JsonPath raised = Api.as("investigator").body(Map.of("version", 0, "factors",
                        Map.of("recentProduction", true, "inCountry", true)))
                .patch(leads(caseId) + "/" + id).then().statusCode(200).extract().jsonPath();
        assertThat(raised.getBoolean("priority.newSeries")).isTrue();
        assertThat(raised.getBoolean("priority.recentProduction")).isTrue();
        assertThat(raised.getInt("priority.factorScore")).isEqualTo(40);
        assertThat(raised.getInt("priority.score")).isEqualTo(40);
        assertThat(raised.getString("priority.band")).isEqualTo("MEDIUM");

        Map<String, Object> noReason = new HashMap<>();
        noReason.put("version", raised.getLong("version"));
        noReason.put("scoreOverride", Map.of("score", 95));
        Api.as("investigator").body(noReason).patch(leads(caseId) + "/" + id).then().statusCode(400);
        Api.as("investigator").body(Map.of("version", raised.getLong("version"), "scoreOverride",
                Map.of("score", 101, "reason", "r"))).patch(leads(caseId) + "/" + id).then().statusCode(400);
        JsonPath overridden = Api.as("investigator").body(Map.of("version", raised.getLong("version"), "scoreOverride",
                        Map.of("score", 95, "reason", "Partner agency reports the child at risk this week")))
                .patch(leads(caseId) + "/" + id).then().statusCode(200).extract().jsonPath();
        assertThat(overridden.getInt("priority.factorScore")).isEqualTo(40);
        assertThat(overridden.getInt("priority.override.score")).isEqualTo(95);
        assertThat(overridden.getString("priority.override.by")).isEqualTo("investigator");
        assertThat(overridden.getString("priority.override.reason")).startsWith("Partner agency");
        assertThat(overridden.getInt("priority.score")).isEqualTo(95);
        assertThat(overridden.getString("priority.band")).isEqualTo("HIGH");

        List<String> high = Api.as("officer").queryParam("priority", "HIGH").get(leads(caseId)).then().statusCode(200)
                .extract().path("id");
        assertThat(high).containsExactly(id);
        JsonPath cleared = Api.as("investigator").body(Map.of("version", overridden.getLong("version"), "clearScoreOverride", true))
                .patch(leads(caseId) + "/" + id).then().statusCode(200).extract().jsonPath();
        assertThat(cleared.getInt("priority.score")).isEqualTo(40);
        assertThat(cleared.getString("priority.override")).isNull();
        List<String> fields = Api.as("officer").get(leads(caseId) + "/" + id + "/history").then().statusCode(200)
                .extract().path("field");
        assertThat(fields).contains("recentProduction", "inCountry", "score", "scoreOverride", "overrideReason");
    }

    @Test
    void badInputIsRefusedClearlyAndStoresNothing() {
        UUID caseId = teamCase();
        UUID other = CaseFixture.openCase("officer");
        String foreignItem = upload(other, MediaFixture.seizure(other, "officer"), "x.png");
        String foreignSeries = series(other, List.of(foreignItem));
        String id = create(caseId, "officer", Map.of("title", "Clue board")).getString("id");

        Api.as("officer").body(Map.of("title", "x".repeat(10_000))).post(leads(caseId)).then().statusCode(400)
                .contentType("application/problem+json");
        Api.as("officer").body(Map.of("title", "t", "dueDate", "2026-13-45")).post(leads(caseId)).then().statusCode(400)
                .contentType("application/problem+json");
        Api.as("officer").body(Map.of("title", "t", "seriesIds", List.of(foreignSeries))).post(leads(caseId)).then()
                .statusCode(422).body("detail", containsString("No such series in this case"));
        Api.as("officer").body("{\"title\": ").contentType("application/json").post(leads(caseId)).then().statusCode(400);
        Api.as("officer").queryParam("status", "DONE").get(leads(caseId)).then().statusCode(400)
                .body("detail", containsString("OPEN"));
        Api.as("officer").body(Map.of("version", 0, "status", "FINISHED")).post(leads(caseId) + "/" + id + "/status")
                .then().statusCode(400);

        String clues = leads(caseId) + "/" + id + "/clues";
        Api.as("officer").body(Map.of("type", "WEATHER", "value", "rain")).post(clues).then().statusCode(400);
        Api.as("officer").body(Map.of("type", "GPS", "latitude", 95.0, "longitude", 4.0)).post(clues).then().statusCode(422)
                .body("detail", containsString("latitude"));
        Api.as("officer").body(Map.of("type", "GPS", "latitude", 52.0, "longitude", 181.0)).post(clues).then().statusCode(422);
        Api.as("officer").body(Map.of("type", "GPS", "value", "somewhere")).post(clues).then().statusCode(422);
        Api.as("officer").body(Map.of("type", "DEVICE", "value", "S/N 1", "latitude", 52.0, "longitude", 4.0)).post(clues)
                .then().statusCode(422);
        Api.as("officer").body(Map.of("type", "OBJECT", "value", " ")).post(clues).then().statusCode(422);
        Api.as("officer").body(Map.of("type", "OBJECT", "value", "Teddy bear", "mediaItemIds", List.of(foreignItem)))
                .post(clues).then().statusCode(422).body("detail", containsString("media items"));
        Api.as("officer").body(Map.of("type", "OBJECT", "value", "Teddy bear", "seriesIds", List.of(foreignSeries)))
                .post(clues).then().statusCode(422);

        String identifications = "/api/cases/" + caseId + "/identifications";
        Api.as("officer").body(identification("Jane Doe", LocalDate.now().toString(), "GB", List.of(id))).post(identifications)
                .then().statusCode(400).body("errors.message", org.hamcrest.Matchers.hasItem(containsString("pseudonymous")));
        Api.as("officer").body(identification("V-1", LocalDate.now().plusDays(10).toString(), "GB", List.of(id)))
                .post(identifications).then().statusCode(422).body("detail", containsString("future"));
        Api.as("officer").body(identification("V-1", LocalDate.now().toString(), "XX", List.of(id))).post(identifications)
                .then().statusCode(422).body("detail", containsString("ISO 3166"));
        Api.as("officer").body(identification("V-1", LocalDate.now().toString(), "GB", List.of())).post(identifications)
                .then().statusCode(422);

        assertThat(Api.as("officer").get(leads(caseId)).then().statusCode(200).extract().<List<?>>path("$")).hasSize(1);
        JsonPath after = read(caseId, id);
        assertThat(after.getList("clues")).isEmpty();
        assertThat(after.getLong("version")).isZero();
        assertThat(Api.as("officer").get(identifications).then().statusCode(200).extract().<List<?>>path("$")).isEmpty();
    }

    @Test
    void outsidersAreToldNothingExists() {
        UUID caseId = teamCase();
        String id = create(caseId, "officer", Map.of("title", "Hidden")).getString("id");
        for (String path : List.of(leads(caseId), leads(caseId) + "/" + id, leads(caseId) + "/" + id + "/history",
                "/api/cases/" + caseId + "/identifications")) {
            Api.as("officer2").get(path).then().statusCode(404).contentType("application/problem+json");
        }
        Api.as("officer2").body(Map.of("type", "OTHER", "value", "x")).post(leads(caseId) + "/" + id + "/clues")
                .then().statusCode(404);
        Api.as("officer2").body(Map.of("title", "x")).post(leads(caseId)).then().statusCode(404);
        Api.as("auditor").get(leads(caseId) + "/" + id).then().statusCode(403);
        // A lead of this case asked for under another case the caller sees is not there either.
        UUID mine = CaseFixture.openCase("officer");
        Api.as("officer").get(leads(mine) + "/" + id).then().statusCode(404);
        // Observers read but do not change.
        CaseFixture.addMember(caseId, "officer", "liaison", "OBSERVER");
        Api.as("liaison").get(leads(caseId) + "/" + id).then().statusCode(200);
        Api.as("liaison").body(Map.of("text", "hello")).post(leads(caseId) + "/" + id + "/comments").then().statusCode(403);
    }

    @Test
    void cluesAreEditedAndWithdrawnNeverDeleted() {
        UUID caseId = teamCase();
        UUID seizure = MediaFixture.seizure(caseId, "officer");
        String item = upload(caseId, seizure, "clue.png");
        String id = create(caseId, "officer", Map.of("title", "Shop sign")).getString("id");
        String clues = leads(caseId) + "/" + id + "/clues";
        JsonPath clue = Api.as("investigator").body(Map.of("type", "TEXT", "value", "Bäckerei Müller", "confidence", "LOW",
                "mediaItemIds", List.of(item))).post(clues).then().statusCode(201).extract().jsonPath();
        String clueId = clue.getString("id");
        assertThat(clue.getString("addedBy")).isEqualTo("investigator");
        assertThat(clue.getString("addedAt")).isNotNull();
        assertThat(clue.getList("mediaItemIds")).containsExactly(item);

        Api.as("officer").body(Map.of("version", 5, "value", "Bakery")).patch(clues + "/" + clueId).then().statusCode(409);
        JsonPath edited = Api.as("officer").body(Map.of("version", 0, "value", "Bäckerei Müller, Hauptstraße",
                "confidence", "HIGH")).patch(clues + "/" + clueId).then().statusCode(200).extract().jsonPath();
        assertThat(edited.getString("value")).isEqualTo("Bäckerei Müller, Hauptstraße");
        assertThat(edited.getString("confidence")).isEqualTo("HIGH");
        assertThat(edited.getString("updatedBy")).isEqualTo("officer");

        Api.as("officer").body(Map.of("version", edited.getLong("version"))).post(clues + "/" + clueId + "/withdrawal")
                .then().statusCode(400);
        JsonPath withdrawn = Api.as("officer").body(Map.of("version", edited.getLong("version"), "reason", "Misread sign"))
                .post(clues + "/" + clueId + "/withdrawal").then().statusCode(200).extract().jsonPath();
        assertThat(withdrawn.getBoolean("withdrawn")).isTrue();
        assertThat(withdrawn.getString("withdrawReason")).isEqualTo("Misread sign");
        Api.as("officer").body(Map.of("version", withdrawn.getLong("version"), "value", "x")).patch(clues + "/" + clueId)
                .then().statusCode(409);

        JsonPath lead = read(caseId, id);
        assertThat(lead.getList("clues.id")).containsExactly(clueId);
        assertThat(lead.getBoolean("clues[0].withdrawn")).isTrue();
        List<String> actions = Api.as("officer").get(leads(caseId) + "/" + id + "/history").then().statusCode(200)
                .extract().path("action");
        assertThat(actions).contains("clue-added", "clue-edited", "clue-withdrawn");
    }

    @Test
    void referralsAtHomeAreSentAndReferralsAbroadGoThroughTheLiaisonOfficer() {
        UUID caseId = teamCase();
        JsonPath lead = create(caseId, "officer", Map.of("title", "Hotel room", "assignees", List.of("investigator")));
        String id = lead.getString("id");
        String referrals = leads(caseId) + "/" + id + "/referrals";
        Map<String, Object> agency = Map.of("recipientKind", "AGENCY", "recipient", "Regional police, child protection",
                "subject", "Hotel identified from the carpet");
        Api.as("investigator").body(agency).post(referrals).then().statusCode(422).body("detail", containsString("IN_PROGRESS"));
        JsonPath working = move(caseId, id, "investigator", lead.getLong("version"), "IN_PROGRESS", null);

        JsonPath referred = Api.as("investigator").body(agency).post(referrals).then().statusCode(201).extract().jsonPath();
        assertThat(referred.getString("status")).isEqualTo("REFERRED");
        assertThat(referred.getString("referrals[0].state")).isEqualTo("SENT");
        assertThat(referred.getString("referrals[0].sentBy")).isEqualTo("investigator");
        assertThat(referred.getLong("version")).isGreaterThan(working.getLong("version"));
        String home = referred.getString("referrals[0].id");

        Api.as("investigator").body(Map.of("recipientKind", "COUNTRY", "recipient", "National VID unit", "country", "XX",
                "subject", "s")).post(referrals).then().statusCode(422);
        Api.as("investigator").body(Map.of("recipientKind", "COUNTRY", "recipient", "National VID unit",
                "subject", "s")).post(referrals).then().statusCode(422);
        JsonPath abroad = Api.as("investigator").body(Map.of("recipientKind", "COUNTRY", "recipient", "National VID unit",
                "country", "NL", "subject", "Carpet pattern and the three pictures' hashes")).post(referrals).then()
                .statusCode(201).extract().jsonPath();
        Map<String, Object> waiting = abroad.getMap("referrals.find { it.country == 'NL' }");
        assertThat(waiting.get("state")).isEqualTo("AWAITING_DISPATCH");
        String foreign = (String) waiting.get("id");

        // Dispatch abroad: liaison officers only, and only those on the team.
        Api.as("investigator").post(referrals + "/" + foreign + "/dispatch").then().statusCode(403);
        Api.as("liaison").post(referrals + "/" + foreign + "/dispatch").then().statusCode(404);
        CaseFixture.addMember(caseId, "officer", "liaison", "OBSERVER");
        JsonPath dispatched = Api.as("liaison").post(referrals + "/" + foreign + "/dispatch").then().statusCode(200)
                .extract().jsonPath();
        assertThat(dispatched.getString("referrals.find { it.country == 'NL' }.state")).isEqualTo("SENT");
        assertThat(dispatched.getString("referrals.find { it.country == 'NL' }.sentBy")).isEqualTo("liaison");
        Api.as("liaison").post(referrals + "/" + foreign + "/dispatch").then().statusCode(409);

        // Replies: the home agency's by the team, the foreign one's by the liaison officer.
        JsonPath oneBack = Api.as("investigator").body(Map.of("reply", "Hotel visited; staff interviewed"))
                .post(referrals + "/" + home + "/reply").then().statusCode(200).extract().jsonPath();
        assertThat(oneBack.getString("status")).isEqualTo("REFERRED");
        Api.as("investigator").body(Map.of("reply", "x")).post(referrals + "/" + home + "/reply").then().statusCode(409);
        Api.as("investigator").body(Map.of("reply", "x")).post(referrals + "/" + foreign + "/reply").then().statusCode(403);
        JsonPath allBack = Api.as("liaison").body(Map.of("reply", "Hotel in Utrecht; local unit takes it on"))
                .post(referrals + "/" + foreign + "/reply").then().statusCode(200).extract().jsonPath();
        assertThat(allBack.getString("status")).isEqualTo("IN_PROGRESS");
        assertThat(allBack.getList("referrals.state")).containsOnly("RETURNED");
        assertThat(allBack.getString("referrals.find { it.country == 'NL' }.repliedBy")).isEqualTo("liaison");

        List<Map<String, Object>> disclosures = Api.as("auditor")
                .get("/api/audit/events?caseId=" + caseId + "&action=lead.referral-dispatch&size=50").then().statusCode(200)
                .extract().path("$");
        assertThat(disclosures).anySatisfy(e -> {
            assertThat(e.get("actor")).isEqualTo("liaison");
            assertThat(String.valueOf(e.get("detail"))).contains("National VID unit").contains("NL");
        });
        List<String> statuses = Api.as("officer").get(leads(caseId) + "/" + id + "/history").then().statusCode(200)
                .extract().path("findAll { it.field == 'status' }.newValue");
        assertThat(statuses).containsSubsequence("ASSIGNED", "IN_PROGRESS", "REFERRED", "IN_PROGRESS");
    }

    @Test
    void identificationRecordsSetTheSeriesFlagsAndWithdrawingOneClearsThem() {
        UUID caseId = teamCase();
        UUID seizure = MediaFixture.seizure(caseId, "officer");
        String series = series(caseId, List.of(upload(caseId, seizure, "v1.png"), upload(caseId, seizure, "v2.png")));
        JsonPath lead = create(caseId, "officer", Map.of("title", "Victim lead", "seriesIds", List.of(series)));
        String leadId = lead.getString("id");
        String records = "/api/cases/" + caseId + "/identifications";

        JsonPath first = Api.as("investigator").body(identification("V-NORTH-" + suffix(), LocalDate.now().minusDays(3).toString(),
                        "GB", List.of(leadId), List.of(series))).post(records).then().statusCode(201).extract().jsonPath();
        assertThat(first.getString("kind")).isEqualTo("VICTIM");
        JsonPath flagged = seriesView(caseId, series);
        assertThat(flagged.getBoolean("victimIdentified")).isTrue();
        assertThat(flagged.getString("victimIdentifiedBy.identificationId")).isEqualTo(first.getString("id"));
        assertThat(flagged.getString("victimIdentifiedBy.leadId")).isEqualTo(leadId);
        assertThat(flagged.getBoolean("offenderIdentified")).isFalse();
        JsonPath seen = read(caseId, leadId);
        assertThat(seen.getList("identificationIds")).containsExactly(first.getString("id"));
        assertThat(seen.getBoolean("series[0].victimIdentified")).isTrue();

        Api.as("investigator").body(identification(first.getString("reference").toLowerCase(), LocalDate.now().toString(),
                "GB", List.of(leadId), List.of(series))).post(records).then().statusCode(409);
        JsonPath second = Api.as("investigator").body(identification("V-NORTH-" + suffix(), LocalDate.now().toString(), "NL",
                List.of(), List.of(series))).post(records).then().statusCode(201).extract().jsonPath();
        assertThat(seriesView(caseId, series).getString("victimIdentifiedBy.identificationId")).isEqualTo(first.getString("id"));

        // Closing and reopening the lead leaves the records alone.
        JsonPath closed = move(caseId, leadId, "officer", read(caseId, leadId).getLong("version"), "CLOSED",
                List.of(outcome("VICTIM_IDENTIFIED")));
        Api.as("supervisor").body(Map.of("version", closed.getLong("version"), "reason", "Second victim in the series"))
                .post(leads(caseId) + "/" + leadId + "/reopen").then().statusCode(200);
        assertThat(seriesView(caseId, series).getBoolean("victimIdentified")).isTrue();

        // Withdrawing: with a reason; the flag passes to the other record, then clears.
        Api.as("investigator").body(Map.of()).post(records + "/" + first.getString("id") + "/withdrawal").then().statusCode(400);
        JsonPath withdrawn = Api.as("investigator").body(Map.of("reason", "Recorded on the wrong series"))
                .post(records + "/" + first.getString("id") + "/withdrawal").then().statusCode(200).extract().jsonPath();
        assertThat(withdrawn.getBoolean("withdrawn")).isTrue();
        assertThat(seriesView(caseId, series).getString("victimIdentifiedBy.identificationId")).isEqualTo(second.getString("id"));
        Api.as("investigator").body(Map.of("reason", "again")).post(records + "/" + first.getString("id") + "/withdrawal")
                .then().statusCode(409);
        Api.as("investigator").body(Map.of("reason", "Duplicate of the NL record"))
                .post(records + "/" + second.getString("id") + "/withdrawal").then().statusCode(200);
        JsonPath cleared = seriesView(caseId, series);
        assertThat(cleared.getBoolean("victimIdentified")).isFalse();
        assertThat(cleared.getString("victimIdentifiedBy")).isNull();

        Api.as("liaison").get(records).then().statusCode(404);
        assertThat(Api.as("officer").get(records).then().statusCode(200).extract().<List<Boolean>>path("withdrawn"))
                .containsExactly(true, true);
        List<String> seriesActions = Api.as("officer").get("/api/cases/" + caseId + "/series/" + series + "/history").then()
                .statusCode(200).extract().path("action");
        assertThat(seriesActions.stream().filter("identified-flag"::equals)).hasSize(3);
        List<String> audited = Api.as("auditor").get("/api/audit/events?caseId=" + caseId + "&size=200").then()
                .statusCode(200).extract().path("action");
        assertThat(audited).contains("identification.create", "identification.withdraw");
    }

    @Test
    void aCrossCaseClueHitTellsBothTeamsWhomToContactNeverTheContent() {
        String serial = "77X" + suffix();
        UUID south = CaseFixture.openCase("officer2");
        String southLead = create(south, "officer2", Map.of("title", "Camera lead south")).getString("id");
        Api.as("officer2").body(Map.of("type", "DEVICE", "value", "Canon EOS, S/N " + serial)).post(leads(south) + "/" + southLead + "/clues")
                .then().statusCode(201).body("relatedElsewhere", org.hamcrest.Matchers.empty());
        double lat = 40 + Math.random() * 10;
        double lon = -100 + Math.random() * 10;
        Api.as("officer2").body(Map.of("type", "GPS", "latitude", lat, "longitude", lon))
                .post(leads(south) + "/" + southLead + "/clues").then().statusCode(201);
        int southUnread = unread("officer2");

        UUID north = teamCase();
        JsonPath northLead = create(north, "officer", Map.of("title", "Camera lead north"));
        String northLeadId = northLead.getString("id");
        JsonPath clue = Api.as("officer").body(Map.of("type", "DEVICE", "value", "sn" + serial.toLowerCase()))
                .post(leads(north) + "/" + northLeadId + "/clues").then().statusCode(201).extract().jsonPath();
        assertThat(clue.getList("relatedElsewhere", String.class)).containsExactly("VID desk South, +44 20 7946 0200, vid-south@example.org");

        // GPS: within 250 m is a hit, a kilometre away is not.
        double metre = 1.0 / 111_195;
        Api.as("officer").body(Map.of("type", "GPS", "latitude", lat + 1000 * metre, "longitude", lon))
                .post(leads(north) + "/" + northLeadId + "/clues").then().statusCode(201)
                .body("relatedElsewhere", org.hamcrest.Matchers.empty());
        Api.as("officer").body(Map.of("type", "GPS", "latitude", lat + 150 * metre, "longitude", lon))
                .post(leads(north) + "/" + northLeadId + "/clues").then().statusCode(201)
                .body("relatedElsewhere", org.hamcrest.Matchers.hasSize(1));

        assertThat(unread("officer2")).isEqualTo(southUnread + 2);
        List<Map<String, Object>> southNotes = Api.as("officer2").get("/api/notifications").then().statusCode(200)
                .extract().path("findAll { it.kind == 'cross-case-clue-hit' && it.caseId == '" + south + "' }");
        assertThat(southNotes).hasSize(2).allSatisfy(n -> {
            String text = n.get("title") + " " + n.get("body");
            assertThat(text).contains("VID desk North").doesNotContain(serial).doesNotContain(serial.toLowerCase())
                    .doesNotContain(northLead.getString("reference")).doesNotContain("Camera lead north")
                    .doesNotContain(north.toString()).doesNotContain(String.valueOf(lat).substring(0, 5));
        });
        List<Map<String, Object>> northNotes = Api.as("investigator").get("/api/notifications").then().statusCode(200)
                .extract().path("findAll { it.kind == 'cross-case-clue-hit' && it.caseId == '" + north + "' }");
        assertThat(northNotes).hasSize(2).allSatisfy(n -> assertThat(String.valueOf(n.get("body")))
                .contains("VID desk South").doesNotContain("Camera lead south").doesNotContain(serial));

        for (UUID caseId : List.of(north, south)) {
            List<?> events = Api.as("auditor").get("/api/audit/events?caseId=" + caseId + "&action=lead.clue-hit").then()
                    .statusCode(200).extract().path("$");
            assertThat(events).hasSize(2);
        }
        // The other case's lead stays hidden.
        Api.as("officer").get(leads(south) + "/" + southLead).then().statusCode(404);
    }

    @Test
    void cluesDiscloseAtMostTheDailyNumberOfNewHitsPerUser() {
        UUID north = CaseFixture.openCase("officer");
        String northLead = create(north, "officer", Map.of("title", "Accounts")).getString("id");
        String tag = suffix();
        for (int i = 0; i < 4; i++) {
            Api.as("officer").body(Map.of("type", "ONLINE_ACCOUNT", "value", "@Shadow_" + tag + "_" + i))
                    .post(leads(north) + "/" + northLead + "/clues").then().statusCode(201);
        }
        UUID south = CaseFixture.openCase("officer2");
        String southLead = create(south, "officer2", Map.of("title", "Accounts south")).getString("id");
        List<Integer> told = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            told.add(Api.as("officer2").body(Map.of("type", "ONLINE_ACCOUNT", "value", "shadow_" + tag + "_" + i))
                    .post(leads(south) + "/" + southLead + "/clues").then().statusCode(201).extract()
                    .<List<?>>path("relatedElsewhere").size());
        }
        // The test profile allows 3 a day (vidcase.leads.clue-hits-per-day).
        assertThat(told).containsExactly(1, 1, 1, 0);
        List<?> events = Api.as("auditor").get("/api/audit/events?caseId=" + north + "&action=lead.clue-hit").then()
                .statusCode(200).extract().path("$");
        assertThat(events).hasSize(3);
    }

    @Test
    void concurrentEditsOfOneVersionLetOneWinAndTellTheOther() throws Exception {
        UUID caseId = teamCase();
        String id = create(caseId, "officer", Map.of("title", "Race")).getString("id");
        String officer = Tokens.of("officer");
        String investigator = Tokens.of("investigator");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Callable<Integer>> edits = List.of(
                    () -> given().auth().oauth2(officer).contentType("application/json")
                            .body(Map.of("version", 0, "title", "By officer")).patch(leads(caseId) + "/" + id).statusCode(),
                    () -> given().auth().oauth2(investigator).contentType("application/json")
                            .body(Map.of("version", 0, "title", "By investigator")).patch(leads(caseId) + "/" + id).statusCode());
            List<Integer> codes = new ArrayList<>();
            for (Future<Integer> f : pool.invokeAll(edits)) {
                codes.add(f.get());
            }
            assertThat(codes).containsExactlyInAnyOrder(200, 409);
        } finally {
            pool.shutdownNow();
        }
        JsonPath after = read(caseId, id);
        assertThat(after.getLong("version")).isEqualTo(1);
        // The second writer is told the current version.
        Api.as("investigator").body(Map.of("version", 0, "title", "Late")).patch(leads(caseId) + "/" + id).then()
                .statusCode(409).body("detail", containsString("it is at version 1"));
        List<String> titles = Api.as("officer").get(leads(caseId) + "/" + id + "/history").then().statusCode(200)
                .extract().path("findAll { it.field == 'title' }.newValue");
        assertThat(titles).hasSize(1).containsExactly(after.getString("title"));
    }

    @Test
    void theDashboardShowsMyLeadsMyTeamsLeadsAndOverdueOnes() {
        UUID caseId = teamCase();
        String due = LocalDate.now().minusDays(2).toString();
        String mine = create(caseId, "officer", Map.of("title", "Overdue for investigator", "dueDate", due,
                "assignees", List.of("investigator"), "factors", Map.of("ongoingAbuse", true, "recentProduction", true))).getString("id");
        String theirs = create(caseId, "officer", Map.of("title", "Unassigned")).getString("id");
        JsonPath done = create(caseId, "officer", Map.of("title", "Done", "dueDate", due));
        move(caseId, done.getString("id"), "officer", 0, "CLOSED", List.of(outcome("NO_FURTHER_ACTION")));

        JsonPath board = Api.as("investigator").get("/api/leads/dashboard").then().statusCode(200).extract().jsonPath();
        assertThat(board.getList("mine.id")).contains(mine).doesNotContain(theirs);
        assertThat(board.getList("team.id")).contains(mine, theirs).doesNotContain(done.getString("id"));
        assertThat(board.getList("overdue.id")).contains(mine).doesNotContain(theirs, done.getString("id"));
        assertThat(board.getBoolean("overdue.find { it.id == '" + mine + "' }.overdue")).isTrue();
        assertThat(board.getLong("byStatus.CLOSED")).isGreaterThanOrEqualTo(1);
        assertThat(board.getLong("byStatus.ASSIGNED")).isGreaterThanOrEqualTo(1);
        assertThat(board.getLong("byPriority.HIGH")).isGreaterThanOrEqualTo(1);
        assertThat(board.getMap("byStatus")).containsKeys("OPEN", "ASSIGNED", "IN_PROGRESS", "REFERRED", "CLOSED");

        JsonPath outsider = Api.as("officer2").get("/api/leads/dashboard").then().statusCode(200).extract().jsonPath();
        assertThat(outsider.getList("team.id")).doesNotContain(mine, theirs);
        List<String> overdue = Api.as("officer").queryParam("overdue", true).get(leads(caseId)).then().statusCode(200)
                .extract().path("id");
        assertThat(overdue).containsExactly(mine);
        List<String> assigned = Api.as("officer").queryParam("assignee", "investigator").queryParam("status", "ASSIGNED")
                .get(leads(caseId)).then().statusCode(200).extract().path("id");
        assertThat(assigned).containsExactly(mine);
    }

    // --- helpers ----------------------------------------------------------------------------

    private static UUID teamCase() {
        UUID caseId = CaseFixture.openCase("officer");
        CaseFixture.addMember(caseId, "officer", "investigator", "MEMBER");
        return caseId;
    }

    private static String leads(UUID caseId) {
        return "/api/cases/" + caseId + "/leads";
    }

    private static JsonPath create(UUID caseId, String user, Map<String, Object> body) {
        return Api.as(user).body(body).post(leads(caseId)).then().statusCode(201).extract().jsonPath();
    }

    private static JsonPath read(UUID caseId, String id) {
        return Api.as("officer").get(leads(caseId) + "/" + id).then().statusCode(200).extract().jsonPath();
    }

    private static JsonPath move(UUID caseId, String id, String user, long version, String status, List<?> outcomes) {
        Map<String, Object> body = new HashMap<>();
        body.put("version", version);
        body.put("status", status);
        if (outcomes != null) {
            body.put("outcomes", outcomes);
        }
        return Api.as(user).body(body).post(leads(caseId) + "/" + id + "/status").then().statusCode(200).extract().jsonPath();
    }

    private static Map<String, Object> outcome(String outcome) {
        return Map.of("outcome", outcome, "date", LocalDate.now().toString());
    }

    private static Map<String, Object> identification(String reference, String date, String country, List<String> leads) {
        return identification(reference, date, country, leads, List.of());
    }

    private static Map<String, Object> identification(String reference, String date, String country, List<String> leads,
                                                      List<String> series) {
        return Map.of("kind", "VICTIM", "reference", reference, "identifiedOn", date, "country", country,
                "unit", "VID unit North", "leadIds", leads, "seriesIds", series);
    }

    private static String series(UUID caseId, List<String> items) {
        return Api.as("officer").body(Map.of("name", "Series " + suffix(), "mediaItemIds", items))
                .post("/api/cases/" + caseId + "/series").then().statusCode(201).extract().path("id");
    }

    private static JsonPath seriesView(UUID caseId, String series) {
        return Api.as("officer").get("/api/cases/" + caseId + "/series/" + series).then().statusCode(200).extract().jsonPath();
    }

    private static String upload(UUID caseId, UUID seizureId, String name) {
        return given().auth().oauth2(Tokens.of("officer")).contentType("application/octet-stream").body(MediaFixture.uniquePng())
                .queryParam("fileName", name).queryParam("path", "/leads")
                .post("/api/cases/" + caseId + "/seizures/" + seizureId + "/media")
                .then().statusCode(201).extract().path("item.id");
    }

    private static int unread(String user) {
        return Api.as(user).get("/api/notifications/unread-count").then().statusCode(200).extract().jsonPath().getInt("unread");
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }
}
