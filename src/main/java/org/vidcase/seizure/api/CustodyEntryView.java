package org.vidcase.seizure.api;

import java.time.Instant;
import org.vidcase.seizure.domain.CustodyEntry;

public record CustodyEntryView(int seq, Instant occurredAt, String from, String to, String purpose, String recordedBy,
                               Instant recordedAt) {

    public static CustodyEntryView of(CustodyEntry e) {
        return new CustodyEntryView(e.seq, e.occurredAt, e.fromParty, e.toParty, e.purpose, e.recordedBy, e.recordedAt);
    }
}
