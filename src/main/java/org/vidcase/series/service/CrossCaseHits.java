package org.vidcase.series.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.vidcase.audit.domain.AuditOutcome;
import org.vidcase.audit.service.AuditAction;
import org.vidcase.audit.service.AuditEntry;
import org.vidcase.audit.service.AuditTrail;
import org.vidcase.notification.service.Notifications;
import org.vidcase.series.domain.Series;
import org.vidcase.series.domain.SeriesRepository;
import org.vidcase.shared.units.UnitDirectory;

/**
 * Cross-case recognition, the one documented exception to "outsiders get 404": when pictures a case
 * holds are found related to a series of another case, the hitting case is told only that such a
 * series exists and whom to contact (the owning unit's contact point), never its case, name,
 * members, pictures or hashes; the owning team is notified with the hitting case's unit and
 * contact; the hitting case's leads and members are notified too. Both sides are audited, each hit
 * is told once per (case, series), and one user's runs (or, for the server's own sweep, one case)
 * disclose at most {@link SeriesConfig#crossCaseHitsPerDay()} new hits a day.
 */
@ApplicationScoped
public class CrossCaseHits {

    /** A picture of the hitting case related to a series of another case. */
    public record Found(UUID mediaItemId, UUID seriesId, String owningUnit) {
    }

    private final EntityManager em;
    private final SeriesRepository series;
    private final Notifications notifications;
    private final AuditTrail trail;
    private final UnitDirectory units;
    private final SeriesConfig config;

    public CrossCaseHits(EntityManager em, SeriesRepository series, Notifications notifications, AuditTrail trail,
                         UnitDirectory units, SeriesConfig config) {
        this.em = em;
        this.series = series;
        this.notifications = notifications;
        this.trail = trail;
        this.units = units;
        this.config = config;
    }

    /**
     * Records the new hits in the caller's transaction.
     *
     * @return {hits told, hits withheld by the daily limit}
     */
    public int[] record(UUID hittingCase, List<Found> found, String finder) {
        Map<UUID, Found> bySeries = new LinkedHashMap<>();
        found.forEach(f -> bySeries.putIfAbsent(f.seriesId(), f));
        Instant now = Instant.now();
        // The server's own sweep runs for whoever filed the pictures: its hits count against the case.
        boolean sweep = IncrementalClusteringSweep.OWNER.equals(finder);
        String budget = sweep ? "case:" + hittingCase : "user:" + finder;
        em.createNativeQuery("SELECT pg_advisory_xact_lock(hashtextextended(?1, 11))").setParameter(1, budget)
                .getSingleResult();
        long recent = ((Number) em.createNativeQuery(sweep
                        ? "SELECT count(*) FROM series_hit WHERE hitting_case = ?1 AND found_at > ?2"
                        : "SELECT count(*) FROM series_hit WHERE found_by = ?1 AND found_at > ?2")
                .setParameter(1, sweep ? hittingCase : finder).setParameter(2, now.minus(1, ChronoUnit.DAYS))
                .getSingleResult()).longValue();
        long allowed = Math.max(0, config.crossCaseHitsPerDay() - recent);
        String hittingUnit = (String) em.createNativeQuery("SELECT unit FROM vid_case WHERE id = ?1")
                .setParameter(1, hittingCase).getSingleResult();
        int told = 0;
        int withheld = 0;
        for (Found hit : bySeries.values()) {
            boolean known = ((Number) em.createNativeQuery(
                            "SELECT count(*) FROM series_hit WHERE hitting_case = ?1 AND series_id = ?2")
                    .setParameter(1, hittingCase).setParameter(2, hit.seriesId()).getSingleResult()).longValue() > 0;
            if (known) {
                continue;
            }
            if (told >= allowed) {
                withheld++;
                continue;
            }
            Series owning = series.findById(hit.seriesId());
            UUID hitId = UUID.randomUUID();
            em.createNativeQuery("INSERT INTO series_hit (id, hitting_case, media_item_id, series_id, owning_unit, found_by, "
                            + "found_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)")
                    .setParameter(1, hitId).setParameter(2, hittingCase).setParameter(3, hit.mediaItemId())
                    .setParameter(4, hit.seriesId()).setParameter(5, hit.owningUnit()).setParameter(6, finder)
                    .setParameter(7, now).executeUpdate();
            String hittingContact = units.contactOf(hittingUnit);
            String owningContact = units.contactOf(hit.owningUnit());
            trail.append(AuditEntry.of(finder, AuditAction.SERIES_CROSS_CASE_HIT, hitId.toString(), hittingCase,
                    AuditOutcome.SUCCESS, null, null, "media item " + hit.mediaItemId() + " is related to a series of "
                            + "another case; the hitting side was told to contact " + owningContact));
            trail.append(AuditEntry.of(finder, AuditAction.SERIES_CROSS_CASE_HIT, owning.id.toString(), owning.caseId,
                    AuditOutcome.SUCCESS, null, null, "pictures of a case of unit " + hittingUnit + " were found related "
                            + "to series " + owning.reference + " (hit " + hitId + "); its team was notified"));
            @SuppressWarnings("unchecked")
            List<String> team = em.createNativeQuery(
                            "SELECT username FROM case_member WHERE case_id = ?1 AND case_role IN ('LEAD', 'MEMBER')")
                    .setParameter(1, owning.caseId).getResultList();
            notifications.tell(team, "cross-case-hit", "Pictures related to series " + owning.reference
                            + " were found in another case",
                    "A case of unit " + (hittingUnit == null ? "(none)" : hittingUnit) + " holds pictures related to your "
                            + "series " + owning.reference + " (" + owning.name + "). Contact: " + hittingContact + ".",
                    owning.caseId);
            @SuppressWarnings("unchecked")
            List<String> hittingTeam = em.createNativeQuery(
                            "SELECT username FROM case_member WHERE case_id = ?1 AND case_role IN ('LEAD', 'MEMBER')")
                    .setParameter(1, hittingCase).getResultList();
            notifications.tell(hittingTeam, "cross-case-hit", "A related series exists in another case",
                    "Pictures of your case are related to a series another case holds. Contact: " + owningContact + ".",
                    hittingCase);
            told++;
        }
        return new int[] {told, withheld};
    }
}
