package org.vidcase.series.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.vidcase.audit.domain.AuditOutcome;
import org.vidcase.audit.service.AuditAction;
import org.vidcase.audit.service.AuditEntry;
import org.vidcase.audit.service.AuditTrail;
import org.vidcase.clustering.CaptureSessions;
import org.vidcase.clustering.Clustering;
import org.vidcase.clustering.SimilarLink;
import org.vidcase.clustering.SimilarityClusterer;
import org.vidcase.hashing.ImageSignature;
import org.vidcase.hashing.PdqHash;
import org.vidcase.hashing.PdqResult;
import org.vidcase.jobs.service.JobContext;
import org.vidcase.jobs.service.JobHandler;
import org.vidcase.series.domain.JoinedBy;
import org.vidcase.series.domain.MemberState;
import org.vidcase.series.domain.Series;
import org.vidcase.series.domain.SeriesMember;
import org.vidcase.series.domain.SeriesMemberRepository;
import org.vidcase.series.domain.SeriesRepository;
import org.vidcase.series.domain.SeriesStatus;

/**
 * Groups the unknown pictures of a case (or of one exhibit) into suggested series, and suggests
 * pictures for the case's existing series: every picture with a PDQ hash is clustered with
 * {@link SimilarityClusterer} (uploads by their whole signature, hash-only imports by their PDQ
 * hash), together with the current members of the case's active series.
 *
 * <ul>
 *   <li>A group holding members of a series: its free pictures are suggested for that series (for
 *       the one with most members, if the group touches several).</li>
 *   <li>A group of free pictures only, two or more: a new series, all of them suggested.</li>
 *   <li>Pictures matched by a reference hash set (alert or ignorable) are not suggested; a picture
 *       an officer rejected for a series is never suggested for it again.</li>
 * </ul>
 * Running it again suggests only what changed since; nothing an officer decided is touched. The
 * same groups become the pictures' stacks of near-duplicates ({@code media_item.stack_id}, the
 * largest picture representing each), so that the review queue can show one picture per stack.
 * Series also join pictures of one camera body (make, model, serial) taken within
 * {@code vidcase.series.same-camera-window} (10 minutes) of each other ({@link CaptureSessions}),
 * which stacks do not. Confirmed members of other cases' active series are clustered too, only to find cross-case hits
 * ({@link CrossCaseHits}): a group that holds pictures of this case and such a member is a hit.
 */
@ApplicationScoped
public class SeriesClusteringJob implements JobHandler {

    public static final String TYPE = "series-clustering";

    private static final String ITEMS = """
            SELECT i.id, i.pdq, i.pdq_quality, i.similarity_views, i.match_status, m.series_id,
                   coalesce(i.width, 0)::bigint * coalesce(i.height, 0), i.stack_id, i.clustered_at IS NULL,
                   i.exif_make, i.exif_model, i.exif_body_serial, i.exif_taken_at
              FROM media_item i
              LEFT JOIN series_member m ON m.media_item_id = i.id AND m.state <> 'REJECTED'
              LEFT JOIN series s ON s.id = m.series_id
             WHERE i.case_id = ? AND i.pdq IS NOT NULL
               AND (m.series_id IS NULL OR (s.status = 'ACTIVE' AND s.case_id = i.case_id))
               AND (CAST(? AS uuid) IS NULL OR i.seizure_id = ? OR m.series_id IS NOT NULL)
             ORDER BY i.created_at, i.id
            """;
    /** Confirmed members of active series of other cases: what a cross-case hit can point at. */
    private static final String FOREIGN_MEMBERS = """
            SELECT i.id, i.pdq, i.pdq_quality, i.similarity_views, s.id, s.case_id, c.unit
              FROM series_member m
              JOIN series s ON s.id = m.series_id AND s.status = 'ACTIVE'
              JOIN media_item i ON i.id = m.media_item_id
              JOIN vid_case c ON c.id = s.case_id
             WHERE m.state = 'CONFIRMED' AND s.case_id <> ? AND i.pdq IS NOT NULL
            """;
    private static final String REJECTIONS = """
            SELECT m.series_id, m.media_item_id FROM series_member m JOIN series s ON s.id = m.series_id
             WHERE s.case_id = ? AND m.state = 'REJECTED'
            """;

