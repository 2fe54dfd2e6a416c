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

/**
 * An identified victim or offender. It holds no name or identity (that stays in the unit's own
 * systems): a pseudonymous reference, when, by which country and unit, and (in link tables) the
 * leads and series it came from. It is what sets a series' identified flags.
 */
@Entity
@Table(name = "identification")
public class Identification {

    @Id
    public UUID id;

    @Column(name = "case_id", nullable = false)
    public UUID caseId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public IdentificationKind kind;

    @Column(nullable = false)
    public String reference;

    @Column(name = "identified_on", nullable = false)
    public LocalDate identifiedOn;

    @Column(nullable = false)
    public String country;

    @Column(nullable = false)
    public String unit;

    @Column(name = "recorded_by", nullable = false)
    public String recordedBy;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    @Column(name = "withdrawn_by")
    public String withdrawnBy;

    @Column(name = "withdrawn_at")
    public Instant withdrawnAt;

    @Column(name = "withdraw_reason")
    public String withdrawReason;
}
