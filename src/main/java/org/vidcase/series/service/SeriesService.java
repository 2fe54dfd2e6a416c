package org.vidcase.series.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.vidcase.audit.service.AuditAction;
import org.vidcase.audit.service.AuditCase;
import org.vidcase.audit.service.AuditObject;
import org.vidcase.audit.service.Audited;
import org.vidcase.cases.service.CaseAccess;
import org.vidcase.media.api.CategoriseRequest;
import org.vidcase.media.service.MediaService;
import org.vidcase.series.api.AddMembersRequest;
import org.vidcase.series.api.CreateSeriesRequest;
import org.vidcase.series.api.MemberDecisionRequest;
import org.vidcase.series.api.MergeSeriesRequest;
import org.vidcase.series.api.SeriesCategorisationView;
import org.vidcase.series.api.SeriesEventView;
import org.vidcase.series.api.SeriesMemberView;
import org.vidcase.series.api.SeriesView;
import org.vidcase.series.api.SplitSeriesRequest;
import org.vidcase.series.api.UpdateSeriesRequest;
import org.vidcase.series.domain.JoinedBy;
import org.vidcase.series.domain.MemberState;
import org.vidcase.series.domain.Series;
import org.vidcase.series.domain.SeriesEventRepository;
import org.vidcase.series.domain.SeriesMember;
import org.vidcase.series.domain.SeriesMemberRepository;
import org.vidcase.series.domain.SeriesRepository;
import org.vidcase.series.domain.SeriesStatus;
import org.vidcase.shared.error.ConflictException;
import org.vidcase.shared.error.ResourceNotFoundException;
import org.vidcase.shared.error.RuleViolationException;
import org.vidcase.shared.security.CurrentUser;

/**
 * Series of a case, behind the case's need-to-know: its team reads them, leads and members change
 * them. Every change is audited and kept in the series' history; a change sent with a version
 * other than the current one answers 409 and changes nothing.
 */
@ApplicationScoped
public class SeriesService {

    private final SeriesRepository series;
    private final SeriesMemberRepository members;
    private final SeriesEventRepository events;
    private final SeriesHistory history;
    private final CaseAccess access;
    private final CurrentUser user;
    private final ObjectMapper json;
    private final SeriesNaming naming;
    private final MediaService media;

    public SeriesService(SeriesRepository series, SeriesMemberRepository members, SeriesEventRepository events,
                         SeriesHistory history, CaseAccess access, CurrentUser user, ObjectMapper json,
                         SeriesNaming naming, MediaService media) {
        this.naming = naming;
        this.media = media;
        this.series = series;
        this.members = members;
        this.events = events;
        this.history = history;
        this.access = access;
        this.user = user;
        this.json = json;
    }

    @Audited(AuditAction.SERIES_LIST)
    public List<SeriesView> list(@AuditCase UUID caseId) {
        access.readable(caseId);
        return series.ofCase(caseId).stream().map(s -> view(s, false)).toList();
    }

    @Audited(AuditAction.SERIES_VIEW)
    public SeriesView get(@AuditCase UUID caseId, @AuditObject UUID seriesId) {
        access.readable(caseId);
        return view(found(caseId, seriesId), true);
    }

    @Audited(AuditAction.SERIES_VIEW)
    public List<SeriesEventView> history(@AuditCase UUID caseId, @AuditObject UUID seriesId) {
        access.readable(caseId);
        found(caseId, seriesId);
        return events.ofSeries(seriesId).stream()
                .map(e -> new SeriesEventView(e.at, e.actor, e.action, parse(e.detail))).toList();
    }

    @Audited(AuditAction.SERIES_CREATE)
    public SeriesView create(@AuditCase UUID caseId, @Valid @NotNull CreateSeriesRequest request) {
        access.workable(caseId);
        List<UUID> items = request.mediaItemIds() == null ? List.of() : distinct(request.mediaItemIds());
        requireItemsOfCase(caseId, items);
        requireFree(items, null);
        Series s = newSeries(caseId, request.name().strip(), request.notes());
        naming.remember(s, s.name, SeriesNaming.Source.SERIES);
        for (UUID item : items) {
            addMember(s.id, item, MemberState.CONFIRMED, JoinedBy.OFFICER, null);
        }
        history.recordAudited(s.id, user.name(), "created", detail("name", s.name, "members", items.size()));
        return view(s, true);
    }

