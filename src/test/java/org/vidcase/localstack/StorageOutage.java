package org.vidcase.localstack;

/** Takes the local object storage away for the duration of a test block, then brings it back. */
public final class StorageOutage implements AutoCloseable {

    private final LocalStack stack;

    private StorageOutage(LocalStack stack) throws Exception {
        this.stack = stack;
        stack.suspendObjectStorage();
    }

    public static StorageOutage begin() throws Exception {
        return new StorageOutage(LocalStackTestResource.running());
    }

    @Override
    public void close() throws Exception {
        stack.resumeObjectStorage();
    }
}
