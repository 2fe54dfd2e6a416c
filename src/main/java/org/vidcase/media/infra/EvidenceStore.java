package org.vidcase.media.infra;

import io.minio.CopyObjectArgs;
import io.minio.CopySource;
import io.minio.GetObjectArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.RemoveObjectArgs;
import io.minio.StatObjectArgs;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.crypto.SecretKey;
import org.jboss.logging.Logger;
import org.vidcase.hashing.MediaDigest;
import org.vidcase.hashing.MediaDigester;
import org.vidcase.shared.crypto.EvidenceCipher;
import org.vidcase.shared.crypto.WrappedKey;
import org.vidcase.shared.storage.ObjectStorage;

/**
 * Encrypted, content-addressed evidence in S3 storage. A file is read once: the same bytes feed
 * the digests and PDQ and, through a bounded pipe, the encrypting upload to a staging object. Once
 * the SHA-256 is known the object is copied to its content address and, by default, read back,
 * decrypted and hashed before anything refers to it.
 */
@ApplicationScoped
public class EvidenceStore {

    private static final Logger LOG = Logger.getLogger(EvidenceStore.class);
    private static final long PART_SIZE = 10L * 1024 * 1024;
    private static final int PIPE_CHUNKS = 16;

    private final MinioClient minio;
    private final String bucket;
    private final EvidenceKeys keys;
    /**
     * 256 KiB segments: the JIT compiles the fast AES-GCM path after a few hundred segment calls,
     * so smaller segments reach full speed after ~200 MiB instead of ~600 MiB (see docs/benchmarks.md).
     */
    private static final int SEGMENT_SIZE = 256 * 1024;

    private final EvidenceCipher cipher = new EvidenceCipher(SEGMENT_SIZE);
    private final EvidenceConfig config;
    /** Bounded: each upload in flight holds one thread; more wait rather than exhaust the JVM. */
    private final ExecutorService uploads = Executors.newFixedThreadPool(32, r -> {
        Thread t = new Thread(r, "evidence-upload");
        t.setDaemon(true);
        return t;
    });

    public EvidenceStore(MinioClient minio, ObjectStorage storage, EvidenceConfig config, EvidenceKeys keys) {
        this.minio = minio;
        this.bucket = storage.bucket();
        this.config = config;
        this.keys = keys;
    }

    @PreDestroy
    void stop() {
        uploads.shutdownNow();
    }

    public long maxUploadSize() {
        return config.maxUploadSize().asLongValue();
    }

    /**
     * Digests and encrypts the stream into a staging object in one pass, under a new data key wrapped
     * under the case's key.
     *
     * @throws UploadTooLargeException past the upload limit (the staging object is removed)
     * @throws StorageUnavailableException when storage refuses or cannot be reached
     */
    public StagedEvidence stage(InputStream content, UUID caseId) throws IOException {
        return stage(content, "staging/", caseId);
    }

