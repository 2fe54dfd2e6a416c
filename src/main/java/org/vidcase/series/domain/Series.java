package org.vidcase.series.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** Pictures of one victim, scene or set, owned by one case and linked to others. */
@Entity
@Table(name = "series")
public class Series {

    @Id
    public UUID id;

    @Column(name = "case_id", nullable = false)
    public UUID caseId;

    /** Unique in the deployment, e.g. {@code S-2026-000042}. */
    @Column(nullable = false)
    public String reference;

    @Column(nullable = false)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public SeriesStatus status;

    @Column(name = "victim_identified", nullable = false)
    public boolean victimIdentified;

    @Column(name = "offender_identified", nullable = false)
    public boolean offenderIdentified;

    /** The identification record (and its lead) that set the victim-identified flag, if one did. */
    @Column(name = "victim_record")
    public UUID victimRecord;

    @Column(name = "victim_lead")
    public UUID victimLead;

    /** The identification record (and its lead) that set the offender-identified flag, if one did. */
    @Column(name = "offender_record")
    public UUID offenderRecord;

    @Column(name = "offender_lead")
    public UUID offenderLead;

    public String notes;

    /** The series that took this one's members when it was merged, else null. */
    @Column(name = "merged_into")
    public UUID mergedInto;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /**
     * Raised by every change, members included; changes take a row lock and compare it, so that
     * an edit based on an older read answers 409.
     */
    @Column(nullable = false)
    public long version;
}
