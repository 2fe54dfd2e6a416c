package org.vidcase.seizure.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A seized device or exhibit within a case. */
@Entity
@Table(name = "seizure")
public class Seizure {

    @Id
    public UUID id;

    @Column(name = "case_id", nullable = false)
    public UUID caseId;

    /** The exhibit reference, unique within the case. */
    @Column(nullable = false)
    public String reference;

    @Column(name = "device_description")
    public String deviceDescription;

    @Column(name = "seized_at")
    public Instant seizedAt;

    @Column(name = "seized_by")
    public String seizedBy;

    @Column(name = "forensic_tool")
    public String forensicTool;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
