package org.vidcase.search.service;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vidcase.search.api.MediaFacetsView;
import org.vidcase.search.infra.IndexFilter;
import org.vidcase.search.infra.MediaIndexQueries;
import org.vidcase.search.infra.MediaSearchIndex;
import org.vidcase.search.text.SearchText;
import org.vidcase.shared.error.RuleViolationException;
import org.vidcase.shared.error.ServiceUnavailableException;

/**
 * Searches a case's media items in the index: free text over names, folders, notes, tags, series
 * and camera fields (normalised in Java, as the index is), filters, and facet counts. The caller
 * has checked that the user may see the case; the case filter is inside every query.
 */
@ApplicationScoped
public class MediaSearchService {

    /** Facet name (as the API names it) to index field. */
    public static final Map<String, String> FACETS = facets();
    public static final int MAX_FACET_SIZE = 100;

    private final MediaSearchIndex index;
    private final MediaIndexQueries queries;

    public MediaSearchService(MediaSearchIndex index, MediaIndexQueries queries) {
        this.index = index;
        this.queries = queries;
    }

    /** One page of matching item ids, best first, with the total. */
    public MediaIndexQueries.Page search(MediaQuery query, int page, int size) {
        if ((long) (page + 1) * size > MediaIndexQueries.MAX_WINDOW) {
            throw new RuleViolationException("A search is paged through its first " + MediaIndexQueries.MAX_WINDOW
                    + " results; narrow it down (more words, a seizure, a category) to reach the rest");
        }
        IndexFilter filter = filter(query);
        try {
            ready();
            return queries.search(filter, page * size, size);
        } catch (IOException | ElasticsearchException e) {
            throw unreachable();
        }
    }

    /** How many matching items have each value of the facets asked for (all when none are named). */
    public MediaFacetsView facets(MediaQuery query, List<String> names, int size) {
        if (size < 1 || size > MAX_FACET_SIZE) {
            throw new IllegalArgumentException("facetSize: must be within 1.." + MAX_FACET_SIZE + ", not " + size);
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (String name : names == null || names.isEmpty() ? List.copyOf(FACETS.keySet()) : names) {
            String field = FACETS.get(name);
            if (field == null) {
                throw new IllegalArgumentException("facet: '" + name + "' is not one of " + FACETS.keySet());
            }
            fields.put(name, field);
        }
        IndexFilter filter = filter(query);
        try {
            ready();
            long[] total = new long[1];
            Map<String, List<MediaIndexQueries.Bucket>> counts = queries.facets(filter, fields, size, total);
            Map<String, List<MediaFacetsView.Count>> out = new LinkedHashMap<>();
            counts.forEach((name, buckets) -> out.put(name, buckets.stream()
                    .map(b -> new MediaFacetsView.Count(IndexFilter.NONE.equals(b.value()) ? null : b.value(), b.count()))
                    .toList()));
            return new MediaFacetsView(total[0], out);
        } catch (IOException | ElasticsearchException e) {
            throw unreachable();
        }
    }

    private void ready() throws IOException {
        index.ensureExists();
        if (index.documentsVersion() < MediaSearchIndex.DOCUMENTS_VERSION) {
            throw new ServiceUnavailableException("The search index is being rebuilt to hold what this version "
                    + "searches by; try again when the search-rebuild job in /api/jobs has finished");
        }
    }

    private static ServiceUnavailableException unreachable() {
        return new ServiceUnavailableException("The search index is unreachable, so the media cannot be searched now; "
                + "try again shortly (lists without words or index-only filters still answer from the database)");
    }

    static IndexFilter filter(MediaQuery q) {
        Map<String, String> terms = new HashMap<>();
        List<String> missing = new ArrayList<>();
        Map<String, String> not = new HashMap<>();
        putIfPresent(terms, "category", q.category());
        if (MediaQuery.UNMATCHED.equals(q.matchStatus())) {
            missing.add("match_status");
        } else {
            putIfPresent(terms, "match_status", q.matchStatus());
        }
        if (Boolean.TRUE.equals(q.humanCategorised())) {
            terms.put("category_source", "HUMAN");
        } else if (Boolean.FALSE.equals(q.humanCategorised())) {
            not.put("category_source", "HUMAN");
            // The review queue: a video still being decoded is not to review yet.
            not.put("video_state", "PENDING");
        }
        putIfPresent(terms, "tags", q.tag());
        putIfPresent(terms, "exif_make", q.make());
        putIfPresent(terms, "exif_model", q.model());
        putIfPresent(terms, "exif_body_serial", q.serial());
        putIfPresent(terms, "media_type", q.mediaType());
        putIfPresent(terms, "categorised_by", q.categorisedBy());
        if (q.seriesId() != null) {
            terms.put("series_id", q.seriesId().toString());
        }
        if (q.folder() != null) {
            String folder = SearchText.folderKey(q.folder());
            if (folder == null) {
                throw new IllegalArgumentException("folder: names no folder");
            }
            terms.put("folders", folder);
        }
        if (q.extension() != null) {
            String extension = SearchText.fold(q.extension().strip().replaceFirst("^\\.", ""));
            if (extension.isEmpty()) {
                throw new IllegalArgumentException("extension: is empty");
            }
            terms.put("extensions", extension);
        }
        SearchText.Query text = SearchText.parseQuery(q.text());
        return new IndexFilter(q.caseId(), q.seizureId(), terms, missing, not, q.representativesOnly(),
                text == null ? null : new IndexFilter.Text(text.required(), text.prefixes(), text.excluded()));
    }

    private static void putIfPresent(Map<String, String> terms, String field, String value) {
        if (value != null && !value.isBlank()) {
            terms.put(field, value);
        }
    }

    private static Map<String, String> facets() {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("category", "category");
        f.put("matchStatus", "match_status");
        f.put("mediaType", "media_type");
        f.put("seizure", "seizure_ids");
        f.put("series", "series_id");
        f.put("tag", "tags");
        f.put("make", "exif_make");
        f.put("model", "exif_model");
        f.put("extension", "extensions");
        f.put("categorisedBy", "categorised_by");
        f.put("source", "source");
        return Collections.unmodifiableMap(f);
    }
}