    @Audited(AuditAction.SERIES_UPDATE)
    public SeriesView update(@AuditCase UUID caseId, @AuditObject UUID seriesId,
                             @Valid @NotNull UpdateSeriesRequest request) {
        access.workable(caseId);
        if (request.victimIdentified() != null || request.offenderIdentified() != null) {
            throw new RuleViolationException("A series' identified flags follow its identification records: record an "
                    + "identified victim or offender (POST /api/cases/{caseId}/identifications) naming the series");
        }
        Series s = lockedAt(caseId, seriesId, request.version());
        Map<String, Object> changes = new LinkedHashMap<>();
        if (request.name() != null && !request.name().strip().equals(s.name)) {
            changes.put("name", fromTo(s.name, request.name().strip()));
            s.name = request.name().strip();
            naming.remember(s, s.name, SeriesNaming.Source.SERIES);
        }
        if (request.status() != null && request.status() != s.status) {
            if (s.mergedInto != null) {
                throw new ConflictException("Series " + s.reference + " was merged into another and stays closed");
            }
            changes.put("status", fromTo(s.status, request.status()));
            s.status = request.status();
        }
        if (request.notes() != null && !request.notes().equals(s.notes)) {
            changes.put("notesChanged", true);
            s.notes = request.notes();
        }
        if (!changes.isEmpty()) {
            touch(s);
            history.recordAudited(s.id, user.name(), "updated", changes);
        }
        return view(s, true);
    }

    @Audited(AuditAction.SERIES_MEMBER_ADD)
    public SeriesView addMembers(@AuditCase UUID caseId, @AuditObject UUID seriesId,
                                 @Valid @NotNull AddMembersRequest request) {
        access.workable(caseId);
        Series s = lockedAt(caseId, seriesId, request.version());
        requireActive(s);
        List<UUID> items = distinct(request.mediaItemIds());
        requireItemsOfCase(caseId, items);
        requireFree(items, s.id);
        List<UUID> added = new ArrayList<>();
        for (UUID item : items) {
            Optional<SeriesMember> existing = members.find(s.id, item);
            if (existing.isPresent()) {
                SeriesMember m = existing.get();
                if (m.state != MemberState.CONFIRMED) {
                    decide(m, MemberState.CONFIRMED);
                    added.add(item);
                }
            } else {
                addMember(s.id, item, MemberState.CONFIRMED, JoinedBy.OFFICER, null);
                added.add(item);
            }
        }
        if (!added.isEmpty()) {
            touch(s);
            history.recordAudited(s.id, user.name(), "members-added", detail("mediaItemIds", added));
        }
        return view(s, true);
    }

    /**
     * Categorises every confirmed member of the series as one decision (suggested members are not
     * decided yet and are left alone): each item's history and the series' history record it.
     */
    @Audited(AuditAction.SERIES_CATEGORISE)
    public SeriesCategorisationView categorise(@AuditCase UUID caseId, @AuditObject UUID seriesId,
                                               @Valid @NotNull CategoriseRequest request) {
        access.workable(caseId);
        Series s = locked(caseId, seriesId);
        List<UUID> confirmed = members.ofSeries(s.id).stream().filter(m -> m.state == MemberState.CONFIRMED)
                .map(m -> m.mediaItemId).toList();
        if (confirmed.isEmpty()) {
            throw new RuleViolationException("Series " + s.reference + " has no confirmed member to categorise; "
                    + "confirm its suggested members first");
        }
        int categorised = media.categoriseItems(caseId, confirmed, request);
        long suggested = members.countInState(s.id, MemberState.SUGGESTED);
        history.recordAudited(s.id, user.name(), "members-categorised",
                detail("category", request.category(), "items", categorised));
        return new SeriesCategorisationView(s.id, request.category(), categorised, suggested);
    }

