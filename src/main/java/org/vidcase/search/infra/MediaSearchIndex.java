package org.vidcase.search.infra;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.elasticsearch.core.search.Hit;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.vidcase.shared.search.SearchConfig;

/**
 * The media index on Elasticsearch: one document per media item, under the alias
 * {@code <prefix>-media} that points at a versioned index ({@code <prefix>-media-v1}), so that a
 * rebuild can fill a new index and switch the alias without downtime.
 */
@ApplicationScoped
public class MediaSearchIndex {

    static final String VERSION = "v1";

    /**
     * What the documents of an index hold ({@code _meta.documents_version} of its mapping): an index
     * of an older version serves find-similar but lacks fields newer searches need, until a rebuild
     * has filled a new index.
     */
    public static final int DOCUMENTS_VERSION = 4;

    /** How long the dispatcher trusts what it last saw of a running rebuild. */
    public static final long REBUILD_CHECK_MILLIS = 1_000;

    private final ElasticsearchClient client;
    private final String alias;
    private final String rebuildAlias;
    private volatile boolean ready;
    private volatile int documentsVersion;
    private volatile long versionCheckedAt;
    private volatile String rebuildTarget;
    private volatile long rebuildCheckedAt;

    public MediaSearchIndex(ElasticsearchClient client, SearchConfig config) {
        this.client = client;
        this.alias = config.indexPrefix() + "-media";
        this.rebuildAlias = config.indexPrefix() + "-media-rebuild";
    }

    public String alias() {
        return alias;
    }

    ElasticsearchClient client() {
        return client;
    }

    /**
     * Creates the versioned index with its mapping and the alias, unless the alias exists. An
     * existing index of older documents gets the new fields added to its mapping (a mapping only
     * grows, so that the dispatcher can go on writing current documents into it) and is reported
     * by {@link #documentsVersion()} until a rebuild replaces it.
     */
    public void ensureExists() throws IOException {
        if (ready) {
            return;
        }
        if (!client.indices().existsAlias(a -> a.name(alias)).value()) {
            String mapping = mapping();
            client.indices().create(c -> c.withJson(new StringReader(mapping)).index(alias + "-" + VERSION)
                    .aliases(alias, a -> a));
            documentsVersion = DOCUMENTS_VERSION;
        } else {
            String current = current();
            documentsVersion = documentsVersionOf(current);
            versionCheckedAt = System.currentTimeMillis();
            if (documentsVersion < DOCUMENTS_VERSION) {
                String fields = fieldsOnly();
                client.indices().putMapping(p -> p.index(current).withJson(new StringReader(fields)));
            }
        }
        ready = true;
    }

    /**
     * Forgets what is known of the index, so that its next use looks again: for an index changed
     * from outside this server (restored from a snapshot, its mapping edited by an operator).
     */
    public void forget() {
        ready = false;
    }

    /**
     * The documents version of the index the alias serves (0 before {@link #ensureExists()}); an
     * older one is looked at again every few seconds, as another replica's rebuild may have replaced it.
     */
    public int documentsVersion() throws IOException {
        long now = System.currentTimeMillis();
        if (ready && documentsVersion < DOCUMENTS_VERSION && now - versionCheckedAt > REBUILD_CHECK_MILLIS * 5) {
            String current = current();
            documentsVersion = current == null ? 0 : documentsVersionOf(current);
            versionCheckedAt = now;
        }
        return documentsVersion;
    }

    private int documentsVersionOf(String index) throws IOException {
        var mapping = client.indices().getMapping(g -> g.index(index)).result().get(index).mappings();
        var meta = mapping.meta();
        return meta == null || !meta.containsKey("documents_version") ? 1 : meta.get("documents_version").to(Integer.class);
    }

    /** The mapping's fields without its {@code _meta}, which stays the old index's own. */
    private static String fieldsOnly() throws IOException {
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        com.fasterxml.jackson.databind.node.ObjectNode mappings = (com.fasterxml.jackson.databind.node.ObjectNode)
                json.readTree(mapping()).get("mappings");
        mappings.remove("_meta");
        return json.writeValueAsString(mappings);
    }

