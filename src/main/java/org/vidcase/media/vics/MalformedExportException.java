package org.vidcase.media.vics;

import org.vidcase.shared.error.RuleViolationException;

/**
 * The export was recognised but breaks off or becomes unparseable part-way (truncated upload, unclosed quote).
 * Unlike a bad record this cannot be skipped: nothing after the damage can be located reliably.
 */
public class MalformedExportException extends RuleViolationException {
    public MalformedExportException(String message) {
        super(message);
    }
}
