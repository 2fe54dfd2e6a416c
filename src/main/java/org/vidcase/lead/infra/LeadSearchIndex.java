package org.vidcase.lead.infra;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.json.JsonData;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.vidcase.search.text.SearchText;
import org.vidcase.shared.search.SearchConfig;

/**
 * The lead index on Elasticsearch, {@code <prefix>-leads} (an alias of {@code <prefix>-leads-v1}):
 * one document per lead with its live clues, fed from the search outbox. Every search is built here
 * with the caller's cases filtered inside the query.
 */
@ApplicationScoped
public class LeadSearchIndex {

    /** Elasticsearch's window: results past it are not paged to. */
    public static final int MAX_WINDOW = 10_000;

    /** What a search asks for; null fields do not filter. */
    public record Filter(List<UUID> cases, SearchText.Query text, String status, String assignee, Integer minScore,
                         Integer belowScore, String clueType, LocalDate dueFrom, LocalDate dueTo, boolean overdue) {
    }

    /** One page of lead ids, best first, and how many match in all. */
    public record Page(List<UUID> ids, long total) {
    }

    private final ElasticsearchClient client;
    private final String alias;
    private volatile boolean ready;

    public LeadSearchIndex(ElasticsearchClient client, SearchConfig config) {
        this.client = client;
        this.alias = config.indexPrefix() + "-leads";
    }

    public String alias() {
        return alias;
    }

    /**
     * Creates the index and its alias unless they exist.
     *
     * @return whether it was created now (its documents must then be filled from the database)
     */
    public boolean ensureExists() throws IOException {
        if (ready) {
            return false;
        }
        boolean created = false;
        if (!client.indices().existsAlias(a -> a.name(alias)).value()) {
            String mapping = mapping();
            client.indices().create(c -> c.withJson(new StringReader(mapping)).index(alias + "-v1").aliases(alias, a -> a));
            created = true;
        }
        ready = true;
        return created;
    }

    /** Forgets what is known of the index, so that its next use looks again. */
    public void forget() {
        ready = false;
    }

    /**
     * Indexes the documents and deletes the ids that have none, all with {@code version} as external
     * version (a late batch cannot undo a newer one).
     *
     * @return the refusals other than "already newer", as "id: reason"
     */
    public List<String> index(List<LeadDocuments.Document> documents, Set<UUID> gone, long version) throws IOException {
        List<BulkOperation> operations = new ArrayList<>();
        for (LeadDocuments.Document d : documents) {
            operations.add(BulkOperation.of(b -> b.index(i -> i.index(alias).id(d.id().toString()).version(version)
                    .versionType(VersionType.External).document(d.source()))));
        }
        for (UUID id : gone) {
            operations.add(BulkOperation.of(b -> b.delete(x -> x.index(alias).id(id.toString()).version(version)
                    .versionType(VersionType.External))));
        }
        if (operations.isEmpty()) {
            return List.of();
        }
        BulkResponse response = client.bulk(b -> b.operations(operations));
        List<String> refused = new ArrayList<>();
        if (response.errors()) {
            for (BulkResponseItem item : response.items()) {
                if (item.error() == null || item.status() == 409 || item.status() == 404) {
                    continue;
                }
                if (item.status() == 408 || item.status() == 429 || item.status() >= 500) {
                    throw new IOException("The lead index could not take document " + item.id() + " now: "
                            + item.error().reason());
                }
                refused.add(item.id() + ": " + item.error().type() + ": " + item.error().reason());
            }
        }
        return refused;
    }

    public Page search(Filter f, int from, int size) throws IOException {
        Query query = query(f);
        boolean ranked = f.text() != null && !f.text().required().isEmpty();
        SearchResponse<Void> response = client.search(s -> {
            s.index(alias).query(query).from(from).size(size).source(src -> src.fetch(false)).trackTotalHits(t -> t.enabled(true));
            if (ranked) {
                s.sort(o -> o.score(sc -> sc.order(SortOrder.Desc)));
            }
            return s.sort(o -> o.field(x -> x.field("score").order(SortOrder.Desc)))
                    .sort(o -> o.field(x -> x.field("due_date").order(SortOrder.Asc).missing("_last")))
                    .sort(o -> o.field(x -> x.field("reference").order(SortOrder.Asc)));
        }, Void.class);
        List<UUID> ids = new ArrayList<>();
        for (Hit<Void> hit : response.hits().hits()) {
            ids.add(UUID.fromString(hit.id()));
        }
        return new Page(ids, response.hits().total() == null ? ids.size() : response.hits().total().value());
    }

    static Query query(Filter f) {
        BoolQuery.Builder b = new BoolQuery.Builder();
        b.filter(q -> q.terms(t -> t.field("case_id").terms(v -> v.value(
                f.cases().stream().map(c -> FieldValue.of(c.toString())).toList()))));
        if (f.status() != null) {
            b.filter(term("status", f.status()));
        }
        if (f.assignee() != null) {
            b.filter(term("assignees", f.assignee()));
        }
        if (f.clueType() != null) {
            b.filter(term("clue_types", f.clueType()));
        }
        if (f.minScore() != null || f.belowScore() != null) {
            b.filter(q -> q.range(r -> r.untyped(u -> {
                u.field("score");
                if (f.minScore() != null) {
                    u.gte(JsonData.of(f.minScore()));
                }
                if (f.belowScore() != null) {
                    u.lt(JsonData.of(f.belowScore()));
                }
                return u;
            })));
        }
        if (f.dueFrom() != null || f.dueTo() != null) {
            b.filter(q -> q.range(r -> r.untyped(u -> {
                u.field("due_date");
                if (f.dueFrom() != null) {
                    u.gte(JsonData.of(f.dueFrom().toString()));
                }
                if (f.dueTo() != null) {
                    u.lte(JsonData.of(f.dueTo().toString()));
                }
                return u;
            })));
        }
        if (f.overdue()) {
            b.filter(q -> q.term(t -> t.field("open").value(true)));
            String today = LocalDate.now().toString();
            b.filter(q -> q.range(r -> r.untyped(u -> u.field("due_date").lt(JsonData.of(today)))));
        }
        SearchText.Query text = f.text();
        if (text != null) {
            if (!text.required().isEmpty()) {
                String words = String.join(" ", text.required());
                b.must(m -> m.match(q -> q.field("search_text").query(words).operator(Operator.And)));
                // A word in the title or a clue ranks above one in a comment.
                b.should(s -> s.match(q -> q.field("title_text").query(words).boost(2f)));
                b.should(s -> s.match(q -> q.field("clue_text").query(words).boost(1.5f)));
            }
            text.prefixes().forEach(p -> b.filter(q -> q.prefix(x -> x.field("search_text").value(p))));
            text.excluded().forEach(e -> b.mustNot(term("search_text", e)));
        }
        return Query.of(q -> q.bool(b.build()));
    }

    private static Query term(String field, String value) {
        return Query.of(q -> q.term(t -> t.field(field).value(value)));
    }

    private static String mapping() throws IOException {
        try (InputStream in = LeadSearchIndex.class.getResourceAsStream("lead-index.json")) {
            if (in == null) {
                throw new IOException("lead-index.json is missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
