package org.vidcase.series.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.vidcase.media.service.MediaCategorised;
import org.vidcase.series.domain.JoinedBy;
import org.vidcase.series.domain.MemberState;
import org.vidcase.series.domain.Series;
import org.vidcase.series.domain.SeriesMember;
import org.vidcase.series.domain.SeriesMemberRepository;
import org.vidcase.series.domain.SeriesRepository;
import org.vidcase.series.domain.SeriesStatus;

/**
 * Turns the free-text series of media items into memberships: an item whose series reads "X"
 * joins the series of its case known as "X" (created when none is), so that every item an officer,
 * an imported export or a reference hash set puts in series "X" is in one series here.
 *
 * <p>It works on the items whose series text differs from the one last linked, whatever set it
 * (a categorisation, an import, a hash match by SQL), and never overrides a person with a
 * machine: an item an officer confirmed or added elsewhere moves, and an officer's rejection from
 * the named series is overridden, only when an officer's own categorisation names that series; a
 * name withdrawn with its hash match takes with it only the membership the name made.
 */
@ApplicationScoped
public class SeriesNaming {

    public static final String ACTOR = "vidcase (series names)";
    private static final int BATCH = 1_000;
    private static final String LOCK_TIMEOUT = "10s";

    /** Where a series name came from, as series_name.source says. */
    enum Source { SERIES, CATEGORISATION, IMPORT, HASH_SET }

    private record Named(UUID item, String name, Source source, String by) {
    }

    private final SeriesRepository series;
    private final SeriesMemberRepository members;
    private final SeriesHistory history;

    public SeriesNaming(SeriesRepository series, SeriesMemberRepository members, SeriesHistory history) {
        this.series = series;
        this.members = members;
        this.history = history;
    }

    /** The key a name is found by: spaces collapsed, case ignored. */
    static String key(String name) {
        String k = name.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
        return k.length() > 200 ? k.substring(0, 200) : k;
    }

    /** Records that the series is known by this name in its case, unless another series has it. */
    void remember(Series s, String name, Source source) {
        em().createNativeQuery("""
                        INSERT INTO series_name (case_id, name_key, series_id, name, source, added_at)
                        VALUES (?1, ?2, ?3, ?4, ?5, now()) ON CONFLICT DO NOTHING""")
                .setParameter(1, s.caseId).setParameter(2, key(name)).setParameter(3, s.id).setParameter(4, name.strip())
                .setParameter(5, source.name()).executeUpdate();
    }

    /**
     * Links the given items of the case, in the caller's transaction (an officer's categorisation).
     *
     * @return how many items it looked at
     */
    @Transactional
    public int link(UUID caseId, List<UUID> itemIds) {
        em().flush();
        return linkAll(caseId, waiting(caseId, itemIds, false));
    }

    /**
     * Links the next batch of the case's items waiting, in a transaction of its own. Rows another
     * transaction links are skipped ({@code skipLocked}: a sweep) or waited for (the work that
     * wrote them, which must know its items linked when it returns); either way a row still locked
     * after the lock timeout makes the batch fail rather than wait on.
     *
     * @return how many items it looked at; 0 when none is waiting
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int linkNextBatch(UUID caseId, boolean skipLocked) {
        em().createNativeQuery("SET LOCAL lock_timeout = '" + LOCK_TIMEOUT + "'").executeUpdate();
        return linkAll(caseId, waiting(caseId, null, skipLocked));
    }

    private int linkAll(UUID caseId, List<Named> waiting) {
        if (waiting.isEmpty()) {
            return 0;
        }
        Map<UUID, SeriesMember> current = new HashMap<>();
        members.current(waiting.stream().map(Named::item).toList()).forEach(m -> current.put(m.mediaItemId, m));
        Map<String, Series> byKey = new HashMap<>();
        Map<UUID, List<UUID>> joined = new LinkedHashMap<>();
        Map<UUID, List<UUID>> left = new LinkedHashMap<>();
        for (Named n : waiting) {
            SeriesMember now = current.get(n.item());
            if (n.name() == null) {
                if (now != null && now.joinedBy == JoinedBy.NAME) {
                    members.delete(now);
                    left.computeIfAbsent(now.seriesId, k -> new ArrayList<>()).add(n.item());
                }
                continue;
            }
            Series target = byKey.computeIfAbsent(key(n.name()), k -> resolve(caseId, n));
            if (now != null && now.seriesId.equals(target.id)) {
                continue;
            }
            Optional<SeriesMember> rejected = members.find(target.id, n.item());
            if (rejected.isPresent()) {
                // An officer's rejection stands against imports and hash sets; their own categorisation overrides it.
                if (n.source() != Source.CATEGORISATION) {
                    continue;
                }
                members.delete(rejected.get());
                members.flush();
            }
            if (now != null) {
                boolean overridable = now.joinedBy == JoinedBy.NAME || now.state == MemberState.SUGGESTED
                        || n.source() == Source.CATEGORISATION;
                if (!overridable) {
                    continue;
                }
                members.delete(now);
                members.flush();
                left.computeIfAbsent(now.seriesId, k -> new ArrayList<>()).add(n.item());
            }
            SeriesMember m = new SeriesMember();
            m.seriesId = target.id;
            m.mediaItemId = n.item();
            m.state = MemberState.CONFIRMED;
            m.joinedBy = JoinedBy.NAME;
            m.joinedAt = Instant.now();
            m.addedBy = n.by();
            m.decidedBy = n.by();
            m.decidedAt = m.joinedAt;
            members.persist(m);
            joined.computeIfAbsent(target.id, k -> new ArrayList<>()).add(n.item());
        }
        members.flush();
        left.forEach((seriesId, items) -> {
            touch(seriesId);
            history.record(seriesId, ACTOR, "members-renamed-away", Map.of("mediaItemIds", items,
                    "reason", "their series name now names another series, or was withdrawn with its hash match"));
        });
        joined.forEach((seriesId, items) -> {
            touch(seriesId);
            history.record(seriesId, ACTOR, "members-named", Map.of("mediaItemIds", items,
                    "reason", "their series name is one this series is known by"));
        });
        em().createNativeQuery("UPDATE media_item SET series_linked = series WHERE id = ANY(CAST(?1 AS uuid[]))")
                .setParameter(1, waiting.stream().map(Named::item).toArray(UUID[]::new)).executeUpdate();
        return waiting.size();
    }

    /** An officer's categorisation names its items' series at once, in the same transaction. */
    void onCategorised(@Observes MediaCategorised event) {
        link(event.caseId(), event.mediaItemIds());
    }

