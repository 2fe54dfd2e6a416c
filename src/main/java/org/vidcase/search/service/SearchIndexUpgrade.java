package org.vidcase.search.service;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.vidcase.search.infra.MediaSearchIndex;

/**
 * After an upgrade, the index still holds documents of the previous version: they serve
 * find-similar but lack what newer searches filter by. This starts the rebuild that replaces them
 * (without downtime, see {@link SearchRebuildJob}) as soon as the index is reachable.
 */
@ApplicationScoped
public class SearchIndexUpgrade {

    private static final Logger LOG = Logger.getLogger(SearchIndexUpgrade.class);

    private final MediaSearchIndex index;
    private final SearchAdminService admin;
    private final SearchIndexingConfig config;

    public SearchIndexUpgrade(MediaSearchIndex index, SearchAdminService admin, SearchIndexingConfig config) {
        this.index = index;
        this.admin = admin;
        this.config = config;
    }

    @Scheduled(every = "1m", delayed = "15s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void check() {
        if (!config.enabled()) {
            return;
        }
        try {
            // Both answer from memory while the index is current, so a check costs nothing then.
            index.ensureExists();
            if (index.documentsVersion() >= MediaSearchIndex.DOCUMENTS_VERSION) {
                return;
            }
            if (admin.upgrade()) {
                LOG.infof("The search index holds documents of version %d; rebuilding it to version %d",
                        index.documentsVersion(), MediaSearchIndex.DOCUMENTS_VERSION);
            }
        } catch (Exception e) {
            LOG.debugf("Search index upgrade check deferred: %s", e.getMessage());
        }
    }
}
