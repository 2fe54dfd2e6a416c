package org.vidcase.shared.storage;

import io.smallrye.config.ConfigMapping;

/** S3-compatible object storage; MinIO in production, S3Proxy in the local stack. */
@ConfigMapping(prefix = "vidcase.storage")
public interface StorageConfig {
    /** Base URL of the S3 API, e.g. http://minio:9000. */
    String endpoint();

    String accessKey();

    String secretKey();

    String bucket();

    String region();
}
