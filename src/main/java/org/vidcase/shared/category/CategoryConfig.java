package org.vidcase.shared.category;

import io.smallrye.config.ConfigMapping;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Categorisation schemes by country profile; one is active per deployment. */
@ConfigMapping(prefix = "vidcase.categories")
public interface CategoryConfig {

    /** Name of the active profile, e.g. {@code vics}. */
    String profile();

    Map<String, Profile> profiles();

    interface Profile {
        /** Category code to label, e.g. 1 = child abuse material. */
        Map<String, String> codes();

        /** Code to a sentence saying what belongs in the category; optional per code. */
        Map<String, String> descriptions();

        /** The codes that count as an alert: material that is illegal or pertinent to the case. */
        Optional<Set<String>> alert();
    }
}