    /**
     * Indexes the documents with their outbox seq as external version: Elasticsearch keeps the
     * newest, so a batch that arrives late cannot undo a newer one. A version conflict therefore
     * means "already newer" and is not an error.
     *
     * @return the documents refused for another reason than a version conflict
     */
    public List<Refusal> index(List<MediaDocument> documents) throws IOException {
        if (documents.isEmpty()) {
            return List.of();
        }
        List<Refusal> failures = bulk(retarget(documents, alias));
        // While a rebuild fills a new index, every change goes there too, so that the switch loses none.
        String target = rebuildTarget();
        if (target != null) {
            failures.addAll(bulk(retarget(documents, target)));
        }
        return failures;
    }

    /**
     * Removes the documents of items that no longer exist (a disposed case's), with the batch's
     * version, from the index and from a rebuild's target. A document already gone is not an error.
     *
     * @return the deletions refused for another reason
     */
    public List<Refusal> delete(Collection<UUID> ids, long version) throws IOException {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<Refusal> failures = bulk(deletions(ids, version, alias));
        String target = rebuildTarget();
        if (target != null) {
            failures.addAll(bulk(deletions(ids, version, target)));
        }
        failures.removeIf(f -> f.status() == 404);
        return failures;
    }

    private static List<BulkOperation> deletions(Collection<UUID> ids, long version, String index) {
        List<BulkOperation> operations = new ArrayList<>(ids.size());
        for (UUID id : ids) {
            operations.add(BulkOperation.of(b -> b.delete(x -> x.index(index).id(id.toString()).version(version)
                    .versionType(VersionType.External))));
        }
        return operations;
    }

    /** Indexes into one concrete index (a rebuild's), same versioning rules. */
    public List<Refusal> indexInto(String concreteIndex, List<MediaDocument> documents) throws IOException {
        return documents.isEmpty() ? List.of() : bulk(retarget(documents, concreteIndex));
    }

    private static List<BulkOperation> retarget(List<MediaDocument> documents, String index) {
        List<BulkOperation> operations = new ArrayList<>(documents.size());
        for (MediaDocument d : documents) {
            Map<String, Object> source = d.source();
            operations.add(BulkOperation.of(b -> b.index(i -> i.index(index).id(d.id()).version(d.version())
                    .versionType(VersionType.External).document(source))));
        }
        return operations;
    }

    private List<Refusal> bulk(List<BulkOperation> operations) throws IOException {
        BulkResponse response = client.bulk(b -> b.operations(operations));
        List<Refusal> failures = new ArrayList<>();
        if (response.errors()) {
            for (BulkResponseItem item : response.items()) {
                if (item.error() != null && item.status() != 409) {
                    failures.add(new Refusal(item.id(), item.status(), item.error().type() + ": " + item.error().reason()));
                }
            }
        }
        return failures;
    }

    /** The index a running rebuild fills, or null; looked up at most once a second. */
    private String rebuildTarget() throws IOException {
        long now = System.currentTimeMillis();
        if (now - rebuildCheckedAt > REBUILD_CHECK_MILLIS) {
            rebuildTarget = client.indices().existsAlias(a -> a.name(rebuildAlias)).value()
                    ? client.indices().getAlias(a -> a.name(rebuildAlias)).result().keySet().stream().findFirst()
                            .orElse(null)
                    : null;
            rebuildCheckedAt = now;
        }
        return rebuildTarget;
    }

    /** The concrete index the alias points at, or null before the first document. */
    public String current() throws IOException {
        if (!client.indices().existsAlias(a -> a.name(alias)).value()) {
            return null;
        }
        return client.indices().getAlias(a -> a.name(alias)).result().keySet().stream().findFirst().orElse(null);
    }

    /** Starts a rebuild: a new versioned index with the mapping, marked as the rebuild target. */
    public String beginRebuild() throws IOException {
        String current = current();
        int next = current == null ? 1 : Integer.parseInt(current.substring(current.lastIndexOf("-v") + 2)) + 1;
        String target = alias + "-v" + next;
        if (client.indices().exists(e -> e.index(target)).value()) {
            client.indices().delete(d -> d.index(target));
        }
        String mapping = mapping();
        client.indices().create(c -> c.withJson(new StringReader(mapping)).index(target).aliases(rebuildAlias, a -> a));
        return target;
    }

    /** Points the alias at the rebuilt index in one atomic step and drops the old index. */
    public void finishRebuild(String target) throws IOException {
        String old = current();
        client.indices().updateAliases(u -> {
            u.actions(a -> a.remove(r -> r.index(target).alias(rebuildAlias)));
            if (old != null) {
                u.actions(a -> a.remove(r -> r.index(old).alias(alias)));
            }
            return u.actions(a -> a.add(ad -> ad.index(target).alias(alias)));
        });
        ready = true;
        documentsVersion = DOCUMENTS_VERSION;
        if (old != null && !old.equals(target)) {
            try {
                client.indices().delete(d -> d.index(old));
            } catch (IOException | RuntimeException e) {
                // The switch is done; an old index left behind only takes space.
            }
        }
    }

