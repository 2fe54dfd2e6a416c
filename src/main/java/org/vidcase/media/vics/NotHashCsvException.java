package org.vidcase.media.vics;

import org.vidcase.shared.error.RuleViolationException;

/** The upload is not a hash CSV this importer understands; raised from the header, before any record. */
public class NotHashCsvException extends RuleViolationException {
    public NotHashCsvException(String message) {
        super(message);
    }
}
