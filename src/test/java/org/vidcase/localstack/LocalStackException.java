package org.vidcase.localstack;

/** A service of the local stack failed to start; the message names it and shows its log's tail. */
public class LocalStackException extends RuntimeException {
    public LocalStackException(String message) {
        super(message);
    }

    public LocalStackException(String message, Throwable cause) {
        super(message, cause);
    }
}
