package org.vidcase.media.service;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Which categorisation decisions go to a second grader. */
@ConfigMapping(prefix = "vidcase.second-opinion")
public interface SecondOpinionConfig {

    /** The share (0 to 1) of all other decisions picked at random for a second opinion. */
    @WithDefault("0.1")
    double share();

    /** Every decision to a category the scheme marks as an alert gets a second opinion. */
    @WithDefault("true")
    boolean alerts();
}
