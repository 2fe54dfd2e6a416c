package org.vidcase.media.infra;

import java.util.UUID;

import org.vidcase.shared.error.RuleViolationException;

/** The case was disposed of and its key destroyed: nothing can be stored or read under it again. */
public class DestroyedCaseKeyException extends RuleViolationException {

    public DestroyedCaseKeyException(UUID caseId) {
        super("The case " + caseId + " was disposed of: its evidence key is destroyed");
    }
}
