package org.vidcase.testsupport;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.path.json.JsonPath;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** Reference hash sets through the public API, as a supervisor manages them. */
public final class HashSetFixture {

    private HashSetFixture() {
    }

    public static String create(String name, String source, String kind, String defaultCategory) {
        Map<String, Object> body = new HashMap<>(Map.of("name", name, "source", source,
                "version", UUID.randomUUID().toString(), "kind", kind));
        if (defaultCategory != null) {
            body.put("defaultCategory", defaultCategory);
        }
        return Api.as("supervisor").body(body).post("/api/hash-sets").then().statusCode(201).extract().path("id");
    }

    /** Starts an import; returns the job id. */
    public static String startImport(String setId, String format, byte[] file) {
        return given().auth().oauth2(Tokens.of("supervisor")).contentType("application/octet-stream").body(file)
                .queryParam("format", format)
                .post("/api/hash-sets/" + setId + "/imports")
                .then().statusCode(202).extract().path("id");
    }

    /** Imports and waits; asserts the job succeeded and returns it. */
    public static JsonPath importAndWait(String setId, String format, byte[] file) {
        JsonPath job = Jobs.awaitEnd(startImport(setId, format, file), "supervisor");
        assertThat(job.getString("state")).as(job.prettify()).isEqualTo("SUCCEEDED");
        return job;
    }

    /** Activates or deactivates the set and waits for the re-matching job it queues, if any. */
    public static JsonPath setActive(String setId, boolean active) {
        JsonPath set = Api.as("supervisor").body(Map.of("active", active)).put("/api/hash-sets/" + setId + "/active")
                .then().statusCode(200).extract().jsonPath();
        String job = set.getString("lastJobId");
        if (job != null) {
            JsonPath ended = Jobs.awaitEnd(job, "supervisor");
            assertThat(ended.getString("state")).as(ended.prettify()).isEqualTo("SUCCEEDED");
        }
        return set;
    }

    public static JsonPath get(String setId) {
        return Api.as("supervisor").get("/api/hash-sets/" + setId).then().statusCode(200).extract().jsonPath();
    }
}
