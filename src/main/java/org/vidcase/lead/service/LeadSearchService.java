package org.vidcase.lead.service;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.vidcase.audit.service.AuditAction;
import org.vidcase.audit.service.AuditDetails;
import org.vidcase.audit.service.Audited;
import org.vidcase.cases.service.CaseAccess;
import org.vidcase.lead.api.LeadSearchView;
import org.vidcase.lead.api.LeadSummary;
import org.vidcase.lead.domain.ClueType;
import org.vidcase.lead.domain.LeadRepository;
import org.vidcase.lead.domain.LeadStatus;
import org.vidcase.lead.domain.PriorityBand;
import org.vidcase.lead.infra.LeadSearchIndex;
import org.vidcase.search.text.SearchText;
import org.vidcase.shared.error.RuleViolationException;
import org.vidcase.shared.error.ServiceUnavailableException;

/**
 * Full-text search and filters over leads and their clues, on Elasticsearch, across the cases the
 * caller may see (or one of them), with that filter inside the query. What is shown of each lead is
 * read from the database, so a hit shows the lead as it is now; a lead the index still holds but
 * that moved out of the caller's reach is left out.
 */
@ApplicationScoped
public class LeadSearchService {

    /** What the caller asks for; null fields do not filter. */
    public record Criteria(String q, UUID caseId, LeadStatus status, String assignee, PriorityBand priority,
                           ClueType clueType, LocalDate dueFrom, LocalDate dueTo, Boolean overdue) {
    }

    private final LeadSearchIndex index;
    private final LeadRepository leads;
    private final LeadViews views;
    private final LeadConfig config;
    private final CaseAccess access;

    public LeadSearchService(LeadSearchIndex index, LeadRepository leads, LeadViews views, LeadConfig config,
                             CaseAccess access) {
        this.index = index;
        this.leads = leads;
        this.views = views;
        this.config = config;
        this.access = access;
    }

    @Audited(AuditAction.LEAD_SEARCH)
    public LeadSearchView search(Criteria c, int page, int size) {
        if ((long) (page + 1) * size > LeadSearchIndex.MAX_WINDOW) {
            throw new RuleViolationException("A search is paged through its first " + LeadSearchIndex.MAX_WINDOW
                    + " results; narrow it down to reach the rest");
        }
        if (c.dueFrom() != null && c.dueTo() != null && c.dueFrom().isAfter(c.dueTo())) {
            throw new IllegalArgumentException("dueFrom: must not be after dueTo");
        }
        SearchText.Query text = SearchText.parseQuery(c.q());
        List<UUID> cases;
        if (c.caseId() != null) {
            access.readable(c.caseId());
            cases = List.of(c.caseId());
        } else {
            cases = access.readableCaseIds();
        }
        AuditDetails.record("lead search" + (c.q() == null ? "" : " for \"" + c.q() + "\"") + " over " + cases.size() + " cases");
        if (cases.isEmpty()) {
            return new LeadSearchView(0, page, size, List.of());
        }
        Integer min = null;
        Integer below = null;
        if (c.priority() != null) {
            switch (c.priority()) {
                case HIGH -> min = config.bands().high();
                case MEDIUM -> {
                    min = config.bands().medium();
                    below = config.bands().high();
                }
                case LOW -> below = config.bands().medium();
            }
        }
        LeadSearchIndex.Filter filter = new LeadSearchIndex.Filter(cases, text,
                c.status() == null ? null : c.status().name(), blankToNull(c.assignee()), min, below,
                c.clueType() == null ? null : c.clueType().name(), c.dueFrom(), c.dueTo(), Boolean.TRUE.equals(c.overdue()));
        LeadSearchIndex.Page found;
        try {
            index.ensureExists();
            found = index.search(filter, page * size, size);
        } catch (IOException | ElasticsearchException e) {
            throw new ServiceUnavailableException("The search index is unreachable, so leads cannot be searched now; "
                    + "try again shortly (the case's lead list still answers from the database)");
        }
        List<LeadSummary> shown = found.ids().stream().map(leads::findById).filter(Objects::nonNull)
                .filter(l -> cases.contains(l.caseId)).map(views::summary).toList();
        return new LeadSearchView(found.total(), page, size, shown);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
