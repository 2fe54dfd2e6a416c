package org.vidcase.shared.error;

/**
 * The object exists but the caller is not on a need-to-know basis for it. Answers exactly like
 * a missing object (404) so that existence does not leak; the audit trail records a denial.
 */
public class HiddenResourceException extends ResourceNotFoundException {
    public HiddenResourceException(String type, Object id) {
        super(type, id);
    }
}
