package org.vidcase.shared;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.vidcase.localstack.LocalStackTestResource;
import org.vidcase.localstack.SearchOutage;

@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, restrictToAnnotatedClass = false)
class HealthAndMetricsTest {

    @Test
    void readinessCoversWhatRequestsCannotDoWithout() {
        // Readiness: the database and the known-hash index, nothing shared that one outage takes from every replica.
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("reference-hash-indexes", "Database connections health check"))
                .body("checks.name", not(hasItem("elasticsearch")))
                .body("checks.name", not(hasItem("keycloak")))
                .body("checks.name", not(hasItem("object-storage")));
        given().get("/q/health/well").then().statusCode(200)
                .body("checks.name", hasItems("elasticsearch", "keycloak", "object-storage"));
    }

    @Test
    void anUnreachableSearchIndexLeavesTheServerReady() {
        try (SearchOutage outage = SearchOutage.begin()) {
            given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        }
    }

    @Test
    void prometheusMetricsArePublished() {
        given().get("/q/health/live").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("jvm_memory_used_bytes"))
                .body(containsString("http_server_requests_seconds"));
    }
}
