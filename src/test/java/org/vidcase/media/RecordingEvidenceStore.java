package org.vidcase.media;

import io.minio.MinioClient;
import jakarta.annotation.Priority;
import jakarta.inject.Singleton;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.vidcase.media.infra.EvidenceConfig;
import org.vidcase.media.infra.EvidenceKeys;
import org.vidcase.media.infra.EvidenceStore;
import org.vidcase.media.infra.EvidenceStore.StagedEvidence;
import org.vidcase.shared.storage.ObjectStorage;

/**
 * The real evidence store, with a record of the calls request threads make on it while a test asks
 * for one: what an observer of the bucket's traffic would see, in order. Not a fake: every call
 * goes to the real S3 store.
 */
@Alternative
@Priority(1)
@Singleton
public class RecordingEvidenceStore extends EvidenceStore {

    private static final List<String> CALLS = new ArrayList<>();
    private static volatile boolean recording;

    @Inject
    public RecordingEvidenceStore(MinioClient minio, ObjectStorage storage, EvidenceConfig config, EvidenceKeys keys) {
        super(minio, storage, config, keys);
    }

    static synchronized void start() {
        CALLS.clear();
        recording = true;
    }

    static synchronized List<String> stop() {
        recording = false;
        return List.copyOf(CALLS);
    }

    private static void record(String call) {
        // Calls made on behalf of an upload request only: background work (sweeps, jobs), which runs on
        // the same worker threads, is not the upload's own traffic.
        if (recording && StackWalker.getInstance().walk(frames -> frames.anyMatch(
                f -> f.getClassName().startsWith("org.vidcase.media.api.MediaResource")))) {
            synchronized (RecordingEvidenceStore.class) {
                CALLS.add(call);
            }
        }
    }

    @Override
    public StagedEvidence stage(InputStream content, UUID caseId) throws IOException {
        record("stage");
        return super.stage(content, caseId);
    }

    @Override
    public StagedEvidence stage(InputStream content, String prefix, UUID caseId) throws IOException {
        record("stage " + prefix);
        return super.stage(content, prefix, caseId);
    }

    @Override
    public String promote(StagedEvidence staged) throws IOException {
        record("promote");
        return super.promote(staged);
    }

    @Override
    public InputStream open(String objectKey, String wrappedKey) throws IOException {
        record("open");
        return super.open(objectKey, wrappedKey);
    }

    @Override
    public String sha256Of(String objectKey, String wrappedKey) throws IOException {
        record("sha256Of");
        return super.sha256Of(objectKey, wrappedKey);
    }

    @Override
    public long storedSize(String objectKey) throws IOException {
        record("storedSize");
        return super.storedSize(objectKey);
    }

    @Override
    public void remove(String objectKey) {
        record("remove");
        super.remove(objectKey);
    }

    @Override
    public boolean delete(String objectKey) {
        record("delete");
        return super.delete(objectKey);
    }
}
