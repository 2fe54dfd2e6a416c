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
 * Now and then turns the series names that imports and hash matches wrote onto items into
 * memberships ({@link SeriesNaming}), a batch per transaction, for every open case with items
 * waiting. Batches skip rows another replica holds, so several replicas may sweep at once.
 */
@ApplicationScoped
public class SeriesNameSweep {

    private static final Logger LOG = Logger.getLogger(SeriesNameSweep.class);
    private static final String CASES = """
            SELECT DISTINCT i.case_id FROM media_item i JOIN vid_case c ON c.id = i.case_id
             WHERE i.series IS DISTINCT FROM i.series_linked AND c.status = 'OPEN' LIMIT 200
            """;

    private final AgroalDataSource dataSource;
    private final SeriesNaming naming;

    public SeriesNameSweep(AgroalDataSource dataSource, SeriesNaming naming) {
        this.dataSource = dataSource;
        this.naming = naming;
    }

    @Scheduled(every = "${vidcase.series.naming-every}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void sweep() {
        try {
            for (UUID caseId : casesWaiting()) {
                int linked = 0;
                int done;
                while ((done = naming.link(caseId, null)) > 0) {
                    linked += done;
                }
                if (linked > 0) {
                    LOG.debugf("Series names of %d items of case %s linked", linked, caseId);
                }
            }
        } catch (Exception e) {
            LOG.warnf("Series name sweep failed, next one retries: %s", e.getMessage());
        }
    }

    private List<UUID> casesWaiting() throws Exception {
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
