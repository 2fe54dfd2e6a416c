package org.vidcase.exchange.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/**
 * A package of the node: its payload exactly as it is (or will be) signed, who composed it, who
 * decided on it, and whether it left. The id is the package id that travels.
 */
@Entity
@Table(name = "exchange_package")
public class ExchangePackage {

    @Id
    public UUID id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public PackageKind kind;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public PackageState state;

    @Column(nullable = false)
    public String country;

    /** The composer's criteria as JSON; internal ids stay here, never in the payload. */
    public String selection;

    /** The canonical payload JSON. */
    @Column(nullable = false)
    public byte[] payload;

    @Column(name = "payload_sha256", nullable = false)
    public String payloadSha256;

    @Column(name = "entry_count", nullable = false)
    public int entryCount;

    @Column(name = "feedback_count", nullable = false)
    public int feedbackCount;

    @Column(name = "revocation_count", nullable = false)
    public int revocationCount;

    /** What the selection found but the package leaves out, and why, as JSON counts. */
    @Column(name = "left_out")
    public String leftOut;

    @Column(name = "composed_by", nullable = false)
    public String composedBy;

    @Column(name = "composed_at", nullable = false)
    public Instant composedAt;

    @Column(name = "decided_by")
    public String decidedBy;

    @Column(name = "decided_at")
    public Instant decidedAt;

    @Column(name = "refusal_reason")
    public String refusalReason;

    @Column(name = "key_id")
    public String keyId;

    /** The signed package (compact JWS), once approved. */
    public String jws;

    @Column(name = "sent_by")
    public String sentBy;

    @Column(name = "sent_at")
    public Instant sentAt;

    /** The hub's answer to the last sending, as JSON. */
    @Column(name = "hub_answer")
    public String hubAnswer;

    @Version
    public long version;
}
