package org.vidcase.shared.error;

/** The request clashes with the current state (duplicate reference, already closed): 409. */
public class ConflictException extends DomainException {
    public ConflictException(String message) {
        super(message);
    }
}
