package org.vidcase.lead.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.vidcase.audit.service.AuditAction;
import org.vidcase.audit.service.AuditDetails;
import org.vidcase.audit.service.Audited;
import org.vidcase.cases.service.CaseAccess;
import org.vidcase.lead.api.DashboardView;
import org.vidcase.lead.api.LeadSummary;
import org.vidcase.lead.domain.LeadRepository;
import org.vidcase.lead.domain.LeadStatus;
import org.vidcase.shared.security.CurrentUser;

/**
 * The morning view over every case the caller may see: open leads assigned to them, open leads
 * of their cases, overdue ones, and counts of all leads by status and of open leads by priority
 * band. Each list is highest priority first, then earliest due, and holds at most
 * {@value #LIMIT}.
 */
@ApplicationScoped
public class LeadDashboard {

    static final int LIMIT = 100;
    private static final String ORDER = " ORDER BY coalesce(l.score_override, l.score) DESC, l.due_date NULLS LAST, l.reference";

    private final LeadRepository leads;
    private final LeadViews views;
    private final LeadPriority priority;
    private final CaseAccess access;
    private final CurrentUser user;
    private final EntityManager em;

    public LeadDashboard(LeadRepository leads, LeadViews views, LeadPriority priority, CaseAccess access,
                         CurrentUser user, EntityManager em) {
        this.leads = leads;
        this.views = views;
        this.priority = priority;
        this.access = access;
        this.user = user;
        this.em = em;
    }

    @Audited(AuditAction.LEAD_DASHBOARD)
    public DashboardView open() {
        UUID[] cases = access.readableCaseIds().toArray(UUID[]::new);
        String scope = "FROM lead l WHERE l.case_id = ANY(CAST(?1 AS uuid[]))";
        String open = scope + " AND l.status <> 'CLOSED'";
        List<LeadSummary> mine = summaries("SELECT l.id " + open
                + " AND EXISTS (SELECT 1 FROM lead_assignee a WHERE a.lead_id = l.id AND a.username = ?2)" + ORDER, cases, true);
        List<LeadSummary> team = summaries("SELECT l.id " + open + ORDER, cases, false);
        List<LeadSummary> overdue = summaries("SELECT l.id " + open + " AND l.due_date < current_date" + ORDER, cases, false);
        Map<String, Long> byStatus = new LinkedHashMap<>();
        for (LeadStatus s : LeadStatus.values()) {
            byStatus.put(s.name(), 0L);
        }
        counts("SELECT l.status, count(*) " + scope + " GROUP BY l.status", cases).forEach(byStatus::put);
        Map<String, Long> byPriority = new LinkedHashMap<>();
        for (String band : List.of("HIGH", "MEDIUM", "LOW")) {
            byPriority.put(band, 0L);
        }
        counts("SELECT " + priority.bandSql() + ", count(*) " + open + " GROUP BY 1", cases).forEach(byPriority::put);
        AuditDetails.record("dashboard over " + cases.length + " cases: " + mine.size() + " mine, " + team.size()
                + " open, " + overdue.size() + " overdue");
        return new DashboardView(mine, team, overdue, byStatus, byPriority);
    }

    @SuppressWarnings("unchecked")
    private List<LeadSummary> summaries(String sql, UUID[] cases, boolean mine) {
        var query = em.createNativeQuery(sql + " LIMIT " + LIMIT, UUID.class).setParameter(1, cases);
        if (mine) {
            query.setParameter(2, user.name());
        }
        List<UUID> ids = query.getResultList();
        return ids.stream().map(id -> views.summary(leads.findById(id))).toList();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Long> counts(String sql, UUID[] cases) {
        List<Object[]> rows = em.createNativeQuery(sql).setParameter(1, cases).getResultList();
        Map<String, Long> out = new LinkedHashMap<>();
        for (Object[] r : rows) {
            out.put((String) r[0], ((Number) r[1]).longValue());
        }
        return out;
    }
}
