package org.vidcase.shared.health;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.vidcase.shared.storage.ObjectStorage;

@Readiness
@ApplicationScoped
public class ObjectStorageReadinessCheck implements HealthCheck {

    private final ObjectStorage storage;

    public ObjectStorageReadinessCheck(ObjectStorage storage) {
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