    @Audited(AuditAction.SERIES_MEMBER_DECIDE)
    public SeriesView decide(@AuditCase UUID caseId, @AuditObject UUID seriesId, UUID mediaItemId,
                             @Valid @NotNull MemberDecisionRequest request) {
        access.workable(caseId);
        Series s = locked(caseId, seriesId);
        requireActive(s);
        SeriesMember m = members.find(s.id, mediaItemId)
                .orElseThrow(() -> new ResourceNotFoundException("Member", mediaItemId));
        MemberState target = request.decision() == MemberDecisionRequest.Decision.CONFIRM
                ? MemberState.CONFIRMED : MemberState.REJECTED;
        if (m.state == target) {
            return view(s, true);
        }
        if (target == MemberState.CONFIRMED) {
            requireFree(List.of(mediaItemId), s.id);
        }
        MemberState before = m.state;
        decide(m, target);
        touch(s);
        history.recordAudited(s.id, user.name(), target == MemberState.CONFIRMED ? "member-confirmed" : "member-rejected",
                detail("mediaItemId", mediaItemId, "state", fromTo(before, target), "score", m.score));
        return view(s, true);
    }

    @Audited(AuditAction.SERIES_MEMBER_REMOVE)
    public SeriesView removeMember(@AuditCase UUID caseId, @AuditObject UUID seriesId, UUID mediaItemId) {
        access.workable(caseId);
        Series s = locked(caseId, seriesId);
        requireActive(s);
        SeriesMember m = members.find(s.id, mediaItemId)
                .orElseThrow(() -> new ResourceNotFoundException("Member", mediaItemId));
        members.delete(m);
        touch(s);
        history.recordAudited(s.id, user.name(), "member-removed", detail("mediaItemId", mediaItemId, "state", m.state));
        return view(s, true);
    }

    @Audited(AuditAction.SERIES_MERGE)
    public SeriesView merge(@AuditCase UUID caseId, @AuditObject UUID seriesId, @Valid @NotNull MergeSeriesRequest request) {
        access.workable(caseId);
        if (request.otherSeriesId().equals(seriesId)) {
            throw new RuleViolationException("A series cannot be merged with itself");
        }
        // Where the other series is, without loading it: it is read under its row lock below.
        UUID otherCase = series.getEntityManager().createQuery("select s.caseId from Series s where s.id = ?1", UUID.class)
                .setParameter(1, request.otherSeriesId()).getResultStream().findFirst()
                .filter(access::canRead)
                .orElseThrow(() -> new ResourceNotFoundException("Series", request.otherSeriesId()));
        if (!otherCase.equals(caseId)) {
            throw new RuleViolationException("That series belongs to another case; only series of the same case can "
                    + "be merged");
        }
        // Lock both in id order so that two merges of the same pair cannot deadlock.
        boolean thisFirst = seriesId.compareTo(request.otherSeriesId()) < 0;
        Series first = locked(caseId, thisFirst ? seriesId : request.otherSeriesId());
        Series second = locked(caseId, thisFirst ? request.otherSeriesId() : seriesId);
        Series target = thisFirst ? first : second;
        Series absorbed = thisFirst ? second : first;
        requireVersion(target, request.version());
        requireVersion(absorbed, request.otherVersion());
        requireActive(target);
        requireActive(absorbed);
        int moved = 0;
        for (SeriesMember m : members.ofSeries(absorbed.id)) {
            Optional<SeriesMember> here = members.find(target.id, m.mediaItemId);
            members.delete(m);
            members.flush();
            if (here.isPresent()) {
                // The item was rejected here; a confirmation on the other side decides it again.
                if (m.state == MemberState.CONFIRMED) {
                    decide(here.get(), MemberState.CONFIRMED);
                }
                continue;
            }
            members.persist(movedTo(m, target.id));
            moved++;
        }
        absorbed.status = SeriesStatus.CLOSED;
        absorbed.mergedInto = target.id;
        touch(absorbed);
        touch(target);
        history.record(absorbed.id, user.name(), "merged-into", detail("series", target.reference, "members", moved));
        history.recordAudited(target.id, user.name(), "merged", detail("from", absorbed.reference, "members", moved));
        return view(target, true);
    }

