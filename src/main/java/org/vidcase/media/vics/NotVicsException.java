package org.vidcase.media.vics;

import org.vidcase.shared.error.RuleViolationException;

/** The upload is not a Project VIC (VICS) JSON export; raised before any record is delivered. */
public class NotVicsException extends RuleViolationException {
    public NotVicsException(String message) {
        super(message);
    }
}
