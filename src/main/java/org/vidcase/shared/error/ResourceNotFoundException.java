package org.vidcase.shared.error;

/** The object does not exist, or the caller may not know that it does (need-to-know): 404. */
public class ResourceNotFoundException extends DomainException {
    public ResourceNotFoundException(String type, Object id) {
        super(type + " " + id + " not found");
    }
}