    @Audited(AuditAction.SERIES_SPLIT)
    public SeriesView split(@AuditCase UUID caseId, @AuditObject UUID seriesId, @Valid @NotNull SplitSeriesRequest request) {
        access.workable(caseId);
        Series s = lockedAt(caseId, seriesId, request.version());
        requireActive(s);
        List<UUID> items = distinct(request.mediaItemIds());
        List<SeriesMember> current = members.ofSeries(s.id).stream().filter(m -> m.state != MemberState.REJECTED).toList();
        Set<UUID> currentIds = new LinkedHashSet<>();
        current.forEach(m -> currentIds.add(m.mediaItemId));
        List<UUID> notMembers = items.stream().filter(i -> !currentIds.contains(i)).toList();
        if (!notMembers.isEmpty()) {
            throw new RuleViolationException("Not members of series " + s.reference + ": " + notMembers);
        }
        if (items.size() == currentIds.size()) {
            throw new RuleViolationException("A split must leave at least one member in series " + s.reference
                    + "; to rename the series, change its name instead");
        }
        Series part = newSeries(caseId, request.name().strip(), null);
        for (SeriesMember m : current) {
            if (items.contains(m.mediaItemId)) {
                members.delete(m);
                members.flush();
                members.persist(movedTo(m, part.id));
            }
        }
        touch(s);
        history.record(part.id, user.name(), "split-from", detail("series", s.reference, "members", items.size()));
        history.recordAudited(s.id, user.name(), "split", detail("into", part.reference, "mediaItemIds", items));
        return view(part, true);
    }

    // ---- helpers ------------------------------------------------------------------------------

    Series newSeries(UUID caseId, String name, String notes) {
        Series s = new Series();
        s.id = UUID.randomUUID();
        s.caseId = caseId;
        s.reference = series.nextReference();
        s.name = name;
        s.status = SeriesStatus.ACTIVE;
        s.notes = notes;
        s.createdBy = user.name();
        s.createdAt = Instant.now();
        s.updatedAt = s.createdAt;
        series.persist(s);
        return s;
    }

    private void addMember(UUID seriesId, UUID item, MemberState state, JoinedBy joinedBy, Float score) {
        SeriesMember m = new SeriesMember();
        m.seriesId = seriesId;
        m.mediaItemId = item;
        m.state = state;
        m.joinedBy = joinedBy;
        m.score = score;
        m.joinedAt = Instant.now();
        m.addedBy = user.name();
        if (state != MemberState.SUGGESTED) {
            m.decidedBy = user.name();
            m.decidedAt = m.joinedAt;
        }
        members.persist(m);
    }

    /** The membership as it stands, in another series: how and when it joined and who decided go with it. */
    private static SeriesMember movedTo(SeriesMember m, UUID seriesId) {
        SeriesMember copy = new SeriesMember();
        copy.seriesId = seriesId;
        copy.mediaItemId = m.mediaItemId;
        copy.state = m.state;
        copy.joinedBy = m.joinedBy;
        copy.score = m.score;
        copy.joinedAt = m.joinedAt;
        copy.addedBy = m.addedBy;
        copy.decidedBy = m.decidedBy;
        copy.decidedAt = m.decidedAt;
        return copy;
    }

    private void decide(SeriesMember m, MemberState state) {
        m.state = state;
        m.decidedBy = user.name();
        m.decidedAt = Instant.now();
    }

    /** Bumps the version even when only members changed, so that a stale client is told. */
    private static void touch(Series s) {
        s.updatedAt = Instant.now();
        s.version++;
    }

    private Series found(UUID caseId, UUID seriesId) {
        return series.inCase(caseId, seriesId).orElseThrow(() -> new ResourceNotFoundException("Series", seriesId));
    }

    private Series locked(UUID caseId, UUID seriesId) {
        return series.lockedInCase(caseId, seriesId).orElseThrow(() -> new ResourceNotFoundException("Series", seriesId));
    }

    private Series lockedAt(UUID caseId, UUID seriesId, long version) {
        Series s = locked(caseId, seriesId);
        requireVersion(s, version);
        return s;
    }

    private static void requireVersion(Series s, long version) {
        if (s.version != version) {
            throw new ConflictException("Series " + s.reference + " was changed since version " + version
                    + " (it is at version " + s.version + "); read it again and repeat the change");
        }
    }

