package org.vidcase.series.service;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "vidcase.series")
public interface SeriesConfig {

    /**
     * How many new cross-case hits one user's clustering runs may disclose in 24 hours; hits past
     * it are withheld (counted in the job's result) until the window moves on.
     */
    @WithDefault("50")
    int crossCaseHitsPerDay();

    /** How often pictures filed since the last run are clustered ({@code off}: only when officers ask). */
    @WithDefault("20s")
    String incrementalEvery();
}
