package org.vidcase.localstack;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Starts the local stack once per test run (Quarkus keeps one application for all tests that
 * share this resource) and points the application at it.
 */
public class LocalStackTestResource implements QuarkusTestResourceLifecycleManager {

    private static LocalStack stack;

    @Override
    public synchronized Map<String, String> start() {
        if (stack == null) {
            stack = LocalStack.start();
        }
        Map<String, String> config = new LinkedHashMap<>(stack.applicationProperties());
        config.put("vidcase-test.db.superuser-url", stack.postgresSuperuserJdbcUrl());
        config.put("vidcase-test.keys.superuser-url", stack.keysSuperuserJdbcUrl());
        config.put("vidcase-test.keycloak.url", stack.keycloakUrl());
        return config;
    }

    /** The running stack, for tests that act on a service itself (outages). */
    static synchronized LocalStack running() {
        if (stack == null) {
            throw new IllegalStateException("the local stack is not running in this class loader");
        }
        return stack;
    }

    @Override
    public synchronized void stop() {
        if (stack != null) {
            stack.close();
            stack = null;
        }
    }
}
