package org.vidcase.shared.storage;

import io.minio.BucketExistsArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

/** The one MinIO client of the application and the evidence bucket it works in. */
@ApplicationScoped
public class ObjectStorage {

    private static final Logger LOG = Logger.getLogger(ObjectStorage.class);

    private final StorageConfig config;
    private final MinioClient client;

    public ObjectStorage(StorageConfig config) {
        this.config = config;
        this.client = MinioClient.builder()
                .endpoint(config.endpoint())
                .credentials(config.accessKey(), config.secretKey())
                .region(config.region())
                .build();
    }

    @Produces
    @Singleton
    MinioClient minioClient() {
        return client;
    }

    public String bucket() {
        return config.bucket();
    }

    /** Creates the bucket when missing; an unreachable store is reported, not fatal (readiness says so). */
    void ensureBucket(@Observes StartupEvent event) {
        try {
            if (!bucketExists()) {
                client.makeBucket(MakeBucketArgs.builder().bucket(config.bucket()).region(config.region()).build());
                LOG.infof("Created bucket %s", config.bucket());
            }
        } catch (Exception e) {
            LOG.warnf("Object storage at %s is not reachable yet: %s", config.endpoint(), e.getMessage());
        }
    }

    public boolean bucketExists() throws Exception {
        return client.bucketExists(BucketExistsArgs.builder().bucket(config.bucket()).build());
    }
}
