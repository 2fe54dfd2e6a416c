package org.vidcase.lead.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A lead referred to another agency or country: what, to whom, when, by whom, and the reply. */
@Entity
@Table(name = "lead_referral")
public class Referral {

    @Id
    public UUID id;

    @Column(name = "lead_id", nullable = false)
    public UUID leadId;

    @Enumerated(EnumType.STRING)
    @Column(name = "recipient_kind", nullable = false)
    public RecipientKind recipientKind;

    @Column(nullable = false)
    public String recipient;

    /** ISO 3166-1 alpha-2, for a referral abroad. */
    public String country;

    /** What was referred. */
    @Column(nullable = false)
    public String subject;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ReferralState state;

    @Column(name = "recorded_by", nullable = false)
    public String recordedBy;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    @Column(name = "sent_by")
    public String sentBy;

    @Column(name = "sent_at")
    public Instant sentAt;

    public String reply;

    @Column(name = "replied_by")
    public String repliedBy;

    @Column(name = "replied_at")
    public Instant repliedAt;
}
