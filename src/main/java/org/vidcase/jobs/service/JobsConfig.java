package org.vidcase.jobs.service;

import io.smallrye.config.ConfigMapping;
import java.time.Duration;

@ConfigMapping(prefix = "vidcase.jobs")
public interface JobsConfig {
    /** Jobs run at the same time; the rest wait queued. */
    int workerThreads();

    /** How often a running job's progress is written to the database. */
    Duration progressFlushInterval();
}