    private static void requireActive(Series s) {
        if (s.status != SeriesStatus.ACTIVE) {
            throw new ConflictException("Series " + s.reference + " is closed; reopen it first");
        }
    }

    private void requireItemsOfCase(UUID caseId, List<UUID> items) {
        if (items.isEmpty()) {
            return;
        }
        @SuppressWarnings("unchecked")
        List<UUID> found = series.getEntityManager()
                .createNativeQuery("SELECT id FROM media_item WHERE case_id = ?1 AND id = ANY(CAST(?2 AS uuid[]))", UUID.class)
                .setParameter(1, caseId).setParameter(2, items.toArray(UUID[]::new)).getResultList();
        if (found.size() != items.size()) {
            List<UUID> missing = items.stream().filter(i -> !found.contains(i)).toList();
            throw new RuleViolationException("No such media items in this case: " + missing);
        }
    }

    /** No item may already be suggested for or confirmed in another series. */
    private void requireFree(List<UUID> items, UUID except) {
        for (SeriesMember m : members.current(items)) {
            if (!m.seriesId.equals(except)) {
                Series other = series.findById(m.seriesId);
                throw new ConflictException("Media item " + m.mediaItemId + " is already in series " + other.reference
                        + " (" + m.state.name().toLowerCase() + "); remove it there first");
            }
        }
    }

    SeriesView view(Series s, boolean withMembers) {
        List<SeriesMember> all = members.ofSeries(s.id);
        long confirmed = all.stream().filter(m -> m.state == MemberState.CONFIRMED).count();
        long suggested = all.stream().filter(m -> m.state == MemberState.SUGGESTED).count();
        long rejected = all.size() - confirmed - suggested;
        @SuppressWarnings("unchecked")
        List<UUID> linked = series.getEntityManager()
                .createNativeQuery("SELECT case_id FROM series_case_link WHERE series_id = ?1 ORDER BY linked_at", UUID.class)
                .setParameter(1, s.id).getResultList();
        List<UUID> visibleLinks = linked.stream().filter(access::canRead).toList();
        if (!withMembers) {
            return SeriesView.of(s, confirmed, suggested, rejected, visibleLinks, List.of());
        }
        Map<UUID, String[]> described = describe(all.stream().map(m -> m.mediaItemId).toList());
        return SeriesView.of(s, confirmed, suggested, rejected, visibleLinks, all.stream().map(m -> {
            String[] d = described.getOrDefault(m.mediaItemId, new String[2]);
            return SeriesMemberView.of(m, d[0], d[1]);
        }).toList());
    }

    /** Each item's first file name (in location order) and current category, read at once, not from the search index. */
    private Map<UUID, String[]> describe(List<UUID> items) {
        if (items.isEmpty()) {
            return Map.of();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = series.getEntityManager().createNativeQuery("""
                        SELECT m.id, (SELECT l.file_name FROM media_location l WHERE l.media_id = m.id
                                      ORDER BY l.location_key LIMIT 1), m.category
                        FROM media_item m WHERE m.id = ANY (CAST(?1 AS uuid[]))""")
                .setParameter(1, items.stream().map(UUID::toString).toArray(String[]::new)).getResultList();
        Map<UUID, String[]> out = new java.util.HashMap<>();
        for (Object[] row : rows) {
            out.put((UUID) row[0], new String[] {(String) row[1], (String) row[2]});
        }
        return out;
    }

    private static List<UUID> distinct(List<UUID> ids) {
        return List.copyOf(new LinkedHashSet<>(ids));
    }

    private static Map<String, Object> fromTo(Object from, Object to) {
        Map<String, Object> change = new LinkedHashMap<>();
        change.put("from", from);
        change.put("to", to);
        return change;
    }

    private static Map<String, Object> detail(Object... pairs) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            out.put((String) pairs[i], pairs[i + 1]);
        }
        return out;
    }

    private com.fasterxml.jackson.databind.JsonNode parse(String text) {
        try {
            return text == null ? null : json.readTree(text);
        } catch (JsonProcessingException e) {
            return json.getNodeFactory().textNode(text);
        }
    }
}
