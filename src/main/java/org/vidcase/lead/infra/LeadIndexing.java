package org.vidcase.lead.infra;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.vidcase.search.service.IndexedObjects;

/**
 * Leads in the search outbox: each batch indexes the leads' current state. When the lead index
 * had to be created (first start, or an index lost with Elasticsearch's data), every lead is queued
 * again in the same transaction, so the index fills from the database.
 */
@ApplicationScoped
public class LeadIndexing implements IndexedObjects {

    public static final String KIND = "lead";
    private static final Logger LOG = Logger.getLogger(LeadIndexing.class);

    private final LeadSearchIndex index;
    private final LeadDocuments documents = new LeadDocuments();

    public LeadIndexing(LeadSearchIndex index) {
        this.index = index;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public void index(Connection c, Set<UUID> ids, long version) throws Exception {
        if (index.ensureExists()) {
            try (PreparedStatement s = c.prepareStatement(
                    "INSERT INTO search_outbox (object_kind, object_id) SELECT 'lead', id FROM lead")) {
                int queued = s.executeUpdate();
                LOG.infof("Lead index %s created; %d leads queued to fill it", index.alias(), queued);
            }
        }
        List<LeadDocuments.Document> loaded = documents.load(c, ids);
        Set<UUID> gone = new HashSet<>(ids);
        loaded.forEach(d -> gone.remove(d.id()));
        List<String> refused = index.index(loaded, gone, version);
        if (!refused.isEmpty()) {
            LOG.warnf("%d leads were refused by the lead index and are not searchable until they change again (first: %s)",
                    refused.size(), refused.get(0));
        }
    }
}
