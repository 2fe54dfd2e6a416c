package org.vidcase.lead.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.vidcase.audit.domain.AuditOutcome;
import org.vidcase.audit.service.AuditAction;
import org.vidcase.audit.service.AuditEntry;
import org.vidcase.audit.service.AuditTrail;
import org.vidcase.lead.domain.Clue;
import org.vidcase.lead.domain.ClueKeys;
import org.vidcase.lead.domain.ClueType;
import org.vidcase.notification.service.Notifications;
import org.vidcase.shared.units.UnitDirectory;

/**
 * Cross-case clue hits, under the same documented deconfliction rule as series hits
 * (docs/threat-model.md): when a clue added or edited in the caller's case equals a clue of another
 * case (same camera serial, username, exact normalised place or product text, or a GPS position
 * within {@link LeadConfig#gpsHitMetres()}), both teams are told that a related lead exists and
 * whom to contact, never its content. Each pair is told once; one user's clues disclose at most
 * {@link LeadConfig#clueHitsPerDay()} new hits a day; both sides are audited.
 */
@ApplicationScoped
public class ClueHits {

    private static final Logger LOG = Logger.getLogger(ClueHits.class);

    private record Other(UUID clueId, UUID caseId, UUID leadId, String leadReference, String unit) {
    }

    private final EntityManager em;
    private final Notifications notifications;
    private final AuditTrail trail;
    private final UnitDirectory units;
    private final LeadConfig config;

    public ClueHits(EntityManager em, Notifications notifications, AuditTrail trail, UnitDirectory units,
                    LeadConfig config) {
        this.em = em;
        this.notifications = notifications;
        this.trail = trail;
        this.units = units;
        this.config = config;
    }

    /**
     * Finds and records the hits of this clue, in the caller's transaction.
     *
     * @return the contact point of each other case's unit told about, as the caller may see them
     */
    public List<String> record(Clue clue, String leadReference, String finder) {
        List<Other> others = candidates(clue);
        if (others.isEmpty()) {
            return List.of();
        }
        em.createNativeQuery("SELECT pg_advisory_xact_lock(hashtextextended(?1, 12))").setParameter(1, "clue-hits:" + finder)
                .getSingleResult();
        long recent = ((Number) em.createNativeQuery("SELECT count(*) FROM lead_clue_hit WHERE found_by = ?1 AND found_at > ?2")
                .setParameter(1, finder).setParameter(2, Instant.now().minus(1, ChronoUnit.DAYS)).getSingleResult())
                .longValue();
        long allowed = Math.max(0, config.clueHitsPerDay() - recent);
        String hittingUnit = (String) em.createNativeQuery("SELECT unit FROM vid_case WHERE id = ?1")
                .setParameter(1, clue.caseId).getSingleResult();
        String hittingContact = units.contactOf(hittingUnit);
        LinkedHashSet<String> contacts = new LinkedHashSet<>();
        int withheld = 0;
        for (Other other : others) {
            boolean told = ((Number) em.createNativeQuery("""
                            SELECT count(*) FROM lead_clue_hit
                             WHERE (clue_id = ?1 AND other_clue = ?2) OR (clue_id = ?2 AND other_clue = ?1)""")
                    .setParameter(1, clue.id).setParameter(2, other.clueId()).getSingleResult()).longValue() > 0;
            if (told) {
                contacts.add(units.contactOf(other.unit()));
                continue;
            }
            if (allowed <= 0) {
                withheld++;
                continue;
            }
            allowed--;
            UUID hitId = UUID.randomUUID();
            em.createNativeQuery("INSERT INTO lead_clue_hit (id, clue_id, other_clue, found_by, found_at) VALUES (?1, ?2, ?3, ?4, ?5)")
                    .setParameter(1, hitId).setParameter(2, clue.id).setParameter(3, other.clueId()).setParameter(4, finder)
                    .setParameter(5, Instant.now()).executeUpdate();
            String owningContact = units.contactOf(other.unit());
            contacts.add(owningContact);
            String kind = describe(clue.type);
            trail.append(AuditEntry.of(finder, AuditAction.LEAD_CLUE_HIT, clue.leadId.toString(), clue.caseId,
                    AuditOutcome.SUCCESS, null, null, "clue " + clue.id + " (" + kind + ") equals a clue of another case "
                            + "(hit " + hitId + "); the team was told to contact " + owningContact));
            trail.append(AuditEntry.of(finder, AuditAction.LEAD_CLUE_HIT, other.leadId().toString(), other.caseId(),
                    AuditOutcome.SUCCESS, null, null, "a clue of a case of unit " + hittingUnit + " equals clue "
                            + other.clueId() + " of lead " + other.leadReference() + " (hit " + hitId + "); its team was notified"));
            notifications.tell(team(other.caseId()), "cross-case-clue-hit",
                    "A clue of lead " + other.leadReference() + " matches a clue in another case",
                    "A case of unit " + (hittingUnit == null ? "(none)" : hittingUnit) + " holds a " + kind
                            + " clue equal to one of your lead " + other.leadReference() + ". Contact: " + hittingContact + ".",
                    other.caseId());
            notifications.tell(team(clue.caseId), "cross-case-clue-hit",
                    "A clue of lead " + leadReference + " matches a clue in another case",
                    "Another case holds a related lead with an equal " + kind + " clue. Contact: " + owningContact + ".",
                    clue.caseId);
        }
        if (withheld > 0) {
            LOG.infof("%d cross-case clue hits of %s withheld by the daily limit", withheld, finder);
        }
        return List.copyOf(contacts);
    }

