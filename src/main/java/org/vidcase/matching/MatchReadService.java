package org.vidcase.matching;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.vidcase.audit.service.AuditAction;
import org.vidcase.audit.service.AuditCase;
import org.vidcase.audit.service.AuditObject;
import org.vidcase.audit.service.Audited;
import org.vidcase.cases.service.CaseAccess;
import org.vidcase.matching.HashSetKind;
import org.vidcase.matching.HashSetSource;
import org.vidcase.matching.api.InternationalView;
import org.vidcase.matching.api.MatchView;
import org.vidcase.matching.api.ReductionReport.Share;
import org.vidcase.matching.api.ReductionReport;
import org.vidcase.seizure.domain.Seizure;
import org.vidcase.seizure.service.SeizureService;
import org.vidcase.shared.error.ResourceNotFoundException;

/** What matching found, for the case team: an item's matches and a seizure's reduction report. */
@ApplicationScoped
public class MatchReadService {

    private static final String MATCHES = """
            SELECT m.entry_id, m.hash_type, m.distance, m.dihedral, m.matched_at, s.id AS set_id, s.name, s.set_version,
                   s.source, s.kind, s.active AND e.withdrawn_rev IS NULL AS active, s.category_scheme, e.category,
                   e.series, e.victim_identified, e.offender_identified, e.distributed, e.baseline,
                   e.withdrawn_rev IS NOT NULL AS withdrawn, x.trust, x.submissions, x.agreeing, x.series_countries,
                   m.query_percent, m.compared_percent, m.frame_seconds
            FROM media_match m JOIN hash_set_entry e ON e.id = m.entry_id JOIN hash_set s ON s.id = e.hash_set_id
            LEFT JOIN subscription_entry x ON x.entry_id = e.id
            WHERE m.media_id = ?1
            """;

    // Every file on the seizure (a location, or the item itself when it has none there) with its item.
    private static final String REDUCTION = """
            WITH files AS (
                SELECT l.media_id FROM media_location l WHERE l.seizure_id = ?1
                UNION ALL
                SELECT i.id FROM media_item i WHERE i.seizure_id = ?1
                    AND NOT EXISTS (SELECT 1 FROM media_location l WHERE l.media_id = i.id AND l.seizure_id = ?1)
            ), per_item AS (SELECT media_id, count(*) AS copies FROM files GROUP BY media_id)
            SELECT coalesce(sum(p.copies), 0) AS files,
                   count(*) AS items,
                   count(*) FILTER (WHERE i.match_status = 'ALERT') AS alert,
                   count(*) FILTER (WHERE i.match_status = 'IGNORABLE') AS ignorable,
                   count(*) FILTER (WHERE i.match_status IS NULL AND i.category_source = 'HUMAN') AS reviewed,
                   count(*) FILTER (WHERE i.match_status IS NULL AND i.category_source IS DISTINCT FROM 'HUMAN'
                                    AND i.video_state IS DISTINCT FROM 'PENDING') AS open,
                   count(*) FILTER (WHERE i.match_status IS NULL AND i.category_source IS DISTINCT FROM 'HUMAN'
                                    AND i.video_state = 'PENDING') AS pending,
                   count(*) FILTER (WHERE i.video_state IS NOT NULL) AS videos,
                   count(*) FILTER (WHERE i.match_status = 'ALERT' AND i.category_source = 'HASH_MATCH') AS precategorised,
                   count(*) FILTER (WHERE i.match_status = 'ALERT' AND EXISTS (
                       SELECT 1 FROM media_match m JOIN hash_set_entry e ON e.id = m.entry_id
                       JOIN hash_set s ON s.id = e.hash_set_id
                       WHERE m.media_id = i.id AND m.hash_type <> 'PDQ' AND s.active AND e.withdrawn_rev IS NULL
                         AND s.kind = 'ALERT')) AS exact
            FROM per_item p JOIN media_item i ON i.id = p.media_id
            """;

    private final EntityManager em;
    private final CaseAccess access;
    private final SeizureService seizures;
    private final MatchingService matching;

    public MatchReadService(EntityManager em, CaseAccess access, SeizureService seizures, MatchingService matching) {
        this.em = em;
        this.access = access;
        this.seizures = seizures;
        this.matching = matching;
    }

