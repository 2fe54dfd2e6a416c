package org.vidcase.fuzz;

import java.util.List;
import java.util.Optional;

/** Real ids of the data the fuzzing caller may see, and of data it may not, for paths and bodies. */
interface FixtureIds {

    /** A real value for a path parameter of this path template, e.g. the fixture case for {caseId}. */
    Optional<String> pathValue(String template, String parameter);

    /** The same kind of object held by another unit's case (the caller may not know it exists). */
    Optional<String> foreignPathValue(String template, String parameter);

    /** Real ids for a body field that takes ids ({@code mediaItemIds}, {@code otherSeriesId}). */
    List<String> fieldIds(String field);
}
