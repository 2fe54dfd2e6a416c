package org.vidcase.media.infra;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;

/** Evidence storage: encryption keys and upload limits. */
@ConfigMapping(prefix = "vidcase.evidence")
public interface EvidenceConfig {

    /** Master keys as "keyId:base64,keyId:base64"; from a Kubernetes secret in production. */
    String masterKeys();

    /** Id of the master key that wraps new data keys; older ones stay for unwrapping. */
    String activeKeyId();

    /** Largest file accepted by the upload endpoints. */
    MemorySize maxUploadSize();

    /** Whether a stored object is read back, decrypted and hashed before it is referenced. */
    boolean verifyAfterWrite();

    /**
     * How often objects no row refers to are removed from the bucket (a scheduler period, e.g.
     * {@code 30s}); read by {@code EvidenceOrphans}' schedule.
     */
    @io.smallrye.config.WithDefault("30s")
    String orphanSweepEvery();

    /**
     * How old a file still under {@code staging/}, or an unfinished multipart upload of the bucket,
     * must be before the staging sweep removes it: older than any upload in flight on any replica
     * (a replica killed mid-upload leaves them behind).
     */
    @io.smallrye.config.WithDefault("6H")
    java.time.Duration stagingMaxAge();

    /** How often the staging sweep runs (a scheduler period, e.g. {@code 1h}). */
    @io.smallrye.config.WithDefault("1h")
    String stagingSweepEvery();
}
