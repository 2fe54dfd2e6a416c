package org.vidcase.media.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.vidcase.audit.service.AuditAction;
import org.vidcase.audit.service.AuditCase;
import org.vidcase.audit.service.AuditDetails;
import org.vidcase.audit.service.AuditObject;
import org.vidcase.audit.service.Audited;
import org.vidcase.cases.service.CaseAccess;
import org.vidcase.media.api.CategorisationView;
import org.vidcase.media.api.CategoriseRequest;
import org.vidcase.media.api.LocationView;
import org.vidcase.media.api.MediaFlags;
import org.vidcase.media.api.MediaItemView;
import org.vidcase.media.domain.CategorySource;
import org.vidcase.media.domain.MediaCategorisation;
import org.vidcase.media.domain.MediaCategorisationRepository;
import org.vidcase.media.domain.MediaItem;
import org.vidcase.media.domain.MediaItemRepository;
import org.vidcase.media.domain.MediaLocation;
import org.vidcase.media.domain.MediaLocationRepository;
import org.vidcase.media.domain.ReviewFilter;
import org.vidcase.search.api.MediaFacetsView;
import org.vidcase.search.infra.MediaIndexQueries;
import org.vidcase.search.service.MediaQuery;
import org.vidcase.search.service.MediaSearchService;
import org.vidcase.shared.category.CategoryScheme;
import org.vidcase.shared.error.ConflictException;
import org.vidcase.shared.error.ResourceNotFoundException;
import org.vidcase.shared.error.RuleViolationException;
import org.vidcase.shared.security.CurrentUser;

/** Reading and categorising the media items of a case. */
@ApplicationScoped
public class MediaService {

    private final MediaItemRepository items;
    private final MediaLocationRepository locations;
    private final MediaCategorisationRepository categorisations;
    private final CaseAccess access;
    private final CategoryScheme scheme;
    private final CurrentUser user;
    private final ObjectMapper json;
    private final MediaSearchService search;
    private final Event<MediaCategorised> categorised;
    private final SecondOpinions secondOpinions;

    public MediaService(MediaItemRepository items, MediaLocationRepository locations,
                        MediaCategorisationRepository categorisations, CaseAccess access, CategoryScheme scheme,
                        CurrentUser user, ObjectMapper json, MediaSearchService search,
                        Event<MediaCategorised> categorised, SecondOpinions secondOpinions) {
        this.secondOpinions = secondOpinions;
        this.search = search;
        this.categorised = categorised;
        this.json = json;
        this.items = items;
        this.locations = locations;
        this.categorisations = categorisations;
        this.access = access;
        this.scheme = scheme;
        this.user = user;
    }

    /**
     * The items of a case, a page at a time: from PostgreSQL, or from the search index when the
     * query has words or filters only the index holds (the index finds the ids, PostgreSQL gives
     * the items as they are now).
     */
    @Audited(AuditAction.MEDIA_LIST)
    public List<MediaItemView> list(@AuditCase UUID caseId, MediaQuery query, ReviewFilter review, boolean hashOnlyFirst,
                                    int page, int size) {
        access.readable(caseId);
        boolean stacks = query.representativesOnly();
        List<MediaItem> found;
        if (query.needsIndex()) {
            MediaIndexQueries.Page hits = search.search(withReview(query, review), page, size);
            found = items.inCase(caseId, hits.ids());
            AuditDetails.record("search " + describe(query, review) + ": " + hits.total() + " items, page " + page);
        } else {
            found = items.search(caseId, query.seizureId(), query.category(), review, stacks, hashOnlyFirst, page, size);
        }
        Map<UUID, List<LocationView>> where = locations.ofMedia(found.stream().map(m -> m.id).toList()).stream()
                .collect(Collectors.groupingBy(l -> l.mediaId, Collectors.mapping(LocationView::of, Collectors.toList())));
        Map<UUID, Integer> sizes = stacks
                ? items.stackSizes(caseId, found.stream().filter(m -> m.id.equals(m.stackId)).map(m -> m.id).toList())
                : Map.of();
        return found.stream().map(m -> MediaItemView.of(m, where.getOrDefault(m.id, List.of()),
                stacks ? sizes.getOrDefault(m.id, 1) : null)).toList();
    }

