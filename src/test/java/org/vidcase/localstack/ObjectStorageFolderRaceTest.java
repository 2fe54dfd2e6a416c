package org.vidcase.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.RemoveObjectArgs;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Uploads stage an object under {@code staging/} and delete it again, many at once. On S3Proxy's
 * filesystem store a delete that empties the folder removed it under a concurrent put, which then
 * failed (the load test's 503s); the stack's folder markers keep the folder. Without them, 600 puts
 * and deletes by 4 threads failed 4 to 9 times a run on the two-core development machine.
 */
class ObjectStorageFolderRaceTest {

    @TempDir
    Path run;

    @Test
    void putsAndDeletesUnderAStagingPrefixAtOnceAllSucceed() throws Exception {
        try (ObjectStorageService storage = ObjectStorageService.start(run)) {
            MinioClient client = MinioClient.builder().endpoint(storage.endpoint())
                    .credentials(storage.accessKey(), storage.secretKey()).build();
            Queue<String> failures = new ConcurrentLinkedQueue<>();
            ExecutorService threads = Executors.newFixedThreadPool(4);
            byte[] content = new byte[4096];
            for (int t = 0; t < 4; t++) {
                threads.submit(() -> {
                    for (int i = 0; i < 150; i++) {
                        String key = "staging/" + UUID.randomUUID();
                        try {
                            client.putObject(PutObjectArgs.builder().bucket(ObjectStorageService.BUCKET).object(key)
                                    .stream(new ByteArrayInputStream(content), content.length, -1).build());
                            client.removeObject(RemoveObjectArgs.builder().bucket(ObjectStorageService.BUCKET).object(key)
                                    .build());
                        } catch (Exception e) {
                            failures.add(key + ": " + e);
                        }
                    }
                });
            }
            threads.shutdown();
            try {
                assertThat(threads.awaitTermination(2, TimeUnit.MINUTES)).isTrue();
            } finally {
                threads.shutdownNow();
            }
            assertThat(List.copyOf(failures)).isEmpty();
        }
    }
}
