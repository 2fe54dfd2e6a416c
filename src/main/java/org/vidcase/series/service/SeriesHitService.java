package org.vidcase.series.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.vidcase.audit.service.AuditAction;
import org.vidcase.audit.service.AuditCase;
import org.vidcase.audit.service.Audited;
import org.vidcase.cases.service.CaseAccess;
import org.vidcase.series.api.SeriesHitView;
import org.vidcase.shared.units.UnitDirectory;

/** The cross-case hits of a case, for its team. */
@ApplicationScoped
public class SeriesHitService {

    private final EntityManager em;
    private final CaseAccess access;
    private final UnitDirectory units;

    public SeriesHitService(EntityManager em, CaseAccess access, UnitDirectory units) {
        this.em = em;
        this.access = access;
        this.units = units;
    }

    @Audited(AuditAction.SERIES_HITS_VIEW)
    public List<SeriesHitView> hits(@AuditCase UUID caseId) {
        access.readable(caseId);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT id, media_item_id, owning_unit, found_by, found_at FROM series_hit "
                + "WHERE hitting_case = ?1 ORDER BY found_at, id").setParameter(1, caseId).getResultList();
        return rows.stream().map(r -> new SeriesHitView((UUID) r[0], (UUID) r[1], (String) r[2],
                units.contactOf((String) r[2]), (String) r[3], instant(r[4]))).toList();
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        return ((Timestamp) value).toInstant();
    }
}
