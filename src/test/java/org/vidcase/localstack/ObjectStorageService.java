package org.vidcase.localstack;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;

/** An S3-compatible server in this JVM, storing objects in the run's folder (see docs/adr/0002). */
final class ObjectStorageService implements AutoCloseable {

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
        return new ObjectStorageService(dir, "local-" + Secrets.random().substring(0, 12), Secrets.random());
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
