package org.vidcase.jobs;

import jakarta.enterprise.context.ApplicationScoped;
import org.vidcase.jobs.service.JobContext;
import org.vidcase.jobs.service.JobHandler;

/**
 * A resumable test job: counts to the number in its parameters, checkpointing as it goes, and
 * reports the position it resumed from in its result.
 */
@ApplicationScoped
public class CountingTestJob implements JobHandler {

    public static final String TYPE = "test-counting";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public boolean resumable() {
        return true;
    }

    @Override
    public void run(JobContext context) throws Exception {
        long target = Long.parseLong(context.parameters());
        long from = context.checkpoint() == null ? 0 : Long.parseLong(context.checkpoint());
        context.total(target);
        for (long i = from; i < target && !context.cancelled(); i++) {
            if (i % 7 == 3) {
                context.error("item " + i + " is odd in a bad way");
            }
            context.checkpoint(Long.toString(i + 1));
            context.advance(1);
            Thread.sleep(5);
        }
        context.result("{\"resumedFrom\":" + from + "}");
    }
}
