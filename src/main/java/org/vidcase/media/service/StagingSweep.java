package org.vidcase.media.service;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

import io.minio.ListMultipartUploadsResponse;
import io.minio.ListObjectsArgs;
import io.minio.MinioAsyncClient;
import io.minio.MinioClient;
import io.minio.RemoveObjectArgs;
import io.minio.Result;
import io.minio.messages.Item;
import io.minio.messages.Upload;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.vidcase.media.infra.EvidenceConfig;
import org.vidcase.shared.storage.ObjectStorage;
import org.vidcase.shared.storage.StorageConfig;

/**
 * What a replica killed mid-upload leaves in the bucket: a file still under {@code staging/} (stored,
 * never filed), and unfinished multipart uploads (the parts of a file that was streaming). Anything
 * older than {@code vidcase.evidence.staging-max-age} is older than any upload in flight: staging
 * files are removed, unfinished uploads aborted, and import files no job names are queued for the
 * orphan sweep (which keeps any a job or a blob refers to). Every replica sweeps; removing twice is
 * harmless. The bucket's own lifecycle rule (docs/operations.md) does the same where the store
 * supports one.
 */
@ApplicationScoped
public class StagingSweep {

    private static final Logger LOG = Logger.getLogger(StagingSweep.class);
    private static final List<String> PREFIXES = List.of("staging/", "imports/", "hash-set-imports/");

    private final MinioClient minio;
    private final MinioAsyncClient uploads;
    private final String bucket;
    private final EvidenceConfig config;
    private final EvidenceOrphans orphans;

    public StagingSweep(MinioClient minio, ObjectStorage storage, StorageConfig storageConfig, EvidenceConfig config,
                        EvidenceOrphans orphans) {
        this.minio = minio;
        this.uploads = MinioAsyncClient.builder().endpoint(storageConfig.endpoint())
                .credentials(storageConfig.accessKey(), storageConfig.secretKey()).region(storageConfig.region()).build();
        this.bucket = storage.bucket();
        this.config = config;
        this.orphans = orphans;
    }

    @Scheduled(every = "${vidcase.evidence.staging-sweep-every:1h}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            sweep();
        } catch (Exception e) {
            LOG.warnf("The staging sweep failed, will retry: %s", e.getMessage());
        }
    }

    /** Removes what is left of uploads older than the maximum age; returns how many things it removed or queued. */
    public int sweep() throws Exception {
        Instant cutoff = Instant.now().minus(config.stagingMaxAge());
        int removed = 0;
        for (String prefix : PREFIXES) {
            removed += abortUnfinished(prefix, cutoff);
        }
        List<String> stale = new ArrayList<>();
        java.util.Set<String> inUse = orphans.importFilesInUse();
        for (String prefix : PREFIXES) {
            for (Result<Item> r : minio.listObjects(ListObjectsArgs.builder().bucket(bucket).prefix(prefix).recursive(true).build())) {
                Item item = r.get();
                ZonedDateTime modified = item.lastModified();
                // A folder marker ("staging/") is part of the bucket's layout, not a leftover.
                if (item.isDir() || item.objectName().endsWith("/")) {
                    continue;
                }
                if (modified != null && modified.toInstant().isBefore(cutoff) && !inUse.contains(item.objectName())) {
                    stale.add(item.objectName());
                }
            }
        }
        for (String key : stale) {
            if (key.startsWith("staging/")) {
                minio.removeObject(RemoveObjectArgs.builder().bucket(bucket).object(key).build());
            } else {
                // An import's source file is kept while its job exists; the orphan sweep checks that.
                orphans.checkLater(key);
            }
            removed++;
        }
        if (removed > 0) {
            LOG.infof("Staging sweep: %d staging files, unfinished uploads and unclaimed import files older than %s "
                    + "removed or queued", removed, config.stagingMaxAge());
        }
        return removed;
    }

    private int abortUnfinished(String prefix, Instant cutoff) throws Exception {
        int aborted = 0;
        String keyMarker = null;
        String uploadIdMarker = null;
        while (true) {
            ListMultipartUploadsResponse page = uploads.listMultipartUploadsAsync(bucket, null, null, null, keyMarker, 1000,
                    prefix, uploadIdMarker, null, null).get();
            for (Upload upload : page.result().uploads()) {
                ZonedDateTime initiated = upload.initiated();
                if (initiated != null && initiated.toInstant().isBefore(cutoff)) {
                    uploads.abortMultipartUploadAsync(bucket, null, upload.objectName(), upload.uploadId(), null, null).get();
                    aborted++;
                }
            }
            if (!page.result().isTruncated()) {
                return aborted;
            }
            keyMarker = page.result().nextKeyMarker();
            uploadIdMarker = page.result().nextUploadIdMarker();
        }
    }
}
