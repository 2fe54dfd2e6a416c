package org.vidcase.lead.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.vidcase.audit.service.AuditAction;
import org.vidcase.audit.service.AuditCase;
import org.vidcase.audit.service.AuditObject;
import org.vidcase.audit.service.Audited;
import org.vidcase.cases.service.CaseAccess;
import org.vidcase.lead.api.AssigneesRequest;
import org.vidcase.lead.api.CommentRequest;
import org.vidcase.lead.api.CreateLeadRequest;
import org.vidcase.lead.api.LeadEventView;
import org.vidcase.lead.api.LeadSummary;
import org.vidcase.lead.api.LeadView;
import org.vidcase.lead.api.LinksRequest;
import org.vidcase.lead.api.OutcomeRequest;
import org.vidcase.lead.api.PriorityFactors;
import org.vidcase.lead.api.ReopenRequest;
import org.vidcase.lead.api.StatusRequest;
import org.vidcase.lead.api.UpdateLeadRequest;
import org.vidcase.lead.domain.Lead;
import org.vidcase.lead.domain.LeadOutcome;
import org.vidcase.lead.domain.LeadRepository;
import org.vidcase.lead.domain.LeadStatus;
import org.vidcase.lead.domain.LeadWorkflow;
import org.vidcase.lead.domain.ReferralRepository;
import org.vidcase.shared.error.RuleViolationException;
import org.vidcase.shared.security.CurrentUser;

/**
 * Leads of a case, behind the case's need-to-know: the team reads them, its leads and members
 * (and supervisors) work them. Every read and change is audited; every change is kept field by
 * field in the lead's history; a change sent with an old version answers 409 and changes nothing.
 */
@ApplicationScoped
public class LeadService {

    private static final int LIST_LIMIT = 500;

    private final LeadRepository leads;
    private final ReferralRepository referrals;
    private final LeadRules rules;
    private final LeadViews views;
    private final LeadHistory history;
    private final LeadPriority priority;
    private final CaseAccess access;
    private final CurrentUser user;
    private final EntityManager em;

    public LeadService(LeadRepository leads, ReferralRepository referrals, LeadRules rules, LeadViews views,
                       LeadHistory history, LeadPriority priority, CaseAccess access, CurrentUser user,
                       EntityManager em) {
        this.leads = leads;
        this.referrals = referrals;
        this.rules = rules;
        this.views = views;
        this.history = history;
        this.priority = priority;
        this.access = access;
        this.user = user;
        this.em = em;
    }

    /** The case's leads, filtered; highest score first, then the earliest due. */
    @Audited(AuditAction.LEAD_LIST)
    @SuppressWarnings("unchecked")
    public List<LeadSummary> list(@AuditCase UUID caseId, LeadStatus status, String assignee, String band,
                                  Boolean overdue) {
        access.readable(caseId);
        if (band != null && !Set.of("HIGH", "MEDIUM", "LOW").contains(band)) {
            throw new RuleViolationException("priority must be HIGH, MEDIUM or LOW, not '" + band + "'");
        }
        StringBuilder sql = new StringBuilder("SELECT l.id FROM lead l WHERE l.case_id = :caseId");
        if (status != null) {
            sql.append(" AND l.status = :status");
        }
        if (assignee != null) {
            sql.append(" AND EXISTS (SELECT 1 FROM lead_assignee a WHERE a.lead_id = l.id AND a.username = :assignee)");
        }
        if (band != null) {
            sql.append(" AND ").append(priority.bandSql()).append(" = :band");
        }
        if (Boolean.TRUE.equals(overdue)) {
            sql.append(" AND l.status <> 'CLOSED' AND l.due_date < current_date");
        }
        sql.append(" ORDER BY coalesce(l.score_override, l.score) DESC, l.due_date NULLS LAST, l.reference LIMIT ")
                .append(LIST_LIMIT);
        var query = em.createNativeQuery(sql.toString(), UUID.class).setParameter("caseId", caseId);
        if (status != null) {
            query.setParameter("status", status.name());
        }
        if (assignee != null) {
            query.setParameter("assignee", assignee);
        }
        if (band != null) {
            query.setParameter("band", band);
        }
        List<UUID> ids = query.getResultList();
        return ids.stream().map(id -> views.summary(leads.findById(id))).toList();
    }