    /** Facet counts of a search over the case's items in the index. */
    @Audited(AuditAction.MEDIA_LIST)
    public MediaFacetsView facets(@AuditCase UUID caseId, MediaQuery query, ReviewFilter review, List<String> facets,
                                  int facetSize) {
        access.readable(caseId);
        MediaFacetsView view = search.facets(withReview(query, review), facets, facetSize);
        AuditDetails.record("facets " + describe(query, review) + ": " + view.total() + " items");
        return view;
    }

    /** The review states in the index's terms. */
    private static MediaQuery withReview(MediaQuery q, ReviewFilter review) {
        if (review == null) {
            return q;
        }
        String status = switch (review) {
            case TO_REVIEW, REVIEWED -> MediaQuery.UNMATCHED;
            case ALERT, IGNORABLE -> review.name();
        };
        Boolean human = switch (review) {
            case TO_REVIEW -> false;
            case REVIEWED -> true;
            case ALERT, IGNORABLE -> null;
        };
        return new MediaQuery(q.caseId(), q.text(), q.seizureId(), q.category(), status, human, q.representativesOnly(),
                q.tag(), q.make(), q.model(), q.serial(), q.folder(), q.extension(), q.mediaType(), q.seriesId(),
                q.categorisedBy());
    }

    private static String describe(MediaQuery q, ReviewFilter review) {
        StringBuilder b = new StringBuilder();
        appendIfPresent(b, "q", q.text());
        appendIfPresent(b, "seizureId", q.seizureId());
        appendIfPresent(b, "category", q.category());
        appendIfPresent(b, "review", review);
        appendIfPresent(b, "tag", q.tag());
        appendIfPresent(b, "make", q.make());
        appendIfPresent(b, "model", q.model());
        appendIfPresent(b, "serial", q.serial());
        appendIfPresent(b, "folder", q.folder());
        appendIfPresent(b, "extension", q.extension());
        appendIfPresent(b, "mediaType", q.mediaType());
        appendIfPresent(b, "seriesId", q.seriesId());
        appendIfPresent(b, "categorisedBy", q.categorisedBy());
        return b.toString().strip();
    }

    private static void appendIfPresent(StringBuilder b, String name, Object value) {
        if (value != null) {
            b.append(' ').append(name).append('=').append(value);
        }
    }

    @Audited(AuditAction.MEDIA_VIEW)
    public MediaItemView get(@AuditCase UUID caseId, @AuditObject UUID mediaId) {
        return view(readable(caseId, mediaId));
    }

    /**
     * @param wholeStack also categorise every other item of the item's stack of near-duplicates,
     *                   each with a history entry of its own
     */
    @Audited(AuditAction.MEDIA_CATEGORISE)
    public MediaItemView categorise(@AuditCase UUID caseId, @AuditObject UUID mediaId,
                                    @Valid @NotNull CategoriseRequest request, boolean wholeStack) {
        access.workable(caseId);
        MediaItem item = items.inCase(caseId, mediaId).orElseThrow(() -> new ResourceNotFoundException("Media item", mediaId));
        scheme.require(request.category());
        CategorisationChange change = CategorisationChange.before(item);
        List<MediaItem> decided = new java.util.ArrayList<>(List.of(item));
        if (wholeStack && item.stackId != null) {
            items.stack(caseId, item.stackId).stream().filter(m -> !m.id.equals(item.id)).forEach(decided::add);
        }
        String note = noteOf(request);
        decide(caseId, decided, request, note);
        String detail = json(change.after(item, note != null));
        int others = decided.size() - 1;
        AuditDetails.record(others == 0 ? detail
                : detail.substring(0, detail.length() - 1) + ",\"stackMembers\":" + others + "}");
        return view(item);
    }

    /**
     * One decision over a group of items of the case (the confirmed members of a series), for a
     * feature above media that audits the call: each item gets the category and a history entry of
     * its own, all under one decision id.
     *
     * @return how many items were categorised
     */
    public int categoriseItems(UUID caseId, List<UUID> mediaIds, @Valid @NotNull CategoriseRequest request) {
        access.workable(caseId);
        scheme.require(request.category());
        List<MediaItem> decided = items.inCase(caseId, mediaIds);
        if (decided.isEmpty()) {
            throw new RuleViolationException("There is no item to categorise");
        }
        decide(caseId, decided, request, noteOf(request));
        return decided.size();
    }

