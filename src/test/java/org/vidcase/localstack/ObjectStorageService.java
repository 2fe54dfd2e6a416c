package org.vidcase.localstack;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;

/** An S3-compatible server in this JVM, storing objects in the run's folder (see docs/adr/0002). */
final class ObjectStorageService implements AutoCloseable {

    private final S3Proxy proxy;
    private final String accessKey;
    private final String secretKey;

    private ObjectStorageService(S3Proxy proxy, String accessKey, String secretKey) {
        this.proxy = proxy;
        this.accessKey = accessKey;
        this.secretKey = secretKey;
    }

    static ObjectStorageService start(Path runDir) throws Exception {
        Path dir = Files.createDirectories(runDir.resolve("s3"));
        String accessKey = "local-" + Secrets.random().substring(0, 12);
        String secretKey = Secrets.random();
        S3Proxy proxy = S3Proxy.builder()
                .blobStore(new FilesystemNio2BlobStore(dir.toString()))
                .endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, accessKey, secretKey)
                .stopTimeout(0)
                .build();
        proxy.start();
        while (!"STARTED".equals(proxy.getState())) {
            ManagedProcess.sleep(20);
        }
        return new ObjectStorageService(proxy, accessKey, secretKey);
    }

    String endpoint() {
        return "http://127.0.0.1:" + proxy.getPort();
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
