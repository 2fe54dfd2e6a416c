package org.vidcase.localstack;

/** Takes Keycloak away (frozen, not stopped) for a test block, then brings it back. */
public final class KeycloakOutage implements AutoCloseable {

    private final LocalStack stack;

    private KeycloakOutage(LocalStack stack) {
        this.stack = stack;
        stack.suspendKeycloak();
    }

    public static KeycloakOutage begin() {
        return new KeycloakOutage(LocalStackTestResource.running());
    }

    @Override
    public void close() {
        stack.resumeKeycloak();
    }
}
