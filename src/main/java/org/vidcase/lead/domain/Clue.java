package org.vidcase.lead.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A clue of a lead; edited and withdrawn, never deleted. */
@Entity
@Table(name = "lead_clue")
public class Clue {

    @Id
    public UUID id;

    @Column(name = "lead_id", nullable = false)
    public UUID leadId;

    @Column(name = "case_id", nullable = false)
    public UUID caseId;

    @Enumerated(EnumType.STRING)
    @Column(name = "clue_type", nullable = false)
    public ClueType type;

    @Column(nullable = false)
    public String value;

    /** {@link ClueKeys#key}: what another case's clue is compared with; null when not compared. */
    @Column(name = "match_key")
    public String matchKey;

    public Double latitude;

    public Double longitude;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Confidence confidence;

    @Column(name = "added_by", nullable = false)
    public String addedBy;

    @Column(name = "added_at", nullable = false)
    public Instant addedAt;

    @Column(name = "updated_by")
    public String updatedBy;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Column(name = "withdrawn_by")
    public String withdrawnBy;

    @Column(name = "withdrawn_at")
    public Instant withdrawnAt;

    @Column(name = "withdraw_reason")
    public String withdrawReason;

    @Column(nullable = false)
    public long version;
}