    @SuppressWarnings("unchecked")
    private List<Named> waiting(UUID caseId, List<UUID> itemIds, boolean skipLocked) {
        String sql = """
                SELECT id, series, category_source, hash_details, categorised_by FROM media_item
                 WHERE case_id = ?1 AND series IS DISTINCT FROM series_linked""";
        var query = itemIds == null
                ? em().createNativeQuery(sql + " LIMIT " + BATCH + (skipLocked ? " FOR UPDATE SKIP LOCKED" : " FOR UPDATE"))
                : em().createNativeQuery(sql + " AND id = ANY(CAST(?2 AS uuid[])) FOR UPDATE")
                        .setParameter(2, itemIds.toArray(UUID[]::new));
        List<Object[]> rows = query.setParameter(1, caseId).getResultList();
        List<Named> out = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            String name = r[1] == null || ((String) r[1]).isBlank() ? null : ((String) r[1]).strip();
            boolean human = "HUMAN".equals(r[2]) && !Boolean.TRUE.equals(r[3]);
            Source source = human ? Source.CATEGORISATION : Boolean.TRUE.equals(r[3]) ? Source.HASH_SET : Source.IMPORT;
            String by = human && r[4] != null ? (String) r[4]
                    : source == Source.HASH_SET && r[4] != null ? (String) r[4] : "import";
            out.add(new Named((UUID) r[0], name, source, by));
        }
        return out;
    }

    /** The series of the case known by the name (a merged one's successor), or a new one. */
    private Series resolve(UUID caseId, Named n) {
        String key = key(n.name());
        Optional<UUID> known = em().createNativeQuery("SELECT series_id FROM series_name WHERE case_id = ?1 AND name_key = ?2",
                        UUID.class).setParameter(1, caseId).setParameter(2, key).getResultStream().findFirst().map(UUID.class::cast);
        Series s = known.map(series::findById).orElse(null);
        if (s == null) {
            s = series.ofCase(caseId).stream().filter(c -> key(c.name).equals(key)).findFirst().orElse(null);
        }
        if (s == null) {
            s = create(caseId, n);
        }
        while (s.mergedInto != null) {
            s = series.findById(s.mergedInto);
        }
        remember(s, n.name(), n.source());
        return s;
    }

    private Series create(UUID caseId, Named n) {
        Series s = new Series();
        s.id = UUID.randomUUID();
        s.caseId = caseId;
        s.reference = series.nextReference();
        s.name = n.name().length() > 200 ? n.name().substring(0, 200) : n.name();
        s.status = SeriesStatus.ACTIVE;
        s.createdBy = ACTOR;
        s.createdAt = Instant.now();
        s.updatedAt = s.createdAt;
        series.persist(s);
        history.record(s.id, ACTOR, "created", Map.of("name", s.name, "from", n.source().name()));
        return s;
    }

    private void touch(UUID seriesId) {
        em().createNativeQuery("UPDATE series SET version = version + 1, updated_at = now() WHERE id = ?1")
                .setParameter(1, seriesId).executeUpdate();
    }

    private EntityManager em() {
        return series.getEntityManager();
    }
}
