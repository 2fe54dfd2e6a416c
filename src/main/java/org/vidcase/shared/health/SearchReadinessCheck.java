package org.vidcase.shared.health;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.HealthStatus;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

@Readiness
@ApplicationScoped
public class SearchReadinessCheck implements HealthCheck {

    private final ElasticsearchClient client;

    public SearchReadinessCheck(ElasticsearchClient client) {
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
