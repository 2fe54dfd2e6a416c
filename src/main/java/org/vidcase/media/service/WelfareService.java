package org.vidcase.media.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.Date;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.vidcase.audit.service.AuditAction;
import org.vidcase.audit.service.AuditDetails;
import org.vidcase.audit.service.Audited;
import org.vidcase.cases.service.CaseAccess;
import org.vidcase.media.api.WelfareView;

/**
 * Exposure of officers to pictures, for their supervisor's duty of care: per officer, the pictures
 * revealed and files downloaded per day and week in the cases of the supervisor's unit, counted
 * from the audit trail (successful {@code media.reveal} and {@code media.download} events).
 */
@ApplicationScoped
public class WelfareService {

    private static final String COUNTS = """
            SELECT e.actor, CAST(e.occurred_at AT TIME ZONE 'UTC' AS date) AS day, e.action, count(*)
            FROM audit_event e
            WHERE e.action IN (:actions) AND e.outcome = 'SUCCESS' AND e.occurred_at >= :from AND e.case_id IN (:cases)
            GROUP BY 1, 2, 3
            """;

    private final EntityManager em;
    private final CaseAccess access;

    public WelfareService(EntityManager em, CaseAccess access) {
        this.em = em;
        this.access = access;
    }

    @Audited(AuditAction.MEDIA_WELFARE)
    @SuppressWarnings("unchecked")
    public WelfareView exposure(int weeks) {
        LocalDate to = LocalDate.now(ZoneOffset.UTC);
        LocalDate from = to.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(weeks - 1L);
        List<UUID> cases = access.supervisedCaseIds();
        Map<String, Map<LocalDate, long[]>> perOfficer = new TreeMap<>();
        if (!cases.isEmpty()) {
            List<Object[]> rows = em.createNativeQuery(COUNTS)
                    .setParameter("actions", List.of(AuditAction.MEDIA_REVEAL.code(), AuditAction.MEDIA_KEY_FRAME_REVEAL.code(),
                            AuditAction.MEDIA_DOWNLOAD.code()))
                    .setParameter("from", from.atStartOfDay(ZoneOffset.UTC).toOffsetDateTime())
                    .setParameter("cases", cases).getResultList();
            for (Object[] row : rows) {
                LocalDate day = row[1] instanceof Date d ? d.toLocalDate() : (LocalDate) row[1];
                long[] counts = perOfficer.computeIfAbsent((String) row[0], k -> new TreeMap<>())
                        .computeIfAbsent(day, k -> new long[2]);
                counts[AuditAction.MEDIA_DOWNLOAD.code().equals(row[2]) ? 1 : 0] += ((Number) row[3]).longValue();
            }
        }
        List<WelfareView.Officer> officers = new ArrayList<>();
        perOfficer.forEach((name, days) -> officers.add(officer(name, days)));
        AuditDetails.record("welfare from " + from + ": " + officers.size() + " officers");
        return new WelfareView(from, to, officers);
    }

    private static WelfareView.Officer officer(String name, Map<LocalDate, long[]> days) {
        Map<LocalDate, long[]> weeks = new TreeMap<>();
        long revealed = 0;
        long downloaded = 0;
        List<WelfareView.Count> perDay = new ArrayList<>();
        for (var e : days.entrySet()) {
            long[] c = e.getValue();
            perDay.add(new WelfareView.Count(e.getKey(), c[0], c[1]));
            long[] week = weeks.computeIfAbsent(e.getKey().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)),
                    k -> new long[2]);
            week[0] += c[0];
            week[1] += c[1];
            revealed += c[0];
            downloaded += c[1];
        }
        List<WelfareView.Count> perWeek = weeks.entrySet().stream()
                .map(e -> new WelfareView.Count(e.getKey(), e.getValue()[0], e.getValue()[1])).toList();
        return new WelfareView.Officer(name, revealed, downloaded, perDay, perWeek);
    }
}
