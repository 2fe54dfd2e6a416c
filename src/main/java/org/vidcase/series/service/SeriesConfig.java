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

    /** Pictures of one camera body taken within this time of each other are suggested as one series. */
    @WithDefault("PT10M")
    java.time.Duration sameCameraWindow();

    /** How often pictures filed since the last run are clustered ({@code off}: only when officers ask). */
    @WithDefault("20s")
    String incrementalEvery();

    /** How often series names written by imports and hash matches become memberships. */
    @WithDefault("10s")
    String namingEvery();
}