    @Audited(AuditAction.LEAD_VIEW)
    public LeadView get(@AuditCase UUID caseId, @AuditObject UUID leadId) {
        access.readable(caseId);
        return views.view(rules.found(caseId, leadId));
    }

    @Audited(AuditAction.LEAD_VIEW)
    public List<LeadEventView> history(@AuditCase UUID caseId, @AuditObject UUID leadId) {
        access.readable(caseId);
        rules.found(caseId, leadId);
        return history.of(leadId).stream()
                .map(e -> new LeadEventView(e.at(), e.actor(), e.action(), e.field(), e.oldValue(), e.newValue())).toList();
    }

    @Audited(AuditAction.LEAD_CREATE)
    public LeadView create(@AuditCase UUID caseId, @Valid @NotNull CreateLeadRequest request) {
        access.workable(caseId);
        List<String> assignees = request.assignees() == null ? List.of()
                : List.copyOf(new java.util.LinkedHashSet<>(request.assignees().stream().map(String::strip).toList()));
        List<UUID> series = LeadRules.distinct(request.seriesIds());
        List<UUID> media = LeadRules.distinct(request.mediaItemIds());
        rules.requireTeamWorkers(caseId, assignees);
        rules.requireSeriesOfCase(caseId, series);
        rules.requireMediaOfCase(caseId, media);
        Lead l = new Lead();
        l.id = UUID.randomUUID();
        l.caseId = caseId;
        l.reference = leads.nextReference();
        l.title = request.title().strip();
        l.description = request.description();
        l.dueDate = request.dueDate();
        applyFactors(l, request.factors());
        l.score = priority.score(l);
        l.status = assignees.isEmpty() ? LeadStatus.OPEN : LeadStatus.ASSIGNED;
        l.createdBy = user.name();
        l.createdAt = Instant.now();
        l.updatedAt = l.createdAt;
        leads.persist(l);
        leads.flush();
        history.event(l.id, user.name(), "created", l.reference + ": " + l.title);
        history.changed(l.id, user.name(), "created", "status", null, l.status);
        history.changed(l.id, user.name(), "created", "score", null, l.score);
        history.changed(l.id, user.name(), "created", "dueDate", null, l.dueDate);
        assign(l, assignees);
        link(l, series, media);
        history.audit("lead " + l.reference + " created, status " + l.status + ", score " + l.score);
        return views.view(l);
    }

    @Audited(AuditAction.LEAD_UPDATE)
    public LeadView update(@AuditCase UUID caseId, @AuditObject UUID leadId, @Valid @NotNull UpdateLeadRequest request) {
        access.workable(caseId);
        if (request.dueDate() != null && Boolean.TRUE.equals(request.clearDueDate())) {
            throw new RuleViolationException("Give a dueDate or clearDueDate, not both");
        }
        if (request.scoreOverride() != null && Boolean.TRUE.equals(request.clearScoreOverride())) {
            throw new RuleViolationException("Give a scoreOverride or clearScoreOverride, not both");
        }
        Lead l = rules.lockedAt(caseId, leadId, request.version());
        LeadRules.requireNotClosed(l);
        String me = user.name();
        boolean changed = false;
        if (request.title() != null) {
            changed |= history.changed(l.id, me, "updated", "title", l.title, request.title().strip());
            l.title = request.title().strip();
        }
        if (request.description() != null) {
            changed |= history.changed(l.id, me, "updated", "description", l.description, request.description());
            l.description = request.description();
        }
        if (request.dueDate() != null || Boolean.TRUE.equals(request.clearDueDate())) {
            LocalDate due = Boolean.TRUE.equals(request.clearDueDate()) ? null : request.dueDate();
            changed |= history.changed(l.id, me, "updated", "dueDate", l.dueDate, due);
            l.dueDate = due;
        }
        if (request.factors() != null) {
            Lead before = copyFactors(l);
            applyFactors(l, request.factors());
            changed |= history.changed(l.id, me, "priority", "ongoingAbuse", before.ongoingAbuse, l.ongoingAbuse);
            changed |= history.changed(l.id, me, "priority", "recentProduction", before.recentProduction, l.recentProduction);
            changed |= history.changed(l.id, me, "priority", "youngAge", before.youngAge, l.youngAge);
            changed |= history.changed(l.id, me, "priority", "newSeries", before.newSeries, l.newSeries);
            changed |= history.changed(l.id, me, "priority", "inCountry", before.inCountry, l.inCountry);
            short score = priority.score(l);
            changed |= history.changed(l.id, me, "priority", "score", l.score, score);
            l.score = score;
        }
        if (request.scoreOverride() != null) {
            short to = request.scoreOverride().score().shortValue();
            String reason = request.scoreOverride().reason().strip();
            boolean c = history.changed(l.id, me, "priority", "scoreOverride", l.scoreOverride, to);
            c |= history.changed(l.id, me, "priority", "overrideReason", l.overrideReason, reason);
            if (c) {
                l.scoreOverride = to;
                l.overrideReason = reason;
                l.overrideBy = me;
                l.overrideAt = Instant.now();
                changed = true;
            }
        }
        if (Boolean.TRUE.equals(request.clearScoreOverride()) && l.scoreOverride != null) {
            history.changed(l.id, me, "priority", "scoreOverride", l.scoreOverride, null);
            l.scoreOverride = null;
            l.overrideReason = null;
            l.overrideBy = null;
            l.overrideAt = null;
            changed = true;
        }
        if (changed) {
            LeadRules.touch(l);
            history.audit("lead " + l.reference + " updated; score " + l.effectiveScore());
        }
        return views.view(l);
    }

