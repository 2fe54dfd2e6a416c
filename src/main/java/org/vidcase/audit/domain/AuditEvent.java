package org.vidcase.audit.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.Immutable;

/** One row of the append-only, hash-chained audit trail. Never updated or deleted. */
@Entity
@Immutable
@Table(name = "audit_event")
public class AuditEvent {

    @Id
    public long seq;

    @Column(nullable = false, unique = true)
    public UUID id;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    @Column(nullable = false)
    public String actor;

    @Column(nullable = false)
    public String action;

    @Column(name = "object_type")
    public String objectType;

    @Column(name = "object_id")
    public String objectId;

    @Column(name = "case_id")
    public UUID caseId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public AuditOutcome outcome;

    public String justification;

    @Column(name = "request_id")
    public String requestId;

    public String detail;

    /** The realm session (token {@code sid}) the request came from. */
    @Column(name = "session_id")
    public String sessionId;

    /** How the user authenticated: {@code acr=1 amr=pwd,otp}. */
    public String authentication;

    @Column(name = "prev_hash", nullable = false)
    public String prevHash;

    @Column(nullable = false)
    public String hash;
}