    /**
     * Undoes the caller's latest decision on the item, for every item it covered (its stack or
     * series) that nobody has categorised since: each goes back to the category, source and flags
     * it had before, which may be none. The undo is a history entry of its own. A series text or
     * tags the decision set stay.
     */
    @Audited(AuditAction.MEDIA_CATEGORISE)
    public MediaItemView undo(@AuditCase UUID caseId, @AuditObject UUID mediaId) {
        access.workable(caseId);
        MediaItem item = items.inCase(caseId, mediaId).orElseThrow(() -> new ResourceNotFoundException("Media item", mediaId));
        List<MediaCategorisation> history = categorisations.history(item.id);
        MediaCategorisation last = history.isEmpty() ? null : history.get(history.size() - 1);
        if (last == null || last.decisionId == null || last.undoes != null || last.source != CategorySource.HUMAN) {
            throw new ConflictException("The item's latest categorisation is not a decision that can be undone");
        }
        if (!user.name().equals(last.categorisedBy)) {
            throw new ConflictException("Only " + last.categorisedBy + ", who made the item's latest decision, can undo it");
        }
        UUID undone = last.decisionId;
        UUID decision = UUID.randomUUID();
        List<MediaCategorisation> rows = categorisations.ofDecision(undone);
        java.util.Map<UUID, MediaCategorisation> latest = categorisations.latest(rows.stream().map(r -> r.mediaId).toList());
        List<UUID> reverted = new java.util.ArrayList<>();
        for (MediaCategorisation row : rows) {
            if (!row.id.equals(latest.get(row.mediaId).id)) {
                continue; // categorised again since: that later decision stands
            }
            MediaItem m = row.mediaId.equals(item.id) ? item : items.inCase(caseId, row.mediaId).orElse(null);
            if (m == null) {
                continue;
            }
            restore(m, previousOf(categorisations.history(m.id), row));
            MediaCategorisation entry = snapshot(m, "undo");
            entry.categorisedBy = user.name();
            entry.categorisedAt = Instant.now();
            entry.decisionId = decision;
            entry.undoes = undone;
            categorisations.persist(entry);
            reverted.add(m.id);
        }
        categorised.fire(new MediaCategorised(caseId, reverted));
        secondOpinions.withdraw(undone);
        AuditDetails.record(json(java.util.Map.of("undoes", undone.toString(), "items", reverted.size(),
                "category", String.valueOf(item.category))));
        return view(item);
    }

    private static MediaCategorisation previousOf(List<MediaCategorisation> history, MediaCategorisation row) {
        MediaCategorisation previous = null;
        for (MediaCategorisation c : history) {
            if (c.id.equals(row.id)) {
                return previous;
            }
            previous = c;
        }
        return previous;
    }

    private static void restore(MediaItem item, MediaCategorisation previous) {
        item.category = previous == null ? null : previous.category;
        item.categorySource = previous == null ? null : previous.source;
        item.categorisedBy = previous == null || previous.category == null ? null : previous.categorisedBy;
        item.categorisedAt = previous == null || previous.category == null ? null : previous.categorisedAt;
        item.victimIdentified = previous == null ? null : previous.victimIdentified;
        item.offenderIdentified = previous == null ? null : previous.offenderIdentified;
        item.distributed = previous == null ? null : previous.distributed;
        item.selfGenerated = previous == null ? null : previous.selfGenerated;
        item.suspected = previous == null ? null : previous.suspected;
        item.baseline = previous == null ? null : previous.baseline;
    }

    /**
     * A supervisor's resolution of a disagreement: the items the first decision covered that
     * nobody categorised since get the resolved category, as a decision of its own.
     *
     * @return how many items changed
     */
    public int resolveDecision(UUID caseId, UUID firstDecision, String category, String note) {
        scheme.require(category);
        List<MediaCategorisation> rows = categorisations.ofDecision(firstDecision);
        java.util.Map<UUID, MediaCategorisation> latest = categorisations.latest(rows.stream().map(r -> r.mediaId).toList());
        List<MediaItem> carrying = items.inCase(caseId, rows.stream()
                .filter(r -> r.id.equals(latest.get(r.mediaId).id)).map(r -> r.mediaId).toList());
        if (carrying.isEmpty()) {
            return 0;
        }
        MediaItem first = carrying.get(0);
        CategoriseRequest request = new CategoriseRequest(category,
                new MediaFlags(first.victimIdentified, first.offenderIdentified, first.distributed, first.selfGenerated,
                        first.suspected, first.baseline), null, null, note);
        UUID decision = UUID.randomUUID();
        for (MediaItem m : carrying) {
            apply(m, request, note, decision);
        }
        categorised.fire(new MediaCategorised(caseId, carrying.stream().map(m -> m.id).toList()));
        return carrying.size();
    }

