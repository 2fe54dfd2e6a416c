package org.vidcase.jobs.service;

import io.smallrye.config.ConfigMapping;
import java.time.Duration;

@ConfigMapping(prefix = "vidcase.jobs")
public interface JobsConfig {
    /** Jobs run at the same time; the rest wait queued. */
    int workerThreads();

    /** How often a running job's progress is written to the database. */
    Duration progressFlushInterval();

    /**
     * How long a replica holds a running job without renewing; it renews every third of it. A job
     * whose replica died is taken over within this plus {@link #pollInterval()}.
     */
    @io.smallrye.config.WithDefault("30S")
    Duration lease();

    /** How often each replica looks for queued jobs and for jobs whose lease ran out. */
    @io.smallrye.config.WithDefault("5S")
    Duration pollInterval();
}
