package org.vidcase.lead.api;

import java.time.Instant;
import java.util.UUID;
import org.vidcase.lead.domain.RecipientKind;
import org.vidcase.lead.domain.ReferralState;

/** A referral: what was referred, to whom, when, by whom, and the reply. */
public record ReferralView(UUID id, RecipientKind recipientKind, String recipient, String country, String subject,
                           ReferralState state, String recordedBy, Instant recordedAt, String sentBy, Instant sentAt,
                           String reply, String repliedBy, Instant repliedAt) {
}