    @Audited(AuditAction.LEAD_ASSIGN)
    public LeadView setAssignees(@AuditCase UUID caseId, @AuditObject UUID leadId, @Valid @NotNull AssigneesRequest request) {
        access.workable(caseId);
        Lead l = rules.lockedAt(caseId, leadId, request.version());
        LeadRules.requireNotClosed(l);
        List<String> wanted = List.copyOf(new java.util.LinkedHashSet<>(request.usernames().stream().map(String::strip).toList()));
        rules.requireTeamWorkers(caseId, wanted);
        List<String> before = views.assignees(l.id);
        if (before.equals(wanted.stream().sorted().toList())) {
            return views.view(l);
        }
        em.createNativeQuery("DELETE FROM lead_assignee WHERE lead_id = ?1 AND NOT (username = ANY(CAST(?2 AS varchar[])))")
                .setParameter(1, l.id).setParameter(2, wanted.toArray(String[]::new)).executeUpdate();
        assign(l, wanted.stream().filter(u -> !before.contains(u)).toList());
        history.changed(l.id, user.name(), "assigned", "assignees", String.join(", ", before),
                String.join(", ", wanted.stream().sorted().toList()));
        if (l.status == LeadStatus.OPEN && !wanted.isEmpty()) {
            move(l, LeadStatus.ASSIGNED, "assigned");
        }
        LeadRules.touch(l);
        history.audit("lead " + l.reference + " assignees: " + wanted);
        return views.view(l);
    }

    @Audited(AuditAction.LEAD_LINK)
    public LeadView setLinks(@AuditCase UUID caseId, @AuditObject UUID leadId, @Valid @NotNull LinksRequest request) {
        access.workable(caseId);
        Lead l = rules.lockedAt(caseId, leadId, request.version());
        LeadRules.requireNotClosed(l);
        boolean changed = false;
        if (request.seriesIds() != null) {
            List<UUID> series = LeadRules.distinct(request.seriesIds());
            rules.requireSeriesOfCase(caseId, series);
            changed |= replace(l, "lead_series", "series_id", "series", series);
        }
        if (request.mediaItemIds() != null) {
            List<UUID> media = LeadRules.distinct(request.mediaItemIds());
            rules.requireMediaOfCase(caseId, media);
            changed |= replace(l, "lead_media", "media_item_id", "mediaItems", media);
        }
        if (changed) {
            LeadRules.touch(l);
            history.audit("lead " + l.reference + " links changed");
        }
        return views.view(l);
    }

