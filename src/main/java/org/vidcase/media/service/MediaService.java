package org.vidcase.media.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
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

    public MediaService(MediaItemRepository items, MediaLocationRepository locations,
                        MediaCategorisationRepository categorisations, CaseAccess access, CategoryScheme scheme,
                        CurrentUser user, ObjectMapper json) {
        this.json = json;
        this.items = items;
        this.locations = locations;
        this.categorisations = categorisations;
        this.access = access;
        this.scheme = scheme;
        this.user = user;
    }

    @Audited(AuditAction.MEDIA_LIST)
    public List<MediaItemView> list(@AuditCase UUID caseId, UUID seizureId, String category, ReviewFilter review,
                                    boolean stacks, int page, int size) {
        access.readable(caseId);
        List<MediaItem> found = items.search(caseId, seizureId, category, review, stacks, page, size);
        Map<UUID, List<LocationView>> where = locations.ofMedia(found.stream().map(m -> m.id).toList()).stream()
                .collect(Collectors.groupingBy(l -> l.mediaId, Collectors.mapping(LocationView::of, Collectors.toList())));
        Map<UUID, Integer> sizes = stacks
                ? items.stackSizes(caseId, found.stream().filter(m -> m.id.equals(m.stackId)).map(m -> m.id).toList())
                : Map.of();
        return found.stream().map(m -> MediaItemView.of(m, where.getOrDefault(m.id, List.of()),
                stacks ? sizes.getOrDefault(m.id, 1) : null)).toList();
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
        if (wholeStack && item.stackId != null) {
            for (MediaItem member : items.stack(caseId, item.stackId)) {
                if (!member.id.equals(item.id)) {
                    apply(member, request, note);
                    others++;
                }
            }
        }
        String detail = json(change.after(item, note != null));
        AuditDetails.record(others == 0 ? detail
                : detail.substring(0, detail.length() - 1) + ",\"stackMembers\":" + others + "}");
        return view(item);
    }

    private void apply(MediaItem item, CategoriseRequest request, String note) {
        keepInitialCategorisation(item);
        MediaFlags flags = request.flags() == null ? new MediaFlags(null, null, null, null, null) : request.flags();
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
