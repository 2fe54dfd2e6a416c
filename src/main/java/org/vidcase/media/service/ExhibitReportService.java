package org.vidcase.media.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.vidcase.audit.service.AuditAction;
import org.vidcase.audit.service.AuditCase;
import org.vidcase.audit.service.AuditDetails;
import org.vidcase.audit.service.Audited;
import org.vidcase.cases.domain.VidCase;
import org.vidcase.cases.service.CaseAccess;
import org.vidcase.media.api.ExhibitReportView.CategoryCount;
import org.vidcase.media.api.ExhibitReportView.CategoryLabel;
import org.vidcase.media.api.ExhibitReportView.Exhibit;
import org.vidcase.media.api.ExhibitReportView.GradedItem;
import org.vidcase.media.api.ExhibitReportView;
import org.vidcase.seizure.domain.Seizure;
import org.vidcase.seizure.domain.SeizureRepository;
import org.vidcase.shared.category.CategoryScheme;
import org.vidcase.shared.error.ResourceNotFoundException;
import org.vidcase.shared.security.CurrentUser;

/**
 * Builds the exhibit report from the database in two set-based queries per exhibit: the counts per
 * category, and the categorised items with their grader and the latest second opinion.
 */
@ApplicationScoped
public class ExhibitReportService {

    // Every item found on the exhibit: by a location there, or recorded on it without one.
    private static final String PLACED = """
            WITH placed AS (
                SELECT l.media_id FROM media_location l WHERE l.seizure_id = ?1
                UNION
                SELECT i.id FROM media_item i WHERE i.seizure_id = ?1
            )
            """;

    private static final String COUNTS = PLACED + """
            SELECT i.category, count(*) FROM placed p JOIN media_item i ON i.id = p.media_id
            GROUP BY i.category ORDER BY i.category NULLS LAST
            """;

    private static final String GRADED = PLACED + """
            SELECT i.id, (SELECT string_agg(coalesce(l.path || '/', '') || l.file_name, '; ' ORDER BY l.path, l.file_name)
                            FROM media_location l WHERE l.media_id = i.id AND l.seizure_id = ?1) AS names,
                   i.sha256, i.md5, i.category, i.category_source, i.categorised_by, i.categorised_at,
                   o.second_category, o.second_by, o.state
            FROM placed p JOIN media_item i ON i.id = p.media_id
            LEFT JOIN LATERAL (SELECT s.second_category, s.second_by, s.state FROM second_opinion s
                               WHERE s.media_id = i.id AND s.state <> 'WITHDRAWN'
                               ORDER BY s.first_at DESC LIMIT 1) o ON true
            WHERE i.category IS NOT NULL
            ORDER BY i.category, i.categorised_at, i.id
            LIMIT ?2
            """;

    private final EntityManager em;
    private final CaseAccess access;
    private final SeizureRepository seizures;
    private final CategoryScheme scheme;
    private final CurrentUser user;

    public ExhibitReportService(EntityManager em, CaseAccess access, SeizureRepository seizures, CategoryScheme scheme,
                                CurrentUser user) {
        this.em = em;
        this.access = access;
        this.seizures = seizures;
        this.scheme = scheme;
        this.user = user;
    }

    /** The report over every exhibit of the case, or one; at most {@code limit} graded items per exhibit. */
    @Audited(AuditAction.MEDIA_REPORT)
    public ExhibitReportView report(@AuditCase UUID caseId, UUID seizureId, int limit) {
        VidCase c = access.readable(caseId);
        List<Seizure> exhibits = seizureId == null ? seizures.ofCase(caseId)
                : List.of(seizures.find("id = ?1 and caseId = ?2", seizureId, caseId).firstResultOptional()
                        .orElseThrow(() -> new ResourceNotFoundException("Seizure", seizureId)));
        List<Exhibit> out = new ArrayList<>();
        long graded = 0;
        for (Seizure s : exhibits) {
            Exhibit exhibit = exhibit(s, limit);
            graded += exhibit.graded().size();
            out.add(exhibit);
        }
        AuditDetails.record("exhibit report: " + out.size() + " exhibits, " + graded + " graded items listed");
        return new ExhibitReportView(c.id, c.reference, c.title, Instant.now(), user.name(), scheme.profile(),
                scheme.categories().stream().map(k -> new CategoryLabel(k.code(), k.label(), k.alert())).toList(), out);
    }

    @SuppressWarnings("unchecked")
    private Exhibit exhibit(Seizure s, int limit) {
        Map<String, Long> counts = new LinkedHashMap<>();
        long items = 0;
        long categorised = 0;
        for (Object[] row : (List<Object[]>) em.createNativeQuery(COUNTS).setParameter(1, s.id).getResultList()) {
            long n = ((Number) row[1]).longValue();
            counts.put((String) row[0], n);
            items += n;
            if (row[0] != null) {
                categorised += n;
            }
        }
        List<GradedItem> graded = new ArrayList<>();
        for (Object[] row : (List<Object[]>) em.createNativeQuery(GRADED).setParameter(1, s.id).setParameter(2, limit)
                .getResultList()) {
            graded.add(new GradedItem((UUID) row[0], (String) row[1], (String) row[2], (String) row[3], (String) row[4],
                    (String) row[5], (String) row[6], instant(row[7]), (String) row[8], (String) row[9], (String) row[10]));
        }
        List<CategoryCount> perCategory = counts.entrySet().stream().map(e -> new CategoryCount(e.getKey(), e.getValue()))
                .toList();
        return new Exhibit(s.id, s.reference, s.deviceDescription, s.seizedAt, s.seizedBy, s.forensicTool, items,
                perCategory, graded, categorised - graded.size());
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        return value instanceof Timestamp t ? t.toInstant() : null;
    }
}
