package org.vidcase.search.infra;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What a media search keeps, in index fields: the case (always), a seizure, exact values,
 * fields that must be absent or must not hold a value, stack representatives only, and words.
 *
 * @param terms   index field to the exact value it must hold
 * @param missing index fields the item must not have
 * @param not     index field to a value it must not hold
 */
public record IndexFilter(UUID caseId, UUID seizureId, Map<String, String> terms, List<String> missing,
                          Map<String, String> not, boolean representativesOnly, Text text) {

    /** The facet value that counts the items without one. */
    public static final String NONE = "(none)";

    /** Normalised words: every required one matches, each prefix starts one, no excluded one matches. */
    public record Text(List<String> required, List<String> prefixes, List<String> excluded) {
    }

    public IndexFilter {
        if (caseId == null) {
            throw new IllegalArgumentException("a media search is always within one case");
        }
        terms = Map.copyOf(terms);
        missing = List.copyOf(missing);
        not = Map.copyOf(not);
    }
}