    /** A move the caller asks for: on request, or closing with outcomes. */
    @Audited(AuditAction.LEAD_STATUS)
    public LeadView changeStatus(@AuditCase UUID caseId, @AuditObject UUID leadId, @Valid @NotNull StatusRequest request) {
        access.workable(caseId);
        Lead l = rules.lockedAt(caseId, leadId, request.version());
        LeadStatus to = request.status();
        if (to == l.status) {
            throw illegal(l, to);
        }
        boolean closing = to == LeadStatus.CLOSED;
        LeadWorkflow.Trigger trigger = closing ? LeadWorkflow.Trigger.CLOSE : LeadWorkflow.Trigger.REQUEST;
        if (!LeadWorkflow.allows(l.status, to, trigger)) {
            throw illegal(l, to);
        }
        if (!closing && request.outcomes() != null && !request.outcomes().isEmpty()) {
            throw new RuleViolationException("Outcomes are given when a lead is closed, not when it moves to " + to);
        }
        if (to == LeadStatus.ASSIGNED && views.assignees(l.id).isEmpty()) {
            throw new RuleViolationException("Lead " + l.reference + " has nobody assigned: assign someone first");
        }
        if (closing) {
            close(l, request.outcomes());
        } else {
            move(l, to, "status");
        }
        LeadRules.touch(l);
        history.audit("lead " + l.reference + " now " + l.status);
        return views.view(l);
    }

    /** A supervisor reopens a closed lead, with a reason, to the state it was closed from. */
    @Audited(AuditAction.LEAD_REOPEN)
    public LeadView reopen(@AuditCase UUID caseId, @AuditObject UUID leadId, @Valid @NotNull ReopenRequest request) {
        access.workable(caseId);
        Lead l = rules.lockedAt(caseId, leadId, request.version());
        if (l.status != LeadStatus.CLOSED) {
            throw new RuleViolationException("Lead " + l.reference + " is " + l.status + ", not closed; from " + l.status
                    + " it may move to: " + LeadWorkflow.describeFrom(l.status));
        }
        LeadStatus to = l.closedFrom == null ? LeadStatus.OPEN : l.closedFrom;
        // A referral that returned while the lead was closed leaves nothing to wait for.
        if (to == LeadStatus.REFERRED && referrals.outstanding(l.id) == 0) {
            to = LeadStatus.IN_PROGRESS;
        }
        if (to == LeadStatus.ASSIGNED && views.assignees(l.id).isEmpty()) {
            to = LeadStatus.OPEN;
        }
        history.event(l.id, user.name(), "reopened", request.reason().strip());
        move(l, to, "reopened");
        l.closedFrom = null;
        l.closedAt = null;
        LeadRules.touch(l);
        history.audit("lead " + l.reference + " reopened to " + to + ": " + request.reason().strip());
        return views.view(l);
    }

    @Audited(AuditAction.LEAD_COMMENT)
    public LeadView comment(@AuditCase UUID caseId, @AuditObject UUID leadId, @Valid @NotNull CommentRequest request) {
        access.workable(caseId);
        Lead l = rules.locked(caseId, leadId);
        em.createNativeQuery("INSERT INTO lead_comment (id, lead_id, author, at, body) VALUES (?1, ?2, ?3, ?4, ?5)")
                .setParameter(1, UUID.randomUUID()).setParameter(2, l.id).setParameter(3, user.name())
                .setParameter(4, Instant.now()).setParameter(5, request.text()).executeUpdate();
        history.event(l.id, user.name(), "commented", request.text().length() > 200
                ? request.text().substring(0, 200) + "…" : request.text());
        LeadRules.touch(l);
        history.audit("comment on lead " + l.reference);
        return views.view(l);
    }

    /** Moves the lead and records the change of status (the caller checked the workflow). */
    void move(Lead l, LeadStatus to, String action) {
        history.changed(l.id, user.name(), action, "status", l.status, to);
        l.status = to;
    }

    private void close(Lead l, List<OutcomeRequest> outcomes) {
        if (outcomes == null || outcomes.isEmpty()) {
            throw new RuleViolationException("A lead is closed with at least one outcome (VICTIM_IDENTIFIED, "
                    + "OFFENDER_IDENTIFIED or NO_FURTHER_ACTION), each dated");
        }
        Set<LeadOutcome> seen = EnumSet.noneOf(LeadOutcome.class);
        for (OutcomeRequest o : outcomes) {
            if (!seen.add(o.outcome())) {
                throw new RuleViolationException("Outcome " + o.outcome() + " is given twice");
            }
            if (o.date().isAfter(LocalDate.now().plusDays(1))) {
                throw new RuleViolationException("Outcome " + o.outcome() + " is dated in the future: " + o.date());
            }
        }
        if (seen.contains(LeadOutcome.NO_FURTHER_ACTION) && seen.size() > 1) {
            throw new RuleViolationException("NO_FURTHER_ACTION cannot go with an identification outcome");
        }
        l.closings++;
        Instant now = Instant.now();
        for (OutcomeRequest o : outcomes) {
            em.createNativeQuery("""
                            INSERT INTO lead_outcome (lead_id, closing, outcome, outcome_date, recorded_by, recorded_at)
                            VALUES (?1, ?2, ?3, ?4, ?5, ?6)""")
                    .setParameter(1, l.id).setParameter(2, l.closings).setParameter(3, o.outcome().name())
                    .setParameter(4, o.date()).setParameter(5, user.name()).setParameter(6, now).executeUpdate();
        }
        history.changed(l.id, user.name(), "closed", "outcomes", null,
                outcomes.stream().map(o -> o.outcome() + " " + o.date()).collect(Collectors.joining(", ")));
        l.closedFrom = l.status;
        l.closedAt = now;
        move(l, LeadStatus.CLOSED, "closed");
    }

