package org.vidcase.lead.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.vidcase.lead.domain.Lead;
import org.vidcase.lead.domain.LeadRepository;
import org.vidcase.lead.domain.LeadStatus;
import org.vidcase.shared.error.ConflictException;
import org.vidcase.shared.error.ResourceNotFoundException;
import org.vidcase.shared.error.RuleViolationException;

/** The checks every change to a lead makes: found in its case, current version, links inside the case. */
@ApplicationScoped
public class LeadRules {

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    private final LeadRepository leads;
    private final EntityManager em;

    public LeadRules(LeadRepository leads, EntityManager em) {
        this.leads = leads;
        this.em = em;
    }

    public Lead found(UUID caseId, UUID leadId) {
        return leads.inCase(caseId, leadId).orElseThrow(() -> new ResourceNotFoundException("Lead", leadId));
    }

    /** The lead, locked; 409 naming the current version when the caller read another. */
    public Lead lockedAt(UUID caseId, UUID leadId, Long version) {
        Lead lead = locked(caseId, leadId);
        if (version == null || lead.version != version) {
            throw new ConflictException("Lead " + lead.reference + " was changed since version " + version
                    + "; it is at version " + lead.version + ": read it again and repeat the change");
        }
        return lead;
    }

    public Lead locked(UUID caseId, UUID leadId) {
        return leads.lockedInCase(caseId, leadId).orElseThrow(() -> new ResourceNotFoundException("Lead", leadId));
    }

    public static void requireNotClosed(Lead lead) {
        if (lead.status == LeadStatus.CLOSED) {
            throw new ConflictException("Lead " + lead.reference + " is closed; a supervisor reopens it first");
        }
    }

    /** Bumps the version, so that a client holding an older read is told. */
    public static void touch(Lead lead) {
        lead.version++;
        lead.updatedAt = Instant.now();
    }

    public static List<UUID> distinct(Collection<UUID> ids) {
        return ids == null ? List.of() : List.copyOf(new LinkedHashSet<>(ids));
    }

    public void requireMediaOfCase(UUID caseId, List<UUID> items) {
        requireOfCase("media_item", "media items", caseId, items);
    }

    public void requireSeriesOfCase(UUID caseId, List<UUID> series) {
        requireOfCase("series", "series", caseId, series);
    }

    public void requireLeadsOfCase(UUID caseId, List<UUID> ids) {
        requireOfCase("lead", "leads", caseId, ids);
    }

    /** Assignees work the case: its lead or members (observers read only). */
    @SuppressWarnings("unchecked")
    public void requireTeamWorkers(UUID caseId, List<String> usernames) {
        if (usernames.isEmpty()) {
            return;
        }
        List<String> found = em.createNativeQuery("""
                        SELECT username FROM case_member WHERE case_id = ?1 AND case_role IN ('LEAD', 'MEMBER')
                           AND username = ANY(CAST(?2 AS varchar[]))""")
                .setParameter(1, caseId).setParameter(2, usernames.toArray(String[]::new)).getResultList();
        List<String> missing = usernames.stream().filter(u -> !found.contains(u)).toList();
        if (!missing.isEmpty()) {
            throw new RuleViolationException("Not a lead or member of this case's team, so cannot be assigned: " + missing);
        }
    }

    /** An ISO 3166-1 alpha-2 code, upper case. */
    public static String country(String code, String field) {
        if (code == null || !COUNTRIES.contains(code)) {
            throw new RuleViolationException(field + " must be an ISO 3166-1 alpha-2 country code (e.g. GB, NL), not "
                    + (code == null ? "nothing" : "'" + code + "'"));
        }
        return code;
    }

    @SuppressWarnings("unchecked")
    private void requireOfCase(String table, String what, UUID caseId, List<UUID> ids) {
        if (ids.isEmpty()) {
            return;
        }
        List<UUID> found = em.createNativeQuery("SELECT id FROM " + table + " WHERE case_id = ?1 AND id = ANY(CAST(?2 AS uuid[]))",
                UUID.class).setParameter(1, caseId).setParameter(2, ids.toArray(UUID[]::new)).getResultList();
        if (found.size() != ids.size()) {
            List<UUID> missing = ids.stream().filter(i -> !found.contains(i)).toList();
            throw new RuleViolationException("No such " + what + " in this case: " + missing);
        }
    }
}
