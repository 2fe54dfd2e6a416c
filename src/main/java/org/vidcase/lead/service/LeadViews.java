package org.vidcase.lead.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.vidcase.lead.api.ClueView;
import org.vidcase.lead.api.LeadSummary;
import org.vidcase.lead.api.LeadView;
import org.vidcase.lead.api.PriorityView;
import org.vidcase.lead.api.ReferralView;
import org.vidcase.lead.domain.Clue;
import org.vidcase.lead.domain.ClueRepository;
import org.vidcase.lead.domain.Lead;
import org.vidcase.lead.domain.LeadStatus;
import org.vidcase.lead.domain.LeadWorkflow;
import org.vidcase.lead.domain.Referral;
import org.vidcase.lead.domain.ReferralRepository;

/** Reads what a lead's view shows: links, clues, comments, referrals, outcomes, records. */
@ApplicationScoped
public class LeadViews {

    private final EntityManager em;
    private final ClueRepository clues;
    private final ReferralRepository referrals;
    private final LeadPriority priority;

    public LeadViews(EntityManager em, ClueRepository clues, ReferralRepository referrals, LeadPriority priority) {
        this.em = em;
        this.clues = clues;
        this.referrals = referrals;
        this.priority = priority;
    }

    public LeadView view(Lead l) {
        em.flush();
        List<LeadView.NextStatus> next = LeadWorkflow.from(l.status).stream()
                .map(t -> new LeadView.NextStatus(t.to(), t.trigger().name())).toList();
        return new LeadView(l.id, l.caseId, l.reference, l.title, l.description, l.status, l.dueDate, overdue(l),
                priorityOf(l), assignees(l.id), series(l.id), uuids("SELECT media_item_id FROM lead_media WHERE lead_id = ?1 "
                        + "ORDER BY linked_at, media_item_id", l.id),
                clues.ofLead(l.id).stream().map(c -> clue(c, null)).toList(), comments(l.id),
                referrals.ofLead(l.id).stream().map(LeadViews::referral).toList(), outcomes(l.id),
                uuids("SELECT identification_id FROM identification_lead WHERE lead_id = ?1 ORDER BY identification_id", l.id),
                next, l.createdBy, l.createdAt, l.updatedAt, l.closedAt, l.version);
    }

    public LeadSummary summary(Lead l) {
        int score = l.effectiveScore();
        return new LeadSummary(l.id, l.caseId, l.reference, l.title, l.status, l.dueDate, overdue(l), score,
                priority.band(score), assignees(l.id), l.version);
    }

    public PriorityView priorityOf(Lead l) {
        PriorityView.Override override = l.scoreOverride == null ? null
                : new PriorityView.Override(l.scoreOverride, l.overrideReason, l.overrideBy, l.overrideAt);
        return new PriorityView(l.ongoingAbuse, l.recentProduction, l.youngAge, l.newSeries, l.inCountry, l.score,
                override, l.effectiveScore(), priority.band(l.effectiveScore()));
    }

    public ClueView clue(Clue c, List<String> relatedElsewhere) {
        List<UUID> media = uuids("SELECT media_item_id FROM lead_clue_evidence WHERE clue_id = ?1 AND media_item_id IS NOT NULL "
                + "ORDER BY media_item_id", c.id);
        List<UUID> series = uuids("SELECT series_id FROM lead_clue_evidence WHERE clue_id = ?1 AND series_id IS NOT NULL "
                + "ORDER BY series_id", c.id);
        return new ClueView(c.id, c.type, c.value, c.latitude, c.longitude, c.confidence, media, series, c.addedBy,
                c.addedAt, c.updatedBy, c.updatedAt, c.withdrawnAt != null, c.withdrawnBy, c.withdrawnAt,
                c.withdrawReason, c.version, relatedElsewhere);
    }

    static ReferralView referral(Referral r) {
        return new ReferralView(r.id, r.recipientKind, r.recipient, r.country, r.subject, r.state, r.recordedBy,
                r.recordedAt, r.sentBy, r.sentAt, r.reply, r.repliedBy, r.repliedAt);
    }

    static boolean overdue(Lead l) {
        return l.status != LeadStatus.CLOSED && l.dueDate != null && l.dueDate.isBefore(LocalDate.now());
    }

    @SuppressWarnings("unchecked")
    List<String> assignees(UUID leadId) {
        return em.createNativeQuery("SELECT username FROM lead_assignee WHERE lead_id = ?1 ORDER BY username")
                .setParameter(1, leadId).getResultList();
    }

    @SuppressWarnings("unchecked")
    private List<LeadView.LinkedSeriesView> series(UUID leadId) {
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT s.id, s.reference, s.name, s.status, s.victim_identified, s.offender_identified
                          FROM lead_series ls JOIN series s ON s.id = ls.series_id
                         WHERE ls.lead_id = ?1 ORDER BY s.reference""")
                .setParameter(1, leadId).getResultList();
        return rows.stream().map(r -> new LeadView.LinkedSeriesView((UUID) r[0], (String) r[1], (String) r[2],
                (String) r[3], (Boolean) r[4], (Boolean) r[5])).toList();
    }

    @SuppressWarnings("unchecked")
    private List<LeadView.CommentView> comments(UUID leadId) {
        List<Object[]> rows = em.createNativeQuery("SELECT id, author, at, body FROM lead_comment WHERE lead_id = ?1 ORDER BY at, id")
                .setParameter(1, leadId).getResultList();
        return rows.stream().map(r -> new LeadView.CommentView((UUID) r[0], (String) r[1], instant(r[2]), (String) r[3]))
                .toList();
    }

    @SuppressWarnings("unchecked")
    private List<LeadView.OutcomeView> outcomes(UUID leadId) {
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT outcome, outcome_date, closing, recorded_by, recorded_at FROM lead_outcome
                         WHERE lead_id = ?1 ORDER BY closing, id""")
                .setParameter(1, leadId).getResultList();
        List<LeadView.OutcomeView> out = new ArrayList<>();
        for (Object[] r : rows) {
            LocalDate date = r[1] instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) r[1];
            out.add(new LeadView.OutcomeView((String) r[0], date, ((Number) r[2]).intValue(), (String) r[3], instant(r[4])));
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private List<UUID> uuids(String sql, UUID id) {
        return em.createNativeQuery(sql, UUID.class).setParameter(1, id).getResultList();
    }

    static Instant instant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        return ((Timestamp) value).toInstant();
    }
}
