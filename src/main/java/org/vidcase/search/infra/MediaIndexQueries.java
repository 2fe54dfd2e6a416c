package org.vidcase.search.infra;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Free-text search and facet counts over the media index. Every query is built here with the
 * case filter inside it; the caller has checked that the case is one the user may see.
 */
@ApplicationScoped
public class MediaIndexQueries {

    /** Elasticsearch's window: results past it are not paged to. */
    public static final int MAX_WINDOW = 10_000;
    private static final String STACK_KEY = "stack_key";
    private static final String STACKS = "stacks";

    /** A value and how many items in the result have it. */
    public record Bucket(String value, long count) {
    }

    /** The ids of one page, best match first, and how many items match in all. */
    public record Page(List<UUID> ids, long total) {
    }

    private final MediaSearchIndex index;

    public MediaIndexQueries(MediaSearchIndex index) {
        this.index = index;
    }

    /**
     * One page of the items that match, as ids: ranked by text relevance when there are words to
     * match, otherwise in the order the case received them.
     */
    public Page search(IndexFilter filter, int from, int size) throws IOException {
        Query query = query(filter);
        boolean ranked = filter.text() != null && !filter.text().required().isEmpty();
        boolean stacks = filter.representativesOnly();
        SearchResponse<Void> response = index.client().search(s -> {
            s.index(index.alias()).query(query).from(from).size(size).source(src -> src.fetch(false)).trackTotalHits(t -> t.enabled(true));
            if (stacks) {
                // One hit per stack of which any member matches; the stack is then shown by its representative.
                s.collapse(c -> c.field(STACK_KEY)).aggregations(STACKS, a -> a.cardinality(c -> c.field(STACK_KEY)
                        .precisionThreshold(40_000)));
            }
            if (ranked) {
                s.sort(o -> o.score(sc -> sc.order(SortOrder.Desc)));
            }
            return s.sort(o -> o.field(f -> f.field("created_at").order(SortOrder.Asc)))
                    .sort(o -> o.field(f -> f.field("id").order(SortOrder.Asc)));
        }, Void.class);
        List<UUID> ids = new ArrayList<>();
        for (Hit<Void> hit : response.hits().hits()) {
            // The stack key is the representative's id (an item alone is its own).
            ids.add(UUID.fromString(stacks ? hit.fields().get(STACK_KEY).toJson().asJsonArray().getString(0) : hit.id()));
        }
        if (stacks) {
            return new Page(ids, response.aggregations().get(STACKS).cardinality().value());
        }
        return new Page(ids, response.hits().total() == null ? ids.size() : response.hits().total().value());
    }

    /** How many of the matching items have each value of each field, the commonest first. */
    public Map<String, List<Bucket>> facets(IndexFilter filter, Map<String, String> fields, int size,
                                            long[] total) throws IOException {
        Query query = query(filter);
        Map<String, Aggregation> aggregations = new LinkedHashMap<>();
        fields.forEach((name, field) -> aggregations.put(name, Aggregation.of(a -> a.terms(t -> t.field(field).size(size)
                .missing(FieldValue.of(IndexFilter.NONE))))));
        SearchResponse<Void> response = index.client().search(s -> s.index(index.alias()).query(query).size(0)
                .trackTotalHits(t -> t.enabled(true)).aggregations(aggregations), Void.class);
        total[0] = response.hits().total() == null ? 0 : response.hits().total().value();
        Map<String, List<Bucket>> out = new LinkedHashMap<>();
        for (String name : fields.keySet()) {
            Aggregate aggregate = response.aggregations().get(name);
            List<Bucket> buckets = new ArrayList<>();
            if (aggregate != null && aggregate.isSterms()) {
                for (StringTermsBucket b : aggregate.sterms().buckets().array()) {
                    buckets.add(new Bucket(b.key().stringValue(), b.docCount()));
                }
            } else if (aggregate != null && aggregate.isLterms()) {
                aggregate.lterms().buckets().array().forEach(b -> buckets.add(new Bucket(
                        b.keyAsString() != null ? b.keyAsString() : String.valueOf(b.key()), b.docCount())));
            }
            out.put(name, buckets);
        }
        return out;
    }

    static Query query(IndexFilter f) {
        BoolQuery.Builder b = new BoolQuery.Builder();
        b.filter(term("case_id", f.caseId().toString()));
        if (f.seizureId() != null) {
            b.filter(term("seizure_ids", f.seizureId().toString()));
        }
        f.terms().forEach((field, value) -> b.filter(term(field, value)));
        f.missing().forEach(field -> b.mustNot(m -> m.exists(e -> e.field(field))));
        f.not().forEach((field, value) -> b.mustNot(term(field, value)));
        IndexFilter.Text text = f.text();
        if (text != null) {
            if (!text.required().isEmpty()) {
                b.must(m -> m.match(q -> q.field("search_text").query(String.join(" ", text.required()))
                        .operator(Operator.And)));
            }
            text.prefixes().forEach(p -> b.filter(q -> q.prefix(x -> x.field("search_text").value(p))));
            text.excluded().forEach(e -> b.mustNot(term("search_text", e)));
        }
        return Query.of(q -> q.bool(b.build()));
    }

    private static Query term(String field, String value) {
        return Query.of(q -> q.term(t -> t.field(field).value(value)));
    }
}
