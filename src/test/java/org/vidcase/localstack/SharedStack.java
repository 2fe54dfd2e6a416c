package org.vidcase.localstack;

/**
 * One local stack for every failsafe IT of a run: started by the first that asks, stopped when the
 * JVM ends (LocalStack's own shutdown hook). ITs keep their data apart by database, index prefix
 * and bucket.
 */
public final class SharedStack {

    private static LocalStack stack;

    private SharedStack() {
    }

    public static synchronized LocalStack get() {
        if (stack == null) {
            stack = LocalStack.start();
        }
        return stack;
    }
}
