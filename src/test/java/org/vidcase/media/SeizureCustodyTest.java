package org.vidcase.media;

import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.vidcase.localstack.LocalStackTestResource;
import org.vidcase.testsupport.Api;
import org.vidcase.testsupport.CaseFixture;
import org.vidcase.testsupport.MediaFixture;

@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, restrictToAnnotatedClass = false)
class SeizureCustodyTest {

    @Test
    void exhibitsCarryAnAppendOnlyChainOfCustody() {
        UUID caseId = CaseFixture.openCase("officer");
        UUID seizureId = MediaFixture.seizure(caseId, "officer");
        String base = "/api/cases/" + caseId + "/seizures/" + seizureId;

        Api.as("officer").body(Map.of("occurredAt", "2026-11-01T09:00:00Z", "from", "Search team", "to", "Evidence store",
                "purpose", "intake")).post(base + "/custody").then().statusCode(201).body("seq", equalTo(1));
        Api.as("officer").body(Map.of("occurredAt", "2026-11-02T09:00:00Z", "from", "Evidence store", "to", "Forensic lab",
                "purpose", "imaging")).post(base + "/custody").then().statusCode(201).body("seq", equalTo(2));
        Api.as("officer").get(base + "/custody").then().statusCode(200)
                .body("seq", equalTo(List.of(1, 2))).body("[1].to", equalTo("Forensic lab"))
                .body("[1].recordedBy", equalTo("officer"));

        Api.as("officer2").get(base + "/custody").then().statusCode(404);
        Api.as("officer").body(Map.of("from", "a")).post(base + "/custody").then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void exhibitReferencesAreUniqueWithinACase() {
        UUID caseId = CaseFixture.openCase("officer");
        Api.as("officer").body(Map.of("reference", "LAPTOP-1")).post("/api/cases/" + caseId + "/seizures").then().statusCode(201);
        Api.as("officer").body(Map.of("reference", "LAPTOP-1")).post("/api/cases/" + caseId + "/seizures").then().statusCode(409);
        Api.as("officer").get("/api/cases/" + caseId + "/seizures").then().body("reference", equalTo(List.of("LAPTOP-1")));
    }
}
