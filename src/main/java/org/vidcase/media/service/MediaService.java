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
import org.vidcase.shared.error.ResourceNotFoundException;
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

    public MediaService(MediaItemRepository items, MediaLocationRepository locations,
                        MediaCategorisationRepository categorisations, CaseAccess access, CategoryScheme scheme,
                        CurrentUser user, ObjectMapper json, MediaSearchService search,
                        Event<MediaCategorised> categorised) {
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
    public List<MediaItemView> list(@AuditCase UUID caseId, MediaQuery query, ReviewFilter review, int page, int size) {
        access.readable(caseId);
        boolean stacks = query.representativesOnly();
        List<MediaItem> found;
        if (query.needsIndex()) {
            MediaIndexQueries.Page hits = search.search(withReview(query, review), page, size);
            found = items.inCase(caseId, hits.ids());
            AuditDetails.record("search " + describe(query, review) + ": " + hits.total() + " items, page " + page);
        } else {
            found = items.search(caseId, query.seizureId(), query.category(), review, stacks, page, size);
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
        String note = request.note() == null || request.note().isBlank() ? null : request.note();
        apply(item, request, note);
        int others = 0;
        List<UUID> changed = new java.util.ArrayList<>(List.of(item.id));
        if (wholeStack && item.stackId != null) {
            for (MediaItem member : items.stack(caseId, item.stackId)) {
                if (!member.id.equals(item.id)) {
                    apply(member, request, note);
                    changed.add(member.id);
                    others++;
                }
            }
        }
        categorised.fire(new MediaCategorised(caseId, changed));
        String detail = json(change.after(item, note != null));
        AuditDetails.record(others == 0 ? detail
                : detail.substring(0, detail.length() - 1) + ",\"stackMembers\":" + others + "}");
        return view(item);
    }

    private void apply(MediaItem item, CategoriseRequest request, String note) {
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
        recordHistory(item, note);
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

    /** Appends the item's current categorisation to its history. */
    public void recordHistory(MediaItem item, String note) {
        categorisations.persist(snapshot(item, note));
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
