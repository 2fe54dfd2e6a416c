package org.vidcase.hashset;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.vidcase.localstack.LocalStackTestResource;
import org.vidcase.testsupport.Api;

@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, restrictToAnnotatedClass = false)
class HashSetTest {

    @Test
    void supervisorsRegisterSetsThatStartInactiveAndOfficersSeeThem() {
        String version = "2026-11-" + UUID.randomUUID();
        String id = Api.as("supervisor").body(Map.of("name", "ICSE baseline", "source", "ICSE", "version", version,
                        "kind", "ALERT", "description", "synthetic test set"))
                .post("/api/hash-sets").then().statusCode(201)
                .body("active", equalTo(false)).body("entryCount", equalTo(0)).body("categoryScheme", equalTo("vics"))
                .extract().path("id");

        Api.as("supervisor").body(Map.of("name", "ICSE baseline", "source", "ICSE", "version", version, "kind", "ALERT"))
                .post("/api/hash-sets").then().statusCode(409).contentType("application/problem+json");
        Api.as("officer").get("/api/hash-sets").then().statusCode(200).body("id", hasItem(id));
        Api.as("officer").body(Map.of("active", true)).put("/api/hash-sets/" + id + "/active").then().statusCode(403);

        Api.as("supervisor").body(Map.of("active", true)).put("/api/hash-sets/" + id + "/active").then().statusCode(200)
                .body("active", equalTo(true)).body("updatedBy", equalTo("supervisor"));
        Api.as("auditor").get("/api/audit/events?action=hashset.activate&objectId=" + id).then().statusCode(200)
                .body("actor", hasItem("supervisor"));
    }

    @Test
    void badDefinitionsAreRefusedAndStoreNothing() {
        Api.as("supervisor").body(Map.of("name", "x", "source", "INTERPOLX", "version", "1", "kind", "ALERT"))
                .post("/api/hash-sets").then().statusCode(400).body("errors[0].field", equalTo("source"));
        Api.as("supervisor").body(Map.of("name", "x", "source", "NSRL", "version", "1", "kind", "IGNORABLE",
                        "categoryScheme", "atlantis"))
                .post("/api/hash-sets").then().statusCode(422).body("detail", containsString("atlantis"));
        Api.as("supervisor").body(Map.of("source", "NSRL", "kind", "IGNORABLE")).post("/api/hash-sets")
                .then().statusCode(400).body("errors.field", hasItem("name")).body("errors.field", hasItem("version"));
        Api.as("officer").get("/api/hash-sets").then().body("name", org.hamcrest.Matchers.not(hasItem("x")));
    }
}