    /**
     * As {@link #stage(InputStream, UUID)}, under another prefix: imports keep their source file
     * there. With no case (a hash-set file) the data key is wrapped under the master key.
     */
    public StagedEvidence stage(InputStream content, String prefix, UUID caseId) throws IOException {
        SecretKey dataKey = keys.newDataKey();
        // Before a byte is stored: a key store that cannot be reached refuses the upload whole.
        WrappedKey wrapped = caseId == null ? keys.wrapForNoCase(dataKey) : keys.wrapForCase(caseId, dataKey);
        String stagingKey = prefix + UUID.randomUUID();
        ChunkPipe pipe = new ChunkPipe(PIPE_CHUNKS);
        Future<?> upload = uploads.submit(() -> {
            try (InputStream encrypted = cipher.encrypting(pipe.source(), dataKey)) {
                minio.putObject(PutObjectArgs.builder().bucket(bucket).object(stagingKey)
                        .stream(encrypted, -1, PART_SIZE).contentType("application/octet-stream").build());
            } catch (Exception e) {
                pipe.abort(new IOException("storage: " + e.getMessage(), e));
                throw new IllegalStateException(e);
            }
            return null;
        });
        MediaDigest digest;
        TeeInputStream tee = new TeeInputStream(content, pipe.sink(), maxUploadSize());
        try {
            digest = new MediaDigester().digest(tee);
            pipe.sink().close();
            upload.get();
        } catch (UploadTooLargeException e) {
            abandon(pipe, upload, stagingKey, e);
            throw e;
        } catch (ExecutionException e) {
            removeQuietly(stagingKey);
            throw new StorageUnavailableException("Evidence storage did not accept the file", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            abandon(pipe, upload, stagingKey, new IOException("interrupted"));
            throw new IOException("interrupted while storing evidence", e);
        } catch (IOException e) {
            abandon(pipe, upload, stagingKey, e);
            if (e.getMessage() != null && (e.getMessage().startsWith("aborted: storage")
                    || e.getMessage().contains("storage upload stalled"))) {
                throw new StorageUnavailableException("Evidence storage did not accept the file", e);
            }
            throw e;
        } catch (RuntimeException | Error e) {
            abandon(pipe, upload, stagingKey, new IOException("digesting failed"));
            throw e;
        }
        return new StagedEvidence(stagingKey, wrapped, digest);
    }

    /**
     * Moves a staged object to its content address and checks it. Returns the object key; the
     * caller records it, or calls {@link #remove} if it cannot.
     */
    public String promote(StagedEvidence staged) throws IOException {
        String finalKey = "blobs/" + staged.digest().sha256().substring(0, 2) + "/" + staged.digest().sha256() + "/"
                + UUID.randomUUID();
        try {
            copyWithRetries(staged.stagingKey(), finalKey);
        } finally {
            removeQuietly(staged.stagingKey());
        }
        if (config.verifyAfterWrite()) {
            String stored = sha256Of(finalKey, staged.wrappedKey().storageForm());
            if (!stored.equals(staged.digest().sha256())) {
                removeQuietly(finalKey);
                throw new IOException("Stored object " + finalKey + " does not hash back to " + staged.digest().sha256());
            }
        }
        return finalKey;
    }

    /**
     * Copies within the bucket, trying again twice after a short pause: the MinIO client does not
     * retry, while object stores answer a busy moment with a 5xx (S3's SlowDown) and a store on a
     * file system may remove a folder a concurrent delete left empty. A copy is safe to repeat.
     */
    private void copyWithRetries(String from, String to) throws StorageUnavailableException {
        long[] pauses = {100, 400};
        for (int attempt = 0; ; attempt++) {
            try {
                minio.copyObject(CopyObjectArgs.builder().bucket(bucket).object(to)
                        .source(CopySource.builder().bucket(bucket).object(from).build()).build());
                return;
            } catch (Exception e) {
                if (attempt >= pauses.length || e instanceof InterruptedException) {
                    throw new StorageUnavailableException("Evidence storage could not file the object", e);
                }
                LOG.warnf("Filing %s in evidence storage failed (%s); trying again", to, e.getMessage());
                try {
                    Thread.sleep(pauses[attempt]);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new StorageUnavailableException("Evidence storage could not file the object", e);
                }
            }
        }
    }

    /** The decrypted content of a stored object. Segments are authenticated as they are read. */
    public InputStream open(String objectKey, String wrappedKey) throws IOException {
        SecretKey dataKey = keys.unwrap(wrappedKey);
        try {
            InputStream encrypted = minio.getObject(GetObjectArgs.builder().bucket(bucket).object(objectKey).build());
            return cipher.decrypting(encrypted, dataKey);
        } catch (IOException e) {
            throw e;
        } catch (Exception e) {
            throw new StorageUnavailableException("Evidence storage could not be read", e);
        }
    }

    /** SHA-256 of the decrypted object: the download and after-write checks. */
    public String sha256Of(String objectKey, String wrappedKey) throws IOException {
        MessageDigest sha256 = sha256();
        try (InputStream in = new DigestInputStream(open(objectKey, wrappedKey), sha256)) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(sha256.digest());
    }

    public long storedSize(String objectKey) throws IOException {
        try {
            return minio.statObject(StatObjectArgs.builder().bucket(bucket).object(objectKey).build()).size();
        } catch (Exception e) {
            throw new StorageUnavailableException("Evidence storage could not be read", e);
        }
    }

    public void remove(String objectKey) {
        removeQuietly(objectKey);
    }

    /** Removes the object; false (logged) when the bucket could not, so that the caller tries again later. */
    public boolean delete(String objectKey) {
        try {
            minio.removeObject(RemoveObjectArgs.builder().bucket(bucket).object(objectKey).build());
            return true;
        } catch (Exception e) {
            LOG.warnf("Could not remove %s from evidence storage: %s", objectKey, e.getMessage());
            return false;
        }
    }

    private void abandon(ChunkPipe pipe, Future<?> upload, String stagingKey, IOException reason) {
        pipe.abort(reason);
        try {
            upload.get();
        } catch (Exception expected) {
            // The upload fails because we aborted it.
        }
        removeQuietly(stagingKey);
    }

    private void removeQuietly(String objectKey) {
        try {
            minio.removeObject(RemoveObjectArgs.builder().bucket(bucket).object(objectKey).build());
        } catch (Exception e) {
            LOG.warnf("Could not remove %s from evidence storage: %s", objectKey, e.getMessage());
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A digested, encrypted upload waiting for its content address. */
    public record StagedEvidence(String stagingKey, WrappedKey wrappedKey, MediaDigest digest) {
    }
}
