package org.vidcase.shared.health;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import io.smallrye.health.api.Wellness;
import org.vidcase.shared.storage.ObjectStorage;

/**
 * The evidence bucket, as a wellness check ({@code /q/health/well}), not a readiness one: while
 * the shared object store is down, uploads and content reads fail cleanly (503) but everything
 * else works, so its outage must not take every replica out of service.
 */
@Wellness
@ApplicationScoped
public class ObjectStorageHealthCheck implements HealthCheck {

    private final ObjectStorage storage;

    public ObjectStorageHealthCheck(ObjectStorage storage) {
        this.storage = storage;
    }

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("object-storage").withData("bucket", storage.bucket());
        try {
            return response.status(storage.bucketExists()).build();
        } catch (Exception e) {
            return response.down().withData("error", String.valueOf(e.getMessage())).build();
        }
    }
}
