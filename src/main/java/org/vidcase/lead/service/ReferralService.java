package org.vidcase.lead.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.UUID;
import org.vidcase.audit.service.AuditAction;
import org.vidcase.audit.service.AuditCase;
import org.vidcase.audit.service.AuditObject;
import org.vidcase.audit.service.Audited;
import org.vidcase.cases.domain.CaseStatus;
import org.vidcase.cases.domain.VidCase;
import org.vidcase.cases.service.CaseAccess;
import org.vidcase.lead.api.LeadView;
import org.vidcase.lead.api.ReferralRequest;
import org.vidcase.lead.api.ReplyRequest;
import org.vidcase.lead.domain.Lead;
import org.vidcase.lead.domain.LeadStatus;
import org.vidcase.lead.domain.LeadWorkflow;
import org.vidcase.lead.domain.RecipientKind;
import org.vidcase.lead.domain.Referral;
import org.vidcase.lead.domain.ReferralRepository;
import org.vidcase.lead.domain.ReferralState;
import org.vidcase.shared.error.ConflictException;
import io.quarkus.security.ForbiddenException;
import org.vidcase.shared.error.ResourceNotFoundException;
import org.vidcase.shared.error.RuleViolationException;
import org.vidcase.shared.security.CurrentUser;
import org.vidcase.shared.security.Roles;

/**
 * Referrals of a lead. A referral to an agency at home is sent when it is recorded; a referral
 * abroad waits until a liaison officer on the case's team dispatches it (the unit's international
 * channel). Sending moves an IN_PROGRESS lead to REFERRED; when the last referral out returns, the
 * lead goes back to IN_PROGRESS. Recording, dispatching and replies are audited as disclosures
 * with the recipient, and kept in the lead's history.
 */
@ApplicationScoped
public class ReferralService {

    private final ReferralRepository referrals;
    private final LeadRules rules;
    private final LeadViews views;
    private final LeadHistory history;
    private final CaseAccess access;
    private final CurrentUser user;

    public ReferralService(ReferralRepository referrals, LeadRules rules, LeadViews views, LeadHistory history,
                           CaseAccess access, CurrentUser user) {
        this.referrals = referrals;
        this.rules = rules;
        this.views = views;
        this.history = history;
        this.access = access;
        this.user = user;
    }

    @Audited(AuditAction.LEAD_REFERRAL_RECORD)
    public LeadView record(@AuditCase UUID caseId, @AuditObject UUID leadId, @Valid @NotNull ReferralRequest request) {
        access.workable(caseId);
        Lead lead = rules.locked(caseId, leadId);
        LeadRules.requireNotClosed(lead);
        if (lead.status != LeadStatus.IN_PROGRESS && lead.status != LeadStatus.REFERRED) {
            throw new RuleViolationException("Lead " + lead.reference + " is " + lead.status
                    + "; a lead is referred once work on it is IN_PROGRESS");
        }
        Referral r = new Referral();
        r.id = UUID.randomUUID();
        r.leadId = lead.id;
        r.recipientKind = request.recipientKind();
        r.recipient = request.recipient().strip();
        r.subject = request.subject().strip();
        r.recordedBy = user.name();
        r.recordedAt = Instant.now();
        if (r.recipientKind == RecipientKind.COUNTRY) {
            r.country = LeadRules.country(request.country(), "country");
            r.state = ReferralState.AWAITING_DISPATCH;
        } else {
            if (request.country() != null) {
                throw new RuleViolationException("A referral to an agency at home has no country; a referral abroad "
                        + "has recipientKind COUNTRY");
            }
            r.state = ReferralState.SENT;
            r.sentBy = r.recordedBy;
            r.sentAt = r.recordedAt;
        }
        referrals.persist(r);
        history.changed(lead.id, user.name(), "referral-recorded", "referral " + r.id, null, describe(r));
        if (r.state == ReferralState.SENT) {
            sent(lead);
        }
        LeadRules.touch(lead);
        history.audit("lead " + lead.reference + " referred to " + describe(r)
                + (r.state == ReferralState.SENT ? ", sent" : ", awaiting dispatch by a liaison officer"));
        return views.view(lead);
    }

