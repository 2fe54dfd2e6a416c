package org.vidcase.shared.error;

/** A backing service (storage, search) cannot be reached; nothing was stored: 503. */
public class ServiceUnavailableException extends DomainException {
    public ServiceUnavailableException(String message) {
        super(message);
    }
}