    /** Drops a rebuild that failed or was cancelled; the alias keeps serving the old index. */
    public void abandonRebuild(String target) throws IOException {
        if (target.equals(current())) {
            return;
        }
        if (client.indices().exists(e -> e.index(target)).value()) {
            client.indices().delete(d -> d.index(target));
        }
    }

    private static String mapping() throws IOException {
        try (InputStream in = MediaSearchIndex.class.getResourceAsStream("media-index.json")) {
            if (in == null) {
                throw new IOException("media-index.json is missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /**
     * The items within {@code radius} of the hash, nearest first, at most {@code k}: an exact
     * {@code knn} search over the flat bit-vector field, filtered inside the query to the given
     * cases (null: every case). Score is {@code (256 - distance) / 256}.
     */
    public List<SimilarHit> nearest(byte[] hash, int radius, int k, List<UUID> cases) throws IOException {
        List<Float> vector = new ArrayList<>(hash.length);
        for (byte b : hash) {
            vector.add((float) b);
        }
        int candidates = Math.min(10_000, Math.max(100, 2 * k));
        SearchResponse<Map> response = client.search(s -> s.index(alias)
                .size(k)
                .knn(q -> {
                    q.field("pdq").queryVector(vector).k(k).numCandidates(candidates).similarity((float) radius);
                    if (cases != null) {
                        q.filter(f -> f.terms(t -> t.field("case_id").terms(v -> v.value(
                                cases.stream().map(c -> FieldValue.of(c.toString()))
                                        .toList()))));
                    }
                    return q;
                })
                .source(src -> src.filter(f -> f.includes("case_id", "media_type"))), Map.class);
        List<SimilarHit> hits = new ArrayList<>();
        for (Hit<Map> hit : response.hits().hits()) {
            hits.add(hit(hit, null));
        }
        return hits;
    }

    /**
     * Like {@link #nearest}, but over the stored rotations and reflections of the items (uploads
     * have all 8; a hash-only item none): how a probe with one hash, a hex or an imported item, still
     * finds a turned or mirrored copy. Each hit names the stored turn that matched.
     */
    public List<SimilarHit> nearestTurned(byte[] hash, int radius, int k, List<UUID> cases) throws IOException {
        List<Float> vector = new ArrayList<>(hash.length);
        for (byte b : hash) {
            vector.add((float) b);
        }
        int candidates = Math.min(10_000, Math.max(100, 2 * k));
        SearchResponse<Map> response = client.search(s -> s.index(alias)
                .size(k)
                .knn(q -> {
                    q.field("dihedral.pdq").queryVector(vector).k(k).numCandidates(candidates).similarity((float) radius)
                            .innerHits(i -> i.size(1).source(src -> src.fetch(false)).docvalueFields(f -> f.field("dihedral.turn")));
                    if (cases != null) {
                        q.filter(f -> f.terms(t -> t.field("case_id").terms(v -> v.value(
                                cases.stream().map(c -> FieldValue.of(c.toString())).toList()))));
                    }
                    return q;
                })
                .source(src -> src.filter(f -> f.includes("case_id", "media_type"))), Map.class);
        List<SimilarHit> hits = new ArrayList<>();
        for (Hit<Map> hit : response.hits().hits()) {
            String turn = null;
            var inner = hit.innerHits().get("dihedral");
            if (inner != null && !inner.hits().hits().isEmpty()) {
                var fields = inner.hits().hits().get(0).fields().get("dihedral.turn");
                if (fields != null) {
                    turn = fields.toJson().asJsonArray().getString(0);
                }
            }
            hits.add(hit(hit, turn));
        }
        return hits;
    }

    private static SimilarHit hit(Hit<Map> hit, String storedTurn) {
        double score = hit.score() == null ? 0 : hit.score();
        int distance = (int) Math.round(256 - score * 256);
        Map<?, ?> source = hit.source();
        return new SimilarHit(UUID.fromString(hit.id()), UUID.fromString((String) source.get("case_id")), distance,
                (String) source.get("media_type"), storedTurn);
    }
}
