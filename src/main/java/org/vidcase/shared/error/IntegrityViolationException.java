package org.vidcase.shared.error;

/** Stored evidence does not match its recorded hash: nothing is released, operators must look: 500. */
public class IntegrityViolationException extends DomainException {
    public IntegrityViolationException(String message) {
        super(message);
    }
}