    private final AgroalDataSource dataSource;
    private final SeriesRepository series;
    private final SeriesMemberRepository members;
    private final SeriesHistory history;
    private final AuditTrail trail;
    private final ObjectMapper json;
    private final CrossCaseHits crossCaseHits;
    private final SeriesConfig config;

    public SeriesClusteringJob(AgroalDataSource dataSource, SeriesRepository series, SeriesMemberRepository members,
                               SeriesHistory history, AuditTrail trail, ObjectMapper json, CrossCaseHits crossCaseHits,
                               SeriesConfig config) {
        this.crossCaseHits = crossCaseHits;
        this.config = config;
        this.dataSource = dataSource;
        this.series = series;
        this.members = members;
        this.history = history;
        this.trail = trail;
        this.json = json;
    }

    @Override
    public String type() {
        return TYPE;
    }

    /** A run cut short is simply run again: it only adds suggestions, in one transaction at the end. */
    @Override
    public boolean resumable() {
        return false;
    }

    /**
     * A picture of the case, or (foreign) a confirmed member of another case's series, which
     * only ever yields a cross-case hit.
     */
    private record Picture(UUID id, ImageSignature signature, boolean known, UUID seriesId, long pixels, UUID stackId,
                           boolean foreign, String unit, boolean fresh, CaptureSessions.Capture capture,
                           boolean uploaded) {
    }

    /**
     * Cross-case hits: the case's uploaded pictures (never imported hashes, which anyone could
     * choose) looked up against the confirmed members of other cases' series, in an index of their
     * own, so that a foreign picture never joins or scores the case's own groups.
     */
    private static List<Hit> crossCaseHits(SimilarityClusterer clusterer, List<Picture> own, List<Picture> foreign,
                                           boolean incremental) {
        if (foreign.isEmpty()) {
            return List.of();
        }
        List<ImageSignature> all = new ArrayList<>(own.size() + foreign.size());
        own.forEach(x -> all.add(x.signature()));
        foreign.forEach(x -> all.add(x.signature()));
        int ownCount = own.size();
        List<Hit> hits = new ArrayList<>();
        for (SimilarLink link : clusterer.links(all, i -> i < ownCount && own.get(i).uploaded()
                && (!incremental || own.get(i).fresh()), done -> { })) {
            if (link.first() < ownCount && link.second() >= ownCount && own.get(link.first()).uploaded()) {
                Picture other = foreign.get(link.second() - ownCount);
                hits.add(new Hit(own.get(link.first()).id(), other.seriesId(), other.unit()));
            }
        }
        return hits;
    }

