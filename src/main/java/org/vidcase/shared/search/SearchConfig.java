package org.vidcase.shared.search;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;

/** Elasticsearch 8.19 cluster used for search and similarity. */
@ConfigMapping(prefix = "vidcase.search")
public interface SearchConfig {
    /** Base URLs of the cluster's HTTP endpoints, e.g. http://es-0:9200. */
    List<String> hosts();

    /** Prefix of every index this deployment owns, so several deployments can share a cluster. */
    String indexPrefix();

    /** How long to wait for a connection to the cluster. */
    @WithDefault("PT2S")
    Duration connectTimeout();

    /**
     * How long a request may wait for its answer: a search or bulk request past it fails, search
     * answers 503 and the indexer retries later.
     */
    @WithDefault("PT30S")
    Duration socketTimeout();
}
