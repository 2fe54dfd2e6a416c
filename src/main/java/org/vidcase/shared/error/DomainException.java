package org.vidcase.shared.error;

/** Root of the business exceptions; the problem mapper turns each subclass into its status. */
public abstract class DomainException extends RuntimeException {
    protected DomainException(String message) {
        super(message);
    }
}