    @Override
    public void run(JobContext context) throws Exception {
        ClusteringParameters p = json.readValue(context.parameters(), ClusteringParameters.class);
        List<Picture> pictures = new ArrayList<>();
        List<Picture> foreign = new ArrayList<>();
        Set<String> rejected = new HashSet<>();
        java.time.Instant loadStart = java.time.Instant.now();
        try (Connection c = dataSource.getConnection()) {
            load(c, p, pictures);
            loadForeign(c, p.caseId(), foreign);
            try (PreparedStatement s = c.prepareStatement(REJECTIONS)) {
                s.setObject(1, p.caseId());
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        rejected.add(r.getObject(1) + "/" + r.getObject(2));
                    }
                }
            }
        }
        // Progress counts the case's own pictures only: how many other cases hold says nothing here.
        context.total(pictures.size());
        AtomicLong reported = new AtomicLong();
        SimilarityClusterer clusterer = SimilarityClusterer.withDefaults();
        List<ImageSignature> signatures = pictures.stream().map(Picture::signature).toList();
        Clustering clustering = p.incremental()
                ? clusterer.clusterNew(signatures, i -> pictures.get(i).fresh())
                : clusterer.cluster(signatures, done -> {
                    synchronized (reported) {
                        if (done > reported.get()) {
                            context.advance(done - reported.get());
                            reported.set(done);
                        }
                    }
                });
        if (context.cancelled()) {
            return;
        }
        Map<Integer, Float> scoreOf = new HashMap<>();
        for (SimilarLink link : clustering.links()) {
            float score = (float) link.score(clusterer.radius());
            scoreOf.merge(link.first(), score, Math::max);
            scoreOf.merge(link.second(), score, Math::max);
        }
        // Series: pixel groups (the stacks) joined by capture sessions of one camera.
        List<CaptureSessions.Capture> captures = pictures.stream().map(Picture::capture).toList();
        List<int[]> sessions = CaptureSessions.links(captures, config.sameCameraWindow().toSeconds(),
                i -> !p.incremental() || pictures.get(i).fresh());
        Clustering seriesGroups = clustering.joinedBy(sessions);
        Plan grouped = plan(pictures, clustering, seriesGroups, rejected, scoreOf, p.incremental());
        Plan plan = new Plan(grouped.forExisting(), grouped.newSeries(), grouped.stackChanges(), grouped.stackMerges(),
                crossCaseHits(clusterer, pictures, foreign, p.incremental()));
        List<UUID> considered = pictures.stream().filter(x -> !p.incremental() || x.fresh()).map(Picture::id).toList();
        Map<String, Object> outcome = QuarkusTransaction.requiringNew().call(() -> {
            // The pictures' rows before the audit trail: its chain lock is held to the commit, so a
            // row lock taken after it deadlocks with a request that changed a picture and now audits.
            markClustered(p, considered, loadStart);
            return write(p, plan, context.owner());
        });
        outcome.put("incremental", p.incremental());
        outcome.put("lookedUp", considered.size());
        outcome.put("pictures", pictures.size());
        context.result(json.writeValueAsString(outcome));
        context.message(outcome.get("seriesCreated") + " series suggested, " + outcome.get("suggestions")
                + " pictures suggested in all");
    }

    /** The stored signature (uploads), else the PDQ hash alone (columns 2-4: pdq, quality, views). */
    private static ImageSignature signature(ResultSet r) throws java.sql.SQLException {
        byte[] views = r.getBytes(4);
        if (views != null) {
            return ImageSignature.fromBytes(views);
        }
        int quality = r.getObject(3) == null ? 100 : r.getInt(3);
        return quality >= PdqResult.MIN_MATCHING_QUALITY ? ImageSignature.ofHash(PdqHash.fromHex(r.getString(2)))
                : ImageSignature.empty();
    }

    private static void loadForeign(Connection c, UUID caseId, List<Picture> out) throws Exception {
        try (PreparedStatement s = c.prepareStatement(FOREIGN_MEMBERS)) {
            s.setObject(1, caseId);
            s.setFetchSize(5_000);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.add(new Picture(r.getObject(1, UUID.class), signature(r), false, r.getObject(5, UUID.class), 0,
                            null, true, r.getString(7), false, null, r.getBytes(4) != null));
                }
            }
        }
    }

    private static void load(Connection c, ClusteringParameters p, List<Picture> out) throws Exception {
        try (PreparedStatement s = c.prepareStatement(ITEMS)) {
            s.setObject(1, p.caseId());
            s.setObject(2, p.seizureId());
            s.setObject(3, p.seizureId());
            s.setFetchSize(5_000);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    UUID id = r.getObject(1, UUID.class);
                    ImageSignature signature = signature(r);
                    out.add(new Picture(id, signature, r.getString(5) != null, r.getObject(6, UUID.class), r.getLong(7),
                            r.getObject(8, UUID.class), false, null, r.getBoolean(9),
                            new CaptureSessions.Capture(r.getString(10), r.getString(11), r.getString(12), r.getString(13)),
                            r.getBytes(4) != null));
                }
            }
        }
    }

    /**
     * What to write: suggestions for existing series, new series with their suggestions, and each
     * picture's stack where it changes (null: no longer in one).
     */
    private record Plan(Map<UUID, List<Suggestion>> forExisting, List<List<Suggestion>> newSeries,
                        Map<UUID, UUID> stackChanges, Map<UUID, UUID> stackMerges, List<Hit> hits) {
    }

    /** A picture of the case related to a series of another case. */
    private record Hit(UUID mediaItemId, UUID seriesId, String owningUnit) {
    }

    private record Suggestion(UUID item, float score) {
    }

    private static Plan plan(List<Picture> pictures, Clustering clustering, Clustering seriesGroups,
                             Set<String> rejected, Map<Integer, Float> scoreOf, boolean incremental) {
        Map<UUID, List<Suggestion>> forExisting = new LinkedHashMap<>();
        List<List<Suggestion>> newSeries = new ArrayList<>();
        Map<UUID, UUID> stackMerges = new LinkedHashMap<>();
        Map<UUID, UUID> stackChanges = stacks(pictures, clustering, incremental, stackMerges);
        List<Hit> hits = new ArrayList<>();
        for (int[] group : seriesGroups.multiMemberGroups()) {
            Map<UUID, Integer> seriesCount = new HashMap<>();
            List<Integer> free = new ArrayList<>();
            UUID ownPicture = null;
            Map<UUID, String> foreignSeries = new LinkedHashMap<>();
            for (int i : group) {
                Picture picture = pictures.get(i);
                if (picture.foreign()) {
                    foreignSeries.putIfAbsent(picture.seriesId(), picture.unit());
                    continue;
                }
                if (ownPicture == null) {
                    ownPicture = picture.id();
                }
                if (picture.seriesId() != null) {
                    seriesCount.merge(picture.seriesId(), 1, Integer::sum);
                } else if (!picture.known()) {
                    free.add(i);
                }
            }
            if (ownPicture != null) {
                for (Map.Entry<UUID, String> foreign : foreignSeries.entrySet()) {
                    hits.add(new Hit(ownPicture, foreign.getKey(), foreign.getValue()));
                }
            }
            if (free.isEmpty()) {
                continue;
            }
            UUID target = seriesCount.entrySet().stream()
                    .max(Map.Entry.<UUID, Integer>comparingByValue().thenComparing(e -> e.getKey().toString(),
                            java.util.Comparator.reverseOrder()))
                    .map(Map.Entry::getKey).orElse(null);
            List<Suggestion> suggestions = new ArrayList<>();
            for (int i : free) {
                UUID item = pictures.get(i).id();
                if (target == null || !rejected.contains(target + "/" + item)) {
                    suggestions.add(new Suggestion(item, scoreOf.getOrDefault(i, 0f)));
                }
            }
            if (target != null) {
                if (!suggestions.isEmpty()) {
                    forExisting.computeIfAbsent(target, t -> new ArrayList<>()).addAll(suggestions);
                }
            } else if (suggestions.size() >= 2) {
                newSeries.add(suggestions);
            }
        }
        return new Plan(forExisting, newSeries, stackChanges, stackMerges, hits);
    }

    /**
     * Stacks of near-duplicates: each group's representative is its largest picture (then the
     * first filed); a picture alone leaves any stack it was in. Incrementally, only groups that
     * hold a new picture change, and a group that already has a stack keeps it (the new pictures
     * join it).
     */
    private static Map<UUID, UUID> stacks(List<Picture> pictures, Clustering clustering, boolean incremental,
                                          Map<UUID, UUID> merges) {
        int[] representative = new int[clustering.groups()];
        java.util.Arrays.fill(representative, -1);
        int[] size = new int[clustering.groups()];
        boolean[] touched = new boolean[clustering.groups()];
        List<Map<UUID, Integer>> existing = new ArrayList<>();
        for (int g = 0; g < clustering.groups(); g++) {
            existing.add(null);
        }
        for (int i = 0; i < pictures.size(); i++) {
            Picture picture = pictures.get(i);
            if (picture.foreign()) {
                continue;
            }
            int g = clustering.group(i);
            size[g]++;
            touched[g] |= picture.fresh();
            if (picture.stackId() != null) {
                if (existing.get(g) == null) {
                    existing.set(g, new HashMap<>());
                }
                existing.get(g).merge(picture.stackId(), 1, Integer::sum);
            }
            // Pictures come in filing order, so the first of the largest wins a tie.
            if (representative[g] < 0 || picture.pixels() > pictures.get(representative[g]).pixels()) {
                representative[g] = i;
            }
        }
        Map<UUID, UUID> changes = new LinkedHashMap<>();
        for (int i = 0; i < pictures.size(); i++) {
            Picture picture = pictures.get(i);
            if (picture.foreign()) {
                continue;
            }
            int g = clustering.group(i);
            if (incremental && (!touched[g] || size[g] < 2)) {
                continue;
            }
            UUID stack;
            if (size[g] < 2) {
                stack = null;
            } else if (incremental && existing.get(g) != null) {
                // The stack with most members here stays (ties: the smaller id); any other stack the new
                // picture bridges to joins it whole, members not loaded here included.
                stack = existing.get(g).entrySet().stream()
                        .max(Map.Entry.<UUID, Integer>comparingByValue()
                                .thenComparing(e -> e.getKey().toString(), java.util.Comparator.reverseOrder()))
                        .orElseThrow().getKey();
                for (UUID other : existing.get(g).keySet()) {
                    if (!other.equals(stack)) {
                        merges.put(other, stack);
                    }
                }
            } else {
                stack = pictures.get(representative[g]).id();
            }
            if (!java.util.Objects.equals(stack, picture.stackId())) {
                changes.put(picture.id(), stack);
            }
        }
        return changes;
    }

    private Map<String, Object> write(ClusteringParameters p, Plan plan, String owner) {
        String actor = "clustering, run by " + owner;
        Instant now = Instant.now();
        int suggestions = 0;
        int attached = 0;
        for (Map.Entry<UUID, List<Suggestion>> entry : plan.forExisting().entrySet()) {
            Series s = series.findById(entry.getKey(), jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
            if (s == null || s.status != SeriesStatus.ACTIVE) {
                continue;
            }
            List<UUID> added = new ArrayList<>();
            for (Suggestion suggestion : entry.getValue()) {
                if (members.current(suggestion.item()).isEmpty() && members.find(s.id, suggestion.item()).isEmpty()) {
                    suggest(s.id, suggestion, actor, now);
                    added.add(suggestion.item());
                }
            }
            if (!added.isEmpty()) {
                s.version++;
                s.updatedAt = now;
                history.record(s.id, actor, "members-suggested", Map.of("mediaItemIds", added));
                suggestions += added.size();
                attached += added.size();
            }
        }
        int created = 0;
        for (List<Suggestion> group : plan.newSeries()) {
            List<Suggestion> still = group.stream().filter(g -> members.current(g.item()).isEmpty()).toList();
            if (still.size() < 2) {
                continue;
            }
            Series s = new Series();
            s.id = UUID.randomUUID();
            s.caseId = p.caseId();
            s.reference = series.nextReference();
            s.name = "Suggested series " + s.reference;
            s.status = SeriesStatus.ACTIVE;
            s.createdBy = actor;
            s.createdAt = now;
            s.updatedAt = now;
            series.persist(s);
            for (Suggestion suggestion : still) {
                suggest(s.id, suggestion, actor, now);
            }
            history.record(s.id, actor, "suggested", Map.of("members", still.size()));
            created++;
            suggestions += still.size();
        }
        int stacked = writeStacks(plan.stackChanges());
        plan.stackMerges().forEach((from, to) -> series.getEntityManager()
                .createNativeQuery("UPDATE media_item SET stack_id = ?1 WHERE case_id = ?2 AND stack_id = ?3")
                .setParameter(1, to).setParameter(2, p.caseId()).setParameter(3, from).executeUpdate());
        int[] told = crossCaseHits.record(p.caseId(), plan.hits().stream()
                .map(h -> new CrossCaseHits.Found(h.mediaItemId(), h.seriesId(), h.owningUnit())).toList(), owner);
        Map<String, Object> outcome = new LinkedHashMap<>();
        outcome.put("crossCaseHits", told[0]);
        outcome.put("crossCaseHitsWithheld", told[1]);
        outcome.put("stacksChanged", stacked);
        outcome.put("seriesCreated", created);
        outcome.put("suggestions", suggestions);
        outcome.put("attachedToExisting", attached);
        trail.append(AuditEntry.of(owner, AuditAction.SERIES_CLUSTER, p.caseId().toString(), p.caseId(),
                AuditOutcome.SUCCESS, null, null, created + " series suggested, " + suggestions + " pictures suggested ("
                        + attached + " for existing series)" + (p.seizureId() == null ? "" : ", exhibit " + p.seizureId())));
        return outcome;
    }

    /**
     * Marks what this run took into account. A run over the whole case (or incremental) marks every
     * picture of the case filed before it loaded, including those it leaves out (members of closed
     * series), so the sweep does not come back for them; a run over one exhibit marks what it read.
     * Only rows not marked yet are touched, so a run does not queue the whole case for re-indexing.
     */
    private void markClustered(ClusteringParameters p, List<UUID> items, java.time.Instant loadStart) {
        if (p.seizureId() == null) {
            series.getEntityManager().createNativeQuery("UPDATE media_item SET clustered_at = now() WHERE case_id = ?1 "
                            + "AND clustered_at IS NULL AND pdq IS NOT NULL AND created_at <= ?2")
                    .setParameter(1, p.caseId()).setParameter(2, loadStart).executeUpdate();
            return;
        }
        for (int from = 0; from < items.size(); from += 10_000) {
            List<UUID> page = items.subList(from, Math.min(items.size(), from + 10_000));
            series.getEntityManager().createNativeQuery(
                            "UPDATE media_item SET clustered_at = now() WHERE id = ANY(CAST(?1 AS uuid[])) AND clustered_at IS NULL")
                    .setParameter(1, page.toArray(UUID[]::new)).executeUpdate();
        }
    }

    private int writeStacks(Map<UUID, UUID> changes) {
        Map<UUID, List<UUID>> byStack = new LinkedHashMap<>();
        List<UUID> unstacked = new ArrayList<>();
        changes.forEach((item, stack) -> {
            if (stack == null) {
                unstacked.add(item);
            } else {
                byStack.computeIfAbsent(stack, s -> new ArrayList<>()).add(item);
            }
        });
        var em = series.getEntityManager();
        byStack.forEach((stack, items) -> em.createNativeQuery(
                        "UPDATE media_item SET stack_id = ?1 WHERE id = ANY(CAST(?2 AS uuid[]))")
                .setParameter(1, stack).setParameter(2, items.toArray(UUID[]::new)).executeUpdate());
        if (!unstacked.isEmpty()) {
            em.createNativeQuery("UPDATE media_item SET stack_id = NULL WHERE id = ANY(CAST(?1 AS uuid[]))")
                    .setParameter(1, unstacked.toArray(UUID[]::new)).executeUpdate();
        }
        return changes.size();
    }

    private void suggest(UUID seriesId, Suggestion suggestion, String actor, Instant now) {
        SeriesMember m = new SeriesMember();
        m.seriesId = seriesId;
        m.mediaItemId = suggestion.item();
        m.state = MemberState.SUGGESTED;
        m.joinedBy = JoinedBy.CLUSTERING;
        m.score = suggestion.score();
        m.joinedAt = now;
        m.addedBy = actor;
        members.persist(m);
    }
}
