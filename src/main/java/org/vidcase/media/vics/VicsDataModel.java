package org.vidcase.media.vics;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The OData metadata key that opens every VICS file. Versions 1.x write
 * {@code "odata.metadata": "http://github.com/ICMEC/ProjectVic/DataModels/1.3.xml#Media"}; version 2.0 writes
 * {@code "@odata.context": "http://github.com/VICSDATAMODEL/ProjectVic/DataModels/2.0.xml/US/$metadata#Cases"},
 * where the path segment after the version names a regional profile (US, UK, Default, CUSTOM).
 */
final class VicsDataModel {

    static final String V1_KEY = "odata.metadata";
    static final String V2_KEY = "@odata.context";
    static final String V2_CASES_CONTEXT =
            "http://github.com/VICSDATAMODEL/ProjectVic/DataModels/2.0.xml/Default/$metadata#Cases";

    private static final Pattern VERSION = Pattern.compile("/(\\d+\\.\\d+)\\.xml", Pattern.CASE_INSENSITIVE);

    private VicsDataModel() {
    }

    static boolean isMetadataKey(String name) {
        return V1_KEY.equalsIgnoreCase(name) || V2_KEY.equalsIgnoreCase(name);
    }

    /** Other OData services use the same keys; only a Project VIC model URL makes the file a VICS export. */
    static boolean isProjectVicModel(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        return lower.contains("projectvic") || lower.contains("vicsdatamodel");
    }

    /** "1.3", "2.0", ...; "1.x" or "2.x" when the URL carries no version, judged by which key was used. */
    static String version(String key, String url) {
        Matcher matcher = VERSION.matcher(url);
        if (matcher.find()) {
            return matcher.group(1);
        }
        return V1_KEY.equalsIgnoreCase(key) ? "1.x" : "2.x";
    }
}
