package org.vidcase.matching;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Uploads and imports are matched on arrival: the server is ready once the reference indexes are loaded. */
@Readiness
@ApplicationScoped
public class KnownHashIndexReadinessCheck implements HealthCheck {

    private final KnownHashIndex index;

    public KnownHashIndexReadinessCheck(KnownHashIndex index) {
        this.index = index;
    }

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("reference-hash-indexes");
        if (index.isReady()) {
            return response.up().withData("loadMillis", index.loadMillis()).build();
        }
        return response.down().withData("state", index.isFailed() ? "failed" : "loading").build();
    }
}
