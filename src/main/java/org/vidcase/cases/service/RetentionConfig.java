package org.vidcase.cases.service;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;

/** How long closed cases are kept before they may be disposed of (docs/operations.md). */
@ConfigMapping(prefix = "vidcase.retention")
public interface RetentionConfig {

    /** From the case's closing to the earliest disposal a supervisor may approve. */
    Duration closedCasePeriod();
}
