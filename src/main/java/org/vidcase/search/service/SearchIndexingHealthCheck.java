package org.vidcase.search.service;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Liveness;

/**
 * The search index's backlog, for operators: rows waiting in the outbox, the oldest one's age and
 * the last error. Always UP: writes go on while Elasticsearch is down, and indexing catches up.
 */
@Liveness
@ApplicationScoped
public class SearchIndexingHealthCheck implements HealthCheck {

    private final SearchIndexer indexer;

    public SearchIndexingHealthCheck(SearchIndexer indexer) {
        this.indexer = indexer;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("search-indexing").up();
        try {
            SearchIndexer.Backlog backlog = indexer.backlog();
            response.withData("backlog", backlog.rows()).withData("indexedSinceStart", backlog.indexed());
            if (backlog.oldest() != null) {
                response.withData("oldestQueuedAt", backlog.oldest().toString());
            }
            response.withData("refused", backlog.refused());
            if (backlog.lastRefusal() != null) {
                response.withData("lastRefusal", backlog.lastRefusal())
                        .withData("lastRefusedAt", String.valueOf(backlog.lastRefusedAt()));
            }
            if (backlog.lastError() != null) {
                response.withData("lastError", backlog.lastError())
                        .withData("lastErrorAt", String.valueOf(backlog.lastErrorAt()));
            }
        } catch (Exception e) {
            response.withData("backlog", "unknown: " + e.getMessage());
        }
        return response.build();
    }
}
