package org.vidcase.search.service;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How the outbox dispatcher feeds the search index. */
@ConfigMapping(prefix = "vidcase.search.indexing")
public interface SearchIndexingConfig {

    /** Run the dispatcher on this replica (every replica may: rows are claimed with SKIP LOCKED). */
    @WithDefault("true")
    boolean enabled();

    /** Outbox rows claimed and indexed per transaction. */
    @WithDefault("500")
    int batchSize();

    /** How often an empty outbox is looked at again. */
    @WithDefault("500ms")
    Duration pollInterval();

    /** Longest wait between attempts while Elasticsearch fails; the wait doubles from the poll interval. */
    @WithDefault("30s")
    Duration maxBackoff();
}
