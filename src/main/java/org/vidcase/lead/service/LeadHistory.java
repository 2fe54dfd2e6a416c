package org.vidcase.lead.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.vidcase.audit.service.AuditDetails;

/**
 * A lead's history, field by field: who, when, which field, the old and the new value. The same
 * summary goes into the audit event of the request, which makes it tamper-evident.
 */
@ApplicationScoped
public class LeadHistory {

    private static final int MAX_VALUE = 4000;

    /** One entry of the history. */
    public record Entry(long id, Instant at, String actor, String action, String field, String oldValue,
                        String newValue) {
    }

    private final EntityManager em;

    public LeadHistory(EntityManager em) {
        this.em = em;
    }

    /** Records a field change, if the value changed; returns whether it did. */
    public boolean changed(UUID leadId, String actor, String action, String field, Object before, Object after) {
        String from = text(before);
        String to = text(after);
        if (Objects.equals(from, to)) {
            return false;
        }
        insert(leadId, actor, action, field, from, to);
        return true;
    }

    /** Records an act without a field (a comment, a referral sent). */
    public void event(UUID leadId, String actor, String action, String detail) {
        insert(leadId, actor, action, null, null, text(detail));
    }

    /** Makes the history's latest entries by this actor the audit event's detail. */
    public void audit(String summary) {
        AuditDetails.record(summary.length() <= MAX_VALUE ? summary : summary.substring(0, MAX_VALUE));
    }

    @SuppressWarnings("unchecked")
    public List<Entry> of(UUID leadId) {
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT id, at, actor, action, field, old_value, new_value FROM lead_event
                         WHERE lead_id = ?1 ORDER BY id""")
                .setParameter(1, leadId).getResultList();
        return rows.stream().map(r -> new Entry(((Number) r[0]).longValue(), toInstant(r[1]), (String) r[2],
                (String) r[3], (String) r[4], (String) r[5], (String) r[6])).toList();
    }

    private void insert(UUID leadId, String actor, String action, String field, String from, String to) {
        em.createNativeQuery("""
                        INSERT INTO lead_event (lead_id, at, actor, action, field, old_value, new_value)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)""")
                .setParameter(1, leadId).setParameter(2, Instant.now()).setParameter(3, actor).setParameter(4, action)
                .setParameter(5, field).setParameter(6, from).setParameter(7, to).executeUpdate();
    }

    private static String text(Object value) {
        if (value == null) {
            return null;
        }
        String s = value.toString();
        return s.length() <= MAX_VALUE ? s : s.substring(0, MAX_VALUE - 1) + "…";
    }

    private static Instant toInstant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        return ((java.sql.Timestamp) value).toInstant();
    }
}