    /** The item's matches, the decisive one first, then active before inactive sets, in precedence order. */
    @Audited(AuditAction.MEDIA_MATCHES_VIEW)
    public List<MatchView> matches(@AuditCase UUID caseId, @AuditObject UUID mediaId) {
        access.readable(caseId);
        // Matching sits below the media feature and reads its table directly, as it writes match_status.
        boolean inCase = !em.createNativeQuery("SELECT 1 FROM media_item WHERE id = ?1 AND case_id = ?2")
                .setParameter(1, mediaId).setParameter(2, caseId).getResultList().isEmpty();
        if (!inCase) {
            throw new ResourceNotFoundException("Media item", mediaId);
        }
        @SuppressWarnings("unchecked")
        List<Tuple> rows = em.createNativeQuery(MATCHES, Tuple.class).setParameter(1, mediaId).getResultList();
        List<Row> all = new ArrayList<>();
        for (Tuple t : rows) {
            String setScheme = t.get("category_scheme", String.class);
            String category = t.get("category", String.class);
            boolean usable = matching.usableCategory(setScheme, category);
            RecordedMatch r = new RecordedMatch(((Number) t.get("entry_id")).longValue(),
                    t.get("name", String.class) + " " + t.get("set_version", String.class),
                    MatchType.valueOf(t.get("hash_type", String.class)), ((Number) t.get("distance")).intValue(),
                    HashSetKind.valueOf(t.get("kind", String.class)), HashSetSource.valueOf(t.get("source", String.class)),
                    usable ? category : null, t.get("series", String.class), (Boolean) t.get("victim_identified"),
                    (Boolean) t.get("offender_identified"), (Boolean) t.get("distributed"));
            all.add(new Row(r, t, (Boolean) t.get("active")));
        }
        List<RecordedMatch> active = all.stream().filter(Row::active).map(Row::match).toList();
        Optional<RecordedMatch> decisive = matching.precedence().decisive(active);
        List<RecordedMatch> order = matching.precedence().ordered(all.stream().map(Row::match).toList());
        return all.stream()
                .sorted(Comparator.comparing((Row r) -> !(decisive.isPresent() && decisive.get() == r.match()))
                        .thenComparing(r -> !r.active())
                        .thenComparingInt(r -> order.indexOf(r.match())))
                .map(r -> view(r, decisive.isPresent() && decisive.get() == r.match()))
                .toList();
    }

    @Audited(AuditAction.SEIZURE_REDUCTION_VIEW)
    public ReductionReport reduction(@AuditCase UUID caseId, @AuditObject UUID seizureId) {
        Seizure seizure = seizures.readable(caseId, seizureId);
        Tuple t = (Tuple) em.createNativeQuery(REDUCTION, Tuple.class).setParameter(1, seizureId).getSingleResult();
        long files = number(t, "files");
        long items = number(t, "items");
        return new ReductionReport(caseId, seizureId, seizure.reference, files, items,
                Share.of(number(t, "alert"), files), Share.of(number(t, "ignorable"), files),
                Share.of(files - items, files), Share.of(number(t, "reviewed"), files),
                Share.of(number(t, "open"), files), Share.of(number(t, "pending"), files), number(t, "videos"),
                number(t, "precategorised"), number(t, "exact"), number(t, "alert") - number(t, "exact"));
    }

    private static long number(Tuple t, String column) {
        return ((Number) t.get(column)).longValue();
    }

    private static MatchView view(Row r, boolean decisive) {
        Tuple t = r.tuple();
        RecordedMatch m = r.match();
        Object at = t.get("matched_at");
        Instant matchedAt = at instanceof OffsetDateTime o ? o.toInstant() : at instanceof Instant i ? i
                : at instanceof java.sql.Timestamp ts ? ts.toInstant() : null;
        return new MatchView(t.get("set_id", UUID.class), t.get("name", String.class),
                t.get("set_version", String.class), m.source(), m.kind(), r.active(), m.entryId(), m.type(),
                m.distance(), t.get("dihedral", String.class), t.get("category", String.class), m.series(),
                m.victimIdentified(), m.offenderIdentified(), m.distributed(), decisive, matchedAt, international(t, m),
                real(t, "query_percent"), real(t, "compared_percent"), real(t, "frame_seconds"));
    }

    private static Float real(Tuple t, String column) {
        Object v = t.get(column);
        return v == null ? null : ((Number) v).floatValue();
    }

    private static InternationalView international(Tuple t, RecordedMatch m) {
        String trust = t.get("trust", String.class);
        if (m.source() != HashSetSource.HUB || trust == null) {
            return null;
        }
        return InternationalView.of(trust, t.get("category", String.class), ((Number) t.get("submissions")).intValue(),
                ((Number) t.get("agreeing")).intValue(), ((Number) t.get("series_countries")).intValue(),
                m.victimIdentified(), m.offenderIdentified(), (Boolean) t.get("baseline"),
                Boolean.TRUE.equals(t.get("withdrawn")));
    }

    private record Row(RecordedMatch match, Tuple tuple, boolean active) {
    }
}
