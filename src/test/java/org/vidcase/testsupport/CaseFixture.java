package org.vidcase.testsupport;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/** Cases created through the API, with references unique within the test run. */
public final class CaseFixture {

    private static final AtomicInteger SEQ = new AtomicInteger();

    private CaseFixture() {
    }

    public static String uniqueReference() {
        return "T-" + System.currentTimeMillis() % 1_000_000 + "-" + SEQ.incrementAndGet();
    }

    /** Opens a case as {@code lead}; returns its id. */
    public static UUID openCase(String lead) {
        String id = Api.as(lead).body(Map.of("reference", uniqueReference(), "title", "Test case", "description", "synthetic"))
                .post("/api/cases").then().statusCode(201).extract().path("id");
        return UUID.fromString(id);
    }

    public static void addMember(UUID caseId, String by, String username, String role) {
        Api.as(by).body(Map.of("role", role)).put("/api/cases/" + caseId + "/members/" + username)
                .then().statusCode(200);
    }
}