    /** A liaison officer on the team sends a referral abroad. */
    @Audited(AuditAction.LEAD_REFERRAL_DISPATCH)
    public LeadView dispatch(@AuditCase UUID caseId, @AuditObject UUID leadId, UUID referralId) {
        requireLiaisonOnTeam(caseId);
        Lead lead = rules.locked(caseId, leadId);
        Referral r = found(lead, referralId);
        LeadRules.requireNotClosed(lead);
        if (r.state != ReferralState.AWAITING_DISPATCH) {
            throw new ConflictException("Referral " + r.id + " is " + r.state + "; only a referral abroad awaiting "
                    + "dispatch is dispatched");
        }
        r.state = ReferralState.SENT;
        r.sentBy = user.name();
        r.sentAt = Instant.now();
        history.changed(lead.id, user.name(), "referral-dispatched", "referral " + r.id, ReferralState.AWAITING_DISPATCH,
                ReferralState.SENT);
        sent(lead);
        LeadRules.touch(lead);
        history.audit("disclosure: lead " + lead.reference + " referral dispatched to " + describe(r));
        return views.view(lead);
    }

    /**
     * Records the reply to a sent referral, which returns it: a reply from an agency at home by the
     * team, a reply from abroad by a liaison officer on the team.
     */
    @Audited(AuditAction.LEAD_REFERRAL_REPLY)
    public LeadView reply(@AuditCase UUID caseId, @AuditObject UUID leadId, UUID referralId,
                          @Valid @NotNull ReplyRequest request) {
        access.readable(caseId);
        Lead lead = rules.locked(caseId, leadId);
        Referral r = found(lead, referralId);
        if (r.recipientKind == RecipientKind.COUNTRY) {
            requireLiaisonOnTeam(caseId);
        } else {
            access.workable(caseId);
        }
        if (r.state != ReferralState.SENT) {
            throw new ConflictException("Referral " + r.id + " is " + r.state + "; a reply is recorded for a sent referral");
        }
        r.state = ReferralState.RETURNED;
        r.reply = request.reply().strip();
        r.repliedBy = user.name();
        r.repliedAt = Instant.now();
        history.changed(lead.id, user.name(), "referral-returned", "referral " + r.id, ReferralState.SENT,
                ReferralState.RETURNED);
        referrals.flush();
        if (lead.status == LeadStatus.REFERRED && referrals.outstanding(lead.id) == 0
                && LeadWorkflow.allows(lead.status, LeadStatus.IN_PROGRESS, LeadWorkflow.Trigger.REFERRAL_RETURNED)) {
            move(lead, LeadStatus.IN_PROGRESS, "referral-returned");
        }
        LeadRules.touch(lead);
        history.audit("lead " + lead.reference + " referral to " + describe(r) + " returned");
        return views.view(lead);
    }

    private void sent(Lead lead) {
        if (LeadWorkflow.allows(lead.status, LeadStatus.REFERRED, LeadWorkflow.Trigger.REFERRAL_SENT)) {
            move(lead, LeadStatus.REFERRED, "referral-sent");
        }
    }

    private void move(Lead lead, LeadStatus to, String action) {
        history.changed(lead.id, user.name(), action, "status", lead.status, to);
        lead.status = to;
    }

    private Referral found(Lead lead, UUID referralId) {
        return referrals.ofLead(lead.id, referralId).orElseThrow(() -> new ResourceNotFoundException("Referral", referralId));
    }

    /** A liaison officer who is on the case's team (any role) and the case still open. */
    private void requireLiaisonOnTeam(UUID caseId) {
        VidCase c = access.readable(caseId);
        if (!user.hasRole(Roles.LIAISON)) {
            throw new ForbiddenException();
        }
        if (c.status != CaseStatus.OPEN) {
            throw new ConflictException("Case " + c.reference + " is closed");
        }
    }

    private static String describe(Referral r) {
        return r.recipientKind + " " + r.recipient + (r.country == null ? "" : " (" + r.country + ")") + ": " + r.subject;
    }
}
