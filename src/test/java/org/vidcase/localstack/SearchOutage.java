package org.vidcase.localstack;

/** Takes Elasticsearch away (frozen, not stopped) for a test block, then brings it back. */
public final class SearchOutage implements AutoCloseable {

    private final LocalStack stack;

    private SearchOutage(LocalStack stack) {
        this.stack = stack;
        stack.suspendSearch();
    }

    public static SearchOutage begin() {
        return new SearchOutage(LocalStackTestResource.running());
    }

    @Override
    public void close() {
        stack.resumeSearch();
    }
}
