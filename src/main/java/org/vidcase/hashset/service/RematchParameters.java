package org.vidcase.hashset.service;

import java.util.UUID;

/**
 * Which set changed and how: its entries now count (imported while active, activated, or entries
 * with a PDQ or vPDQ added by a pull of the hub subscription) or no longer do.
 */
public record RematchParameters(UUID setId, int indexId, Reason reason) {

    public enum Reason {
        IMPORTED, ACTIVATED, DEACTIVATED, ENTRIES_ADDED
    }
}
