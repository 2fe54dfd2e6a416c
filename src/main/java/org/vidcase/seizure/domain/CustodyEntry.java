package org.vidcase.seizure.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.Immutable;

/** One hand-over in an exhibit's chain of custody. Append-only. */
@Entity
@Immutable
@Table(name = "custody_entry")
public class CustodyEntry {

    @Id
    public UUID id;

    @Column(name = "seizure_id", nullable = false)
    public UUID seizureId;

    @Column(nullable = false)
    public int seq;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    @Column(name = "from_party", nullable = false)
    public String fromParty;

    @Column(name = "to_party", nullable = false)
    public String toParty;

    @Column(nullable = false)
    public String purpose;

    @Column(name = "recorded_by", nullable = false)
    public String recordedBy;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;
}
