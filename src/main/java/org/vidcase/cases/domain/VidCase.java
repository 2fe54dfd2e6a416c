package org.vidcase.cases.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** An investigation case; its team decides who may know of it and its material. */
@Entity
@Table(name = "vid_case")
public class VidCase {

    @Id
    public UUID id;

    /** The unit's own case reference, unique, e.g. NL-VID-2026-0142. */
    @Column(nullable = false, unique = true)
    public String reference;

    @Column(nullable = false)
    public String title;

    public String description;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CaseStatus status;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "closed_by")
    public String closedBy;

    @Column(name = "closed_at")
    public Instant closedAt;

    @Column(name = "closing_reason")
    public String closingReason;

    /** The unit of whoever opened the case; null for cases opened before units, or by a user without one. */
    public String unit;

    /**
     * Until when a closed case is kept; set when it is closed (closing time plus
     * {@code vidcase.retention.closed-case-period}). Null for cases closed before retention existed:
     * then the closing time plus the period as configured now.
     */
    @Column(name = "retain_until")
    public Instant retainUntil;

    /** A legal hold stops the case's disposal whatever its retention, until a supervisor lifts it. */
    @Column(name = "legal_hold", nullable = false)
    public boolean legalHold;

    @Column(name = "legal_hold_reason")
    public String legalHoldReason;

    @Column(name = "legal_hold_by")
    public String legalHoldBy;

    @Column(name = "legal_hold_at")
    public Instant legalHoldAt;

    @Version
    public long version;
}
