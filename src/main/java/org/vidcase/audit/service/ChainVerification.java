package org.vidcase.audit.service;

import java.util.UUID;

/** Result of a chain verification: intact up to the head, or the first broken link. */
public record ChainVerification(boolean intact, long eventsChecked, String headHash, Long brokenAtSeq,
                                UUID brokenEventId, String reason) {

    static ChainVerification intact(long checked, String headHash) {
        return new ChainVerification(true, checked, headHash, null, null, null);
    }

    static ChainVerification broken(long checked, long seq, UUID id, String reason) {
        return new ChainVerification(false, checked, null, seq, id, reason);
    }
}
