package org.vidcase.search.api;

import java.util.List;
import java.util.Map;

/**
 * Facet counts of a media search.
 *
 * @param total  how many items match the search
 * @param facets facet name to its values, commonest first; a null value counts the items without one
 */
public record MediaFacetsView(long total, Map<String, List<Count>> facets) {

    public record Count(String value, long count) {
    }
}
