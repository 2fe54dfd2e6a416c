package org.vidcase.series.service;

import io.agroal.api.AgroalDataSource;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Clusters new pictures as they arrive: now and then, every open case with pictures filed since its
 * last clustering run gets an incremental run (those pictures looked up against all of the case's),
 * unless a run is already queued. Safe on several replicas: submissions for a case are serialised.
 */
@ApplicationScoped
public class IncrementalClusteringSweep {

    public static final String OWNER = "vidcase (incremental clustering)";
    private static final Logger LOG = Logger.getLogger(IncrementalClusteringSweep.class);
    private static final String CASES = """
            SELECT DISTINCT i.case_id FROM media_item i JOIN vid_case c ON c.id = i.case_id
             WHERE i.clustered_at IS NULL AND i.pdq IS NOT NULL AND c.status = 'OPEN' LIMIT 200
            """;

    private final AgroalDataSource dataSource;
    private final SeriesClusteringService clustering;

    public IncrementalClusteringSweep(AgroalDataSource dataSource, SeriesClusteringService clustering) {
        this.dataSource = dataSource;
        this.clustering = clustering;
    }

    @Scheduled(every = "${vidcase.series.incremental-every}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void sweep() {
        try {
            for (UUID caseId : casesWithNewPictures()) {
                clustering.submitAs(caseId, null, true, OWNER);
            }
        } catch (Exception e) {
            LOG.warnf("Incremental clustering sweep failed, next one retries: %s", e.getMessage());
        }
    }

    private List<UUID> casesWithNewPictures() throws Exception {
        List<UUID> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(CASES);
             ResultSet r = s.executeQuery()) {
            while (r.next()) {
                out.add(r.getObject(1, UUID.class));
            }
        }
        return out;
    }
}
