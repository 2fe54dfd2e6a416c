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
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("object-storage", "keycloak", "Database connections health check"))
                .body("checks.name", not(hasItem("elasticsearch")));
        given().get("/q/health/well").then().statusCode(200).body("checks.name", hasItem("elasticsearch"));
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
