package org.vidcase.localstack;

import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;

/**
 * An S3-compatible server in this JVM, storing objects in the run's folder (see docs/adr/0002), with
 * the server's bucket made ready.
 *
 * <p>S3Proxy's filesystem store keeps an object under a key with slashes as a file in folders, and
 * removes a folder that a delete leaves empty. A put into that folder at the same moment fails
 * (NoSuchFileException, answered 500), which the load test met as 503s on uploads: every upload
 * writes an object under {@code staging/} and deletes it, so the folder empties and fills all the
 * time. Folder marker objects ({@code staging/}, an empty object whose key ends in a slash) are
 * never removed by the store, so the bucket is made here with markers for the server's prefixes
 * that empty out. Real S3 and MinIO have no folders to remove.
 */
final class ObjectStorageService implements AutoCloseable {

    /** The server's bucket ({@code vidcase.storage.bucket}, which the stack sets to this). */
    static final String BUCKET = "vidcase-evidence";
    /** Prefixes whose objects the server deletes as often as it writes them. */
    static final List<String> TRANSIENT_PREFIXES = List.of("staging/", "imports/", "hash-set-imports/");

    private final Path dir;
    private final String accessKey;
    private final String secretKey;
    private S3Proxy proxy;
    private final int port;

    private ObjectStorageService(Path dir, String accessKey, String secretKey) throws Exception {
        this.dir = dir;
        this.accessKey = accessKey;
        this.secretKey = secretKey;
        this.proxy = launch(0);
        this.port = proxy.getPort();
    }

    static ObjectStorageService start(Path runDir) throws Exception {
        Path dir = Files.createDirectories(runDir.resolve("s3"));
        ObjectStorageService service = new ObjectStorageService(dir, "local-" + Secrets.random().substring(0, 12),
                Secrets.random());
        try {
            service.prepareBucket();
        } catch (Exception e) {
            service.close();
            throw e;
        }
        return service;
    }

    private void prepareBucket() throws Exception {
        MinioClient client = MinioClient.builder().endpoint(endpoint()).credentials(accessKey, secretKey).build();
        client.makeBucket(MakeBucketArgs.builder().bucket(BUCKET).build());
        for (String prefix : TRANSIENT_PREFIXES) {
            client.putObject(PutObjectArgs.builder().bucket(BUCKET).object(prefix)
                    .stream(new ByteArrayInputStream(new byte[0]), 0, -1).build());
        }
    }

    private S3Proxy launch(int port) throws Exception {
        S3Proxy started = S3Proxy.builder()
                .blobStore(new FilesystemNio2BlobStore(dir.toString()))
                .endpoint(URI.create("http://127.0.0.1:" + port))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, accessKey, secretKey)
                .stopTimeout(0)
                .build();
        started.start();
        while (!"STARTED".equals(started.getState())) {
            ManagedProcess.sleep(20);
        }
        return started;
    }

    /** Takes storage away, for tests of what the server does without it. */
    void suspend() throws Exception {
        proxy.stop();
    }

    /** Brings storage back on the same port with the same content. */
    void resume() throws Exception {
        proxy = launch(port);
    }

    String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    String accessKey() {
        return accessKey;
    }

    String secretKey() {
        return secretKey;
    }

    @Override
    public void close() throws Exception {
        proxy.stop();
    }
}
