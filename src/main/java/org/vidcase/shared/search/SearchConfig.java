package org.vidcase.shared.search;

import io.smallrye.config.ConfigMapping;
import java.util.List;

/** Elasticsearch 8.19 cluster used for search and similarity. */
@ConfigMapping(prefix = "vidcase.search")
public interface SearchConfig {
    /** Base URLs of the cluster's HTTP endpoints, e.g. http://es-0:9200. */
    List<String> hosts();

    /** Prefix of every index this deployment owns, so several deployments can share a cluster. */
    String indexPrefix();
}
