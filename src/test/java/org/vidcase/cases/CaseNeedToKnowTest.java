package org.vidcase.cases;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.vidcase.localstack.LocalStackTestResource;
import org.vidcase.testsupport.Api;
import org.vidcase.testsupport.CaseFixture;

@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, restrictToAnnotatedClass = false)
class CaseNeedToKnowTest {

    @Test
    void creatorLeadsTheCaseAndOutsidersAreToldItDoesNotExist() {
        UUID caseId = CaseFixture.openCase("officer");

        Api.as("officer").get("/api/cases/" + caseId).then().statusCode(200)
                .body("myRole", equalTo("LEAD")).body("status", equalTo("OPEN"));
        Api.as("officer2").get("/api/cases/" + caseId).then().statusCode(404)
                .contentType("application/problem+json").body("status", equalTo(404));
        Api.as("officer2").get("/api/cases/" + UUID.randomUUID()).then().statusCode(404);
        Api.as("officer2").get("/api/cases").then().statusCode(200)
                .body("id", not(hasItem(caseId.toString())));
        Api.as("officer2").get("/api/cases/" + caseId + "/members").then().statusCode(404);
    }

    @Test
    void supervisorsSeeEveryCase() {
        UUID caseId = CaseFixture.openCase("investigator");

        Api.as("supervisor").get("/api/cases/" + caseId).then().statusCode(200).body("myRole", equalTo(null));
        Api.as("supervisor").get("/api/cases").then().statusCode(200).body("id", hasItem(caseId.toString()));
    }

    @Test
    void theLeadManagesTheTeamAndMembersGainAccess() {
        UUID caseId = CaseFixture.openCase("officer");
        CaseFixture.addMember(caseId, "officer", "officer2", "MEMBER");

        Api.as("officer2").get("/api/cases/" + caseId).then().statusCode(200).body("myRole", equalTo("MEMBER"));
        Api.as("officer2").get("/api/cases").then().body("id", hasItem(caseId.toString()));
        Api.as("officer").get("/api/cases/" + caseId + "/members").then().statusCode(200)
                .body("username", hasItem("officer2"));

        // A member who is not the lead may not manage the team or close the case.
        Api.as("officer2").body(Map.of("role", "OBSERVER")).put("/api/cases/" + caseId + "/members/investigator")
                .then().statusCode(403).contentType("application/problem+json");
        Api.as("officer2").body(Map.of("reason", "no")).post("/api/cases/" + caseId + "/close")
                .then().statusCode(403);

        Api.as("officer").delete("/api/cases/" + caseId + "/members/officer2").then().statusCode(204);
        Api.as("officer2").get("/api/cases/" + caseId).then().statusCode(404);
    }

    @Test
    void closingIsFinalAndRefusesFurtherChanges() {
        UUID caseId = CaseFixture.openCase("officer");

        Api.as("officer").body(Map.of("reason", "victim identified and safeguarded"))
                .post("/api/cases/" + caseId + "/close").then().statusCode(200)
                .body("status", equalTo("CLOSED")).body("closedBy", equalTo("officer"))
                .body("closingReason", equalTo("victim identified and safeguarded"));
        Api.as("officer").body(Map.of("reason", "again")).post("/api/cases/" + caseId + "/close")
                .then().statusCode(409).body("detail", org.hamcrest.Matchers.containsString("closed"));
        Api.as("officer").body(Map.of("role", "MEMBER")).put("/api/cases/" + caseId + "/members/officer2")
                .then().statusCode(409);
        // Access to a closed case can still be withdrawn or lowered, never granted or raised.
        UUID other = CaseFixture.openCase("officer");
        CaseFixture.addMember(other, "officer", "investigator", "MEMBER");
        Api.as("officer").body(Map.of("reason", "done")).post("/api/cases/" + other + "/close").then().statusCode(200);
        Api.as("officer").body(Map.of("role", "LEAD")).put("/api/cases/" + other + "/members/investigator")
                .then().statusCode(409);
        Api.as("officer").body(Map.of("role", "OBSERVER")).put("/api/cases/" + other + "/members/investigator")
                .then().statusCode(200);
        Api.as("supervisor").delete("/api/cases/" + other + "/members/investigator").then().statusCode(204);
        Api.as("investigator").get("/api/cases/" + other).then().statusCode(404);
        Api.as("officer").get("/api/cases?status=CLOSED").then().body("id", hasItem(caseId.toString()));
        Api.as("officer").get("/api/cases?status=OPEN").then().body("id", not(hasItem(caseId.toString())));
    }

    @Test
    void theLastLeadCannotLeave() {
        UUID caseId = CaseFixture.openCase("officer");

        Api.as("officer").delete("/api/cases/" + caseId + "/members/officer").then().statusCode(422)
                .contentType("application/problem+json").body("title", equalTo("Unprocessable Entity"));
        Api.as("officer").body(Map.of("role", "MEMBER")).put("/api/cases/" + caseId + "/members/officer")
                .then().statusCode(422);
        CaseFixture.addMember(caseId, "officer", "officer2", "LEAD");
        Api.as("officer").delete("/api/cases/" + caseId + "/members/officer").then().statusCode(204);
        Api.as("officer").get("/api/cases/" + caseId).then().statusCode(404);
    }

    @Test
    void aCaseReferenceIsUniqueWithinItsUnitAndAClashTellsNothingOfOtherUnits() {
        String reference = org.vidcase.testsupport.CaseFixture.uniqueReference();
        org.vidcase.testsupport.Api.as("officer").body(java.util.Map.of("reference", reference, "title", "north"))
                .post("/api/cases").then().statusCode(201);
        // Another unit uses the same number in its own register: no clash, so nothing is revealed.
        org.vidcase.testsupport.Api.as("officer2").body(java.util.Map.of("reference", reference, "title", "south"))
                .post("/api/cases").then().statusCode(201);
        // A clash within the unit names the caller's own unit only.
        org.vidcase.testsupport.Api.as("officer2").body(java.util.Map.of("reference", reference, "title", "again"))
                .post("/api/cases").then().statusCode(409)
                .body("detail", org.hamcrest.Matchers.containsString("Your unit (south)"));
        org.vidcase.testsupport.Api.as("investigator").body(java.util.Map.of("reference", reference, "title", "again"))
                .post("/api/cases").then().statusCode(409)
                .body("detail", org.hamcrest.Matchers.containsString("Your unit (north)"));
    }
}