    @SuppressWarnings("unchecked")
    private List<Other> candidates(Clue clue) {
        String select = """
                SELECT c.id, c.case_id, c.lead_id, l.reference, v.unit, c.latitude, c.longitude
                  FROM lead_clue c JOIN lead l ON l.id = c.lead_id JOIN vid_case v ON v.id = c.case_id
                 WHERE c.withdrawn_at IS NULL AND c.case_id <> ?1 AND c.clue_type = ?2""";
        List<Object[]> rows;
        if (clue.type == ClueType.GPS) {
            double metres = config.gpsHitMetres();
            double dLat = ClueKeys.latitudeSpan(metres);
            double dLon = ClueKeys.longitudeSpan(metres, clue.latitude);
            rows = em.createNativeQuery(select + " AND c.latitude BETWEEN ?3 AND ?4"
                            + (dLon >= 180 ? "" : " AND (c.longitude BETWEEN ?5 AND ?6 OR c.longitude BETWEEN ?5 + 360 AND ?6 + 360"
                            + " OR c.longitude BETWEEN ?5 - 360 AND ?6 - 360)") + " LIMIT 200")
                    .setParameter(1, clue.caseId).setParameter(2, clue.type.name())
                    .setParameter(3, clue.latitude - dLat).setParameter(4, clue.latitude + dLat)
                    .setParameter(5, clue.longitude - dLon).setParameter(6, clue.longitude + dLon).getResultList();
            rows = rows.stream().filter(r -> ClueKeys.metresBetween(clue.latitude, clue.longitude,
                    ((Number) r[5]).doubleValue(), ((Number) r[6]).doubleValue()) <= metres).toList();
        } else if (clue.matchKey != null) {
            rows = em.createNativeQuery(select + " AND c.match_key = ?3 LIMIT 200").setParameter(1, clue.caseId)
                    .setParameter(2, clue.type.name()).setParameter(3, clue.matchKey).getResultList();
        } else {
            return List.of();
        }
        List<Other> out = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            out.add(new Other((UUID) r[0], (UUID) r[1], (UUID) r[2], (String) r[3], (String) r[4]));
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private List<String> team(UUID caseId) {
        return em.createNativeQuery("SELECT username FROM case_member WHERE case_id = ?1 AND case_role IN ('LEAD', 'MEMBER')")
                .setParameter(1, caseId).getResultList();
    }

    private static String describe(ClueType type) {
        return switch (type) {
            case DEVICE -> "device or camera serial";
            case ONLINE_ACCOUNT -> "online account";
            case GPS -> "GPS position";
            case LOCATION -> "location";
            case OBJECT -> "object or product";
            default -> type.name().toLowerCase();
        };
    }
}
