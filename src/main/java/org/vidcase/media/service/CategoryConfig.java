package org.vidcase.media.service;

import io.smallrye.config.ConfigMapping;
import java.util.Map;

/** Categorisation schemes by country profile; one is active per deployment. */
@ConfigMapping(prefix = "vidcase.categories")
public interface CategoryConfig {

    /** Name of the active profile, e.g. {@code vics}. */
    String profile();

    Map<String, Profile> profiles();

    interface Profile {
        /** Category code to label, e.g. 1 = child abuse material. */
        Map<String, String> codes();
    }
}