    private static RuleViolationException illegal(Lead l, LeadStatus to) {
        return new RuleViolationException("Lead " + l.reference + " cannot move from " + l.status + " to " + to
                + " on request; from " + l.status + " it may move to: " + LeadWorkflow.describeFrom(l.status));
    }

    private void assign(Lead l, List<String> usernames) {
        Instant now = Instant.now();
        for (String u : usernames) {
            em.createNativeQuery("""
                            INSERT INTO lead_assignee (lead_id, username, assigned_by, assigned_at) VALUES (?1, ?2, ?3, ?4)
                            ON CONFLICT DO NOTHING""")
                    .setParameter(1, l.id).setParameter(2, u).setParameter(3, user.name()).setParameter(4, now)
                    .executeUpdate();
        }
        if (!usernames.isEmpty() && l.version == 0) {
            history.changed(l.id, user.name(), "created", "assignees", null, String.join(", ", usernames.stream().sorted().toList()));
        }
    }

    private void link(Lead l, List<UUID> series, List<UUID> media) {
        replace(l, "lead_series", "series_id", "series", series);
        replace(l, "lead_media", "media_item_id", "mediaItems", media);
    }

    /** Makes the link table hold exactly these ids; records the change. */
    @SuppressWarnings("unchecked")
    private boolean replace(Lead l, String table, String column, String field, List<UUID> wanted) {
        List<UUID> before = em.createNativeQuery("SELECT " + column + " FROM " + table + " WHERE lead_id = ?1 ORDER BY " + column,
                UUID.class).setParameter(1, l.id).getResultList();
        if (new java.util.HashSet<>(before).equals(new java.util.HashSet<>(wanted))) {
            return false;
        }
        em.createNativeQuery("DELETE FROM " + table + " WHERE lead_id = ?1 AND NOT (" + column + " = ANY(CAST(?2 AS uuid[])))")
                .setParameter(1, l.id).setParameter(2, wanted.toArray(UUID[]::new)).executeUpdate();
        Instant now = Instant.now();
        for (UUID id : wanted) {
            if (!before.contains(id)) {
                em.createNativeQuery("INSERT INTO " + table + " (lead_id, " + column + ", linked_by, linked_at) VALUES (?1, ?2, ?3, ?4)")
                        .setParameter(1, l.id).setParameter(2, id).setParameter(3, user.name()).setParameter(4, now)
                        .executeUpdate();
            }
        }
        List<UUID> sorted = new ArrayList<>(wanted);
        sorted.sort(null);
        history.changed(l.id, user.name(), "linked", field, before.isEmpty() ? null : before.toString(),
                sorted.isEmpty() ? null : sorted.toString());
        return true;
    }

    private static void applyFactors(Lead l, PriorityFactors f) {
        if (f == null) {
            return;
        }
        if (f.ongoingAbuse() != null) {
            l.ongoingAbuse = f.ongoingAbuse();
        }
        if (f.recentProduction() != null) {
            l.recentProduction = f.recentProduction();
        }
        if (f.youngAge() != null) {
            l.youngAge = f.youngAge();
        }
        if (f.newSeries() != null) {
            l.newSeries = f.newSeries();
        }
        if (f.inCountry() != null) {
            l.inCountry = f.inCountry();
        }
    }

    private static Lead copyFactors(Lead l) {
        Lead c = new Lead();
        c.ongoingAbuse = l.ongoingAbuse;
        c.recentProduction = l.recentProduction;
        c.youngAge = l.youngAge;
        c.newSeries = l.newSeries;
        c.inCountry = l.inCountry;
        return c;
    }
}
