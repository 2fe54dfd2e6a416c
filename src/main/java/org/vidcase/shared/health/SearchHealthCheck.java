package org.vidcase.shared.health;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.HealthStatus;
import io.smallrye.health.api.Wellness;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

@Wellness
@ApplicationScoped
/**
 * Elasticsearch cluster health, as a wellness check ({@code /q/health/well}), not a readiness one:
 * with the outbox the server takes every write while the index is down, and only search answers
 * 503 then, so an unreachable index must not take the pods out of service.
 */
public class SearchHealthCheck implements HealthCheck {

    private final ElasticsearchClient client;

    public SearchHealthCheck(ElasticsearchClient client) {
        this.client = client;
    }

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("elasticsearch");
        try {
            HealthStatus status = client.cluster().health().status();
            return response.status(status != HealthStatus.Red).withData("cluster", status.jsonValue()).build();
        } catch (Exception e) {
            return response.down().withData("error", String.valueOf(e.getMessage())).build();
        }
    }
}