    /** Applies one decision to the items (the first is the one the officer looked at) and considers a second opinion. */
    private void decide(UUID caseId, List<MediaItem> decided, CategoriseRequest request, String note) {
        UUID decision = UUID.randomUUID();
        for (MediaItem m : decided) {
            apply(m, request, note, decision);
        }
        categorised.fire(new MediaCategorised(caseId, decided.stream().map(m -> m.id).toList()));
        secondOpinions.consider(caseId, decided.get(0), decision, decided.size());
    }

    private static String noteOf(CategoriseRequest request) {
        return request.note() == null || request.note().isBlank() ? null : request.note();
    }

    private void apply(MediaItem item, CategoriseRequest request, String note, UUID decision) {
        keepInitialCategorisation(item);
        MediaFlags flags = request.flags() == null ? new MediaFlags(null, null, null, null, null, null) : request.flags();
        item.category = request.category();
        item.categorySource = CategorySource.HUMAN;
        item.hashDetails = false;
        item.categorisedBy = user.name();
        item.categorisedAt = Instant.now();
        item.victimIdentified = flags.victimIdentified();
        item.offenderIdentified = flags.offenderIdentified();
        item.distributed = flags.distributed();
        item.selfGenerated = flags.selfGenerated();
        item.suspected = flags.suspected();
        item.baseline = flags.baseline();
        if (request.series() != null) {
            item.series = request.series();
        }
        if (request.tags() != null) {
            item.tags = new java.util.ArrayList<>(request.tags());
        }
        if (note != null) {
            item.note = note;
        }
        MediaCategorisation entry = snapshot(item, note);
        entry.decisionId = decision;
        categorisations.persist(entry);
    }

    @Audited(AuditAction.MEDIA_VIEW)
    public List<CategorisationView> history(@AuditCase UUID caseId, @AuditObject UUID mediaId) {
        MediaItem item = readable(caseId, mediaId);
        List<MediaCategorisation> recorded = categorisations.history(item.id);
        if (recorded.isEmpty() && item.category != null) {
            return List.of(CategorisationView.of(snapshot(item, "as imported")));
        }
        return recorded.stream().map(CategorisationView::of).toList();
    }

    /**
     * Bulk imports leave an imported category on the item only; before the first change it goes
     * into the history, so that the history always starts with where the item came from.
     */
    private void keepInitialCategorisation(MediaItem item) {
        if (item.category != null && categorisations.history(item.id).isEmpty()) {
            categorisations.persist(snapshot(item,
                    item.categorySource == CategorySource.HASH_MATCH ? "pre-categorised by hash" : "as imported"));
        }
    }

    private static MediaCategorisation snapshot(MediaItem item, String note) {
        MediaCategorisation c = new MediaCategorisation();
        c.id = UUID.randomUUID();
        c.mediaId = item.id;
        c.category = item.category;
        c.source = item.categorySource;
        c.victimIdentified = item.victimIdentified;
        c.offenderIdentified = item.offenderIdentified;
        c.distributed = item.distributed;
        c.selfGenerated = item.selfGenerated;
        c.suspected = item.suspected;
        c.baseline = item.baseline;
        c.note = note;
        c.categorisedBy = item.categorisedBy;
        c.categorisedAt = item.categorisedAt;
        return c;
    }

    private String json(Object document) {
        try {
            return json.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public MediaItem readable(UUID caseId, UUID mediaId) {
        access.readable(caseId);
        return items.inCase(caseId, mediaId).orElseThrow(() -> new ResourceNotFoundException("Media item", mediaId));
    }

    public MediaItemView view(MediaItem item) {
        List<MediaLocation> where = locations.ofMedia(item.id);
        return MediaItemView.of(item, where.stream().map(LocationView::of).toList());
    }
}
