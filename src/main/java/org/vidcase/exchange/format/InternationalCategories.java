package org.vidcase.exchange.format;

import java.util.Map;
import java.util.TreeMap;

/**
 * The categories every node maps its national scheme onto (the Project VIC / VICS codes that name
 * abuse material). Comparison material and uncategorised files are never exchanged.
 */
public final class InternationalCategories {

    private static final Map<String, String> CODES = new TreeMap<>(Map.of(
            "1", "Child abuse material",
            "2", "Child exploitative or age-difficult",
            "3", "Animation or computer-generated abuse material"));

    private InternationalCategories() {
    }

    public static boolean defines(String code) {
        return code != null && CODES.containsKey(code);
    }

    /** Code to label, ordered by code. */
    public static Map<String, String> codes() {
        return CODES;
    }
}
