package org.vidcase.shared.error;

/** A body larger than the configured limit; nothing of it was kept: 413. */
public class ContentTooLargeException extends DomainException {
    public ContentTooLargeException(String message) {
        super(message);
    }
}
