package org.vidcase.lead.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** An identification lead of one case. */
@Entity
@Table(name = "lead")
public class Lead {

    @Id
    public UUID id;

    @Column(name = "case_id", nullable = false)
    public UUID caseId;

    /** Unique in the deployment, e.g. {@code L-2026-000042}. */
    @Column(nullable = false)
    public String reference;

    @Column(nullable = false)
    public String title;

    public String description;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public LeadStatus status;

    @Column(name = "due_date")
    public LocalDate dueDate;

    @Column(name = "ongoing_abuse", nullable = false)
    public boolean ongoingAbuse;

    @Column(name = "recent_production", nullable = false)
    public boolean recentProduction;

    @Column(name = "young_age", nullable = false)
    public boolean youngAge;

    @Column(name = "new_series", nullable = false)
    public boolean newSeries;

    @Column(name = "in_country", nullable = false)
    public boolean inCountry;

    /** The weighted sum of the factors, as computed when they were last set. */
    @Column(nullable = false)
    public short score;

    @Column(name = "score_override")
    public Short scoreOverride;

    @Column(name = "override_reason")
    public String overrideReason;

    @Column(name = "override_by")
    public String overrideBy;

    @Column(name = "override_at")
    public Instant overrideAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "closed_from")
    public LeadStatus closedFrom;

    @Column(name = "closed_at")
    public Instant closedAt;

    @Column(nullable = false)
    public int closings;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** Raised by every change; a change sent with another version answers 409. */
    @Column(nullable = false)
    public long version;

    /** The score that counts: the override when there is one. */
    public int effectiveScore() {
        return scoreOverride != null ? scoreOverride : score;
    }
}
