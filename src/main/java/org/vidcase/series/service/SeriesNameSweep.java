package org.vidcase.series.service;

import io.agroal.api.AgroalDataSource;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.vidcase.media.service.SeriesTextWritten;

/**
 * Turns the series names that imports and hash matches wrote onto items into memberships
 * ({@link SeriesNaming}), a batch per transaction: at once when the import or rematch says it wrote
 * some, and now and then for every open case with items still waiting (what a crash in between left).
 * Batches skip rows another replica holds, so several replicas may sweep at once.
 *
 * <p>One case cannot hold up the others: the sweep goes round the cases in id order from where the
 * last one stopped, links at most {@value #MAX_BATCHES} batches of a case per round, gives up on a
 * case whose rows stay locked beyond the lock timeout, and goes on with the next after a failure.
 */
@ApplicationScoped
public class SeriesNameSweep {

    private static final Logger LOG = Logger.getLogger(SeriesNameSweep.class);
    static final int MAX_BATCHES = 50;
    private static final int CASES_PER_ROUND = 200;
    private static final long SLOW_MILLIS = 10_000;
    /** Before every case id in PostgreSQL's order (it compares uuids as bytes). */
    private static final UUID NONE = new UUID(0, 0);
    private static final String CASES = """
            SELECT DISTINCT i.case_id FROM media_item i JOIN vid_case c ON c.id = i.case_id
             WHERE i.series IS DISTINCT FROM i.series_linked AND c.status = 'OPEN' AND i.case_id > ?
             ORDER BY i.case_id LIMIT ?""";

    private final AgroalDataSource dataSource;
    private final SeriesNaming naming;
    private volatile UUID resumeAfter = NONE;

    public SeriesNameSweep(AgroalDataSource dataSource, SeriesNaming naming) {
        this.dataSource = dataSource;
        this.naming = naming;
    }

    @Scheduled(every = "${vidcase.series.naming-every}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void sweep() {
        long start = System.currentTimeMillis();
        List<UUID> cases;
        try {
            cases = casesWaiting(resumeAfter);
        } catch (Exception e) {
            LOG.warnf("Series name sweep could not list the cases waiting, next one retries: %s", e.getMessage());
            return;
        }
        // A short round reached the end: the next starts from the first case again.
        resumeAfter = cases.size() < CASES_PER_ROUND ? NONE : cases.get(cases.size() - 1);
        long linked = 0;
        for (UUID caseId : cases) {
            linked += linkCase(caseId, true);
        }
        long took = System.currentTimeMillis() - start;
        if (took > SLOW_MILLIS) {
            LOG.infof("Series name sweep took %d ms for %d items of %d cases", took, linked, cases.size());
        }
    }

    /** An import batch or rematch page committed series text: link it before the job goes on. */
    void onSeriesTextWritten(@Observes SeriesTextWritten event) {
        for (UUID caseId : event.caseIds()) {
            linkCase(caseId, false);
        }
    }

    /**
     * Links the waiting items of a case, at most {@value #MAX_BATCHES} batches a round when sweeping
     * (skipping rows in use), all of them for the work that wrote them (waiting for rows in use); never throws.
     */
    int linkCase(UUID caseId, boolean sweeping) {
        int linked = 0;
        try {
            for (int batch = 0; !sweeping || batch < MAX_BATCHES; batch++) {
                int done = naming.linkNextBatch(caseId, sweeping);
                if (done == 0) {
                    break;
                }
                linked += done;
            }
            if (linked > 0) {
                LOG.debugf("Series names of %d items of case %s linked", linked, caseId);
            }
        } catch (Exception e) {
            LOG.warnf("Series names of case %s could not be linked (%d were), the next sweep retries: %s",
                    caseId, linked, e.getMessage());
        }
        return linked;
    }

    private List<UUID> casesWaiting(UUID after) throws Exception {
        List<UUID> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(CASES)) {
            s.setObject(1, after);
            s.setInt(2, CASES_PER_ROUND);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.add(r.getObject(1, UUID.class));
                }
            }
        }
        return out;
    }
}
