package org.vidcase.retention.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * An entry of the disposal register: a case approved for disposal, and what its disposal removed.
 * It outlives the case it records and is never deleted.
 */
@Entity
@Table(name = "case_disposal")
public class CaseDisposal {

    @Id
    public UUID id;

    @Column(name = "case_id", nullable = false, unique = true)
    public UUID caseId;

    @Column(name = "case_reference", nullable = false)
    public String caseReference;

    public String unit;

    @Column(name = "closed_at", nullable = false)
    public Instant closedAt;

    @Column(name = "retain_until", nullable = false)
    public Instant retainUntil;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public DisposalState state;

    @Column(name = "approved_by", nullable = false)
    public String approvedBy;

    @Column(name = "approved_at", nullable = false)
    public Instant approvedAt;

    /** Why the case may go: the retention rule or decision that applies, as the approver gave it. */
    @Column(name = "legal_basis", nullable = false)
    public String legalBasis;

    @Column(name = "job_id")
    public UUID jobId;

    /** Rows removed per table, as JSON. */
    @Column(name = "rows_removed")
    public String rowsRemoved;

    /** Objects queued for removal from the bucket: content only this case held, and its imported files. */
    @Column(name = "objects_removed")
    public Integer objectsRemoved;

    /** Objects kept because another case still holds their content. */
    @Column(name = "objects_kept")
    public Integer objectsKept;

    @Column(name = "key_destroyed_at")
    public Instant keyDestroyedAt;

    @Column(name = "disposed_at")
    public Instant disposedAt;

    @Column(name = "stopped_reason")
    public String stoppedReason;
}
