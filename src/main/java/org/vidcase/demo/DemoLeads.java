package org.vidcase.demo;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.vidcase.lead.domain.ClueKeys;
import org.vidcase.lead.domain.ClueType;
import org.vidcase.lead.domain.Lead;
import org.vidcase.lead.domain.LeadRepository;
import org.vidcase.lead.domain.LeadStatus;
import org.vidcase.lead.service.LeadHistory;
import org.vidcase.lead.service.LeadPriority;
import org.vidcase.series.domain.SeriesRepository;

/**
 * A synthetic series on the demo case (one scene no reference set knows, as the laptop's original
 * and the phone's two copies) and an identification lead on it, assigned to the demo investigator,
 * with two clues. Typing the camera serial into a lead of another case shows a cross-case clue hit.
 */
@ApplicationScoped
public class DemoLeads {

    /** The synthetic camera serial of the demo clue. */
    public static final String SERIAL = "S/N DEMO-0001-LH";

    private final LeadRepository leads;
    private final SeriesRepository series;
    private final LeadPriority priority;
    private final LeadHistory history;
    private final EntityManager em;

    public DemoLeads(LeadRepository leads, SeriesRepository series, LeadPriority priority, LeadHistory history,
                     EntityManager em) {
        this.leads = leads;
        this.series = series;
        this.priority = priority;
        this.history = history;
        this.em = em;
    }

    /** In the caller's transaction, after the demo files are filed; the files of the series by name. */
    public void seed(UUID caseId, String actor, List<String> seriesFiles) {
        @SuppressWarnings("unchecked")
        List<UUID> items = em.createNativeQuery("""
                        SELECT DISTINCT m.id FROM media_item m JOIN media_location l ON l.media_id = m.id
                         WHERE m.case_id = ?1 AND l.file_name = ANY(CAST(?2 AS varchar[]))""", UUID.class)
                .setParameter(1, caseId).setParameter(2, seriesFiles.toArray(String[]::new)).getResultList();
        UUID seriesId = series(caseId, "Lighthouse poster room", items, actor);
        Lead l = new Lead();
        l.id = UUID.randomUUID();
        l.caseId = caseId;
        l.reference = leads.nextReference();
        l.title = "Lighthouse poster seen on the laptop and the phone";
        l.description = "Synthetic demo lead: identify the room from the poster and the camera.";
        l.dueDate = LocalDate.now().plusDays(7);
        l.newSeries = true;
        l.inCountry = true;
        l.score = priority.score(l);
        l.status = LeadStatus.ASSIGNED;
        l.createdBy = actor;
        l.createdAt = Instant.now();
        l.updatedAt = l.createdAt;
        leads.persist(l);
        leads.flush();
        em.createNativeQuery("INSERT INTO lead_assignee (lead_id, username, assigned_by, assigned_at) VALUES (?1, ?2, ?3, ?4)")
                .setParameter(1, l.id).setParameter(2, "investigator").setParameter(3, actor).setParameter(4, l.createdAt)
                .executeUpdate();
        clue(l, ClueType.OBJECT, "Lighthouse poster, blue frame", actor);
        clue(l, ClueType.DEVICE, "Synthetic camera, " + SERIAL, actor);
        em.createNativeQuery("INSERT INTO lead_series (lead_id, series_id, linked_by, linked_at) VALUES (?1, ?2, ?3, ?4)")
                .setParameter(1, l.id).setParameter(2, seriesId).setParameter(3, actor).setParameter(4, l.createdAt)
                .executeUpdate();
        history.event(l.id, actor, "created", l.reference + ": " + l.title);
        history.changed(l.id, actor, "created", "status", null, l.status);
        history.changed(l.id, actor, "created", "assignees", null, "investigator");
    }

    private UUID series(UUID caseId, String name, List<UUID> items, String actor) {
        UUID id = UUID.randomUUID();
        Instant now = Instant.now();
        em.createNativeQuery("""
                        INSERT INTO series (id, case_id, reference, name, status, created_by, created_at, updated_at, version)
                        VALUES (?1, ?2, ?3, ?4, 'ACTIVE', ?5, ?6, ?6, 0)""")
                .setParameter(1, id).setParameter(2, caseId).setParameter(3, series.nextReference()).setParameter(4, name)
                .setParameter(5, actor).setParameter(6, now).executeUpdate();
        em.createNativeQuery("""
                        INSERT INTO series_name (case_id, name_key, series_id, name, source, added_at)
                        VALUES (?1, ?2, ?3, ?4, 'SERIES', ?5)""")
                .setParameter(1, caseId).setParameter(2, name.toLowerCase(java.util.Locale.ROOT)).setParameter(3, id)
                .setParameter(4, name).setParameter(5, now).executeUpdate();
        for (UUID item : items) {
            em.createNativeQuery("""
                            INSERT INTO series_member (series_id, media_item_id, state, joined_by, joined_at, added_by)
                            VALUES (?1, ?2, 'CONFIRMED', 'OFFICER', ?3, ?4)""")
                    .setParameter(1, id).setParameter(2, item).setParameter(3, now).setParameter(4, actor).executeUpdate();
        }
        em.createNativeQuery("INSERT INTO series_event (series_id, at, actor, action, detail) VALUES (?1, ?2, ?3, 'created', ?4)")
                .setParameter(1, id).setParameter(2, now).setParameter(3, actor)
                .setParameter(4, "{\"name\": \"" + name + "\", \"members\": " + items.size() + "}").executeUpdate();
        return id;
    }

    private void clue(Lead l, ClueType type, String value, String actor) {
        em.createNativeQuery("""
                        INSERT INTO lead_clue (id, lead_id, case_id, clue_type, value, match_key, confidence, added_by,
                                               added_at, version)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'MEDIUM', ?7, ?8, 0)""")
                .setParameter(1, UUID.randomUUID()).setParameter(2, l.id).setParameter(3, l.caseId)
                .setParameter(4, type.name()).setParameter(5, value).setParameter(6, ClueKeys.key(type, value))
                .setParameter(7, actor).setParameter(8, l.createdAt).executeUpdate();
    }
}
