package org.vidcase.lead.domain;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.vidcase.search.text.SearchText;

/**
 * How clues of different cases are found equal: each comparable type has a normalised key, so that
 * "Canon EOS 5D, S/N 0123-4567" and "sn01234567" are the same camera only where the type says so.
 * Positions are compared by distance instead. Plain Java.
 */
public final class ClueKeys {

    private static final double EARTH_RADIUS_METRES = 6_371_008.8;
    private static final int MAX_KEY = 400;
    /** A serial label, then a separator or straight into digits, then the serial. */
    private static final Pattern SERIAL_LABEL = Pattern.compile(
            "(?:^|[^A-Z0-9])(?:S\\s*/\\s*N|SN|SERIAL(?:\\s*(?:NUMBER|NO|NR))?)(?:\\s*[:#.]\\s*|\\s+|(?=\\d))"
                    + "([A-Z0-9][A-Z0-9 ./-]*)");

    private ClueKeys() {
    }

    /**
     * The key of a clue value, or null when clues of that type are not compared across cases or the
     * value leaves nothing to compare (a key of fewer than 3 characters would find everybody).
     */
    public static String key(ClueType type, String value) {
        if (value == null) {
            return null;
        }
        String key = switch (type) {
            case DEVICE -> serial(value);
            case ONLINE_ACCOUNT -> account(value);
            case LOCATION, OBJECT -> text(value);
            case TEXT, CLOTHING, OTHER, GPS -> null;
        };
        if (key == null || key.length() < 3) {
            return null;
        }
        return key.length() > MAX_KEY ? key.substring(0, MAX_KEY) : key;
    }

    /**
     * The letters and digits of a serial, upper case. When the value labels its serial ("Canon EOS
     * 5D, S/N 0123-4567", "serial no: 0123", "SN01234"), only what follows the label up to a comma
     * or bracket counts; otherwise the whole value.
     */
    static String serial(String value) {
        String folded = SearchText.fold(value).toUpperCase(Locale.ROOT);
        Matcher labelled = SERIAL_LABEL.matcher(folded);
        String serial = labelled.find() ? labelled.group(1) : folded;
        return serial.replaceAll("[^A-Z0-9]", "");
    }

    /** A username: folded, without a leading @ and without spaces. */
    static String account(String value) {
        return SearchText.fold(value).strip().replaceFirst("^@+", "").replaceAll("\\s+", "");
    }

    /** Free text: folded, every run of other characters one space. */
    static String text(String value) {
        return SearchText.fold(value).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }

    /** Great-circle distance in metres (haversine). */
    public static double metresBetween(double lat1, double lon1, double lat2, double lon2) {
        double p1 = Math.toRadians(lat1);
        double p2 = Math.toRadians(lat2);
        double dp = p2 - p1;
        double dl = Math.toRadians(lon2 - lon1);
        double a = Math.sin(dp / 2) * Math.sin(dp / 2) + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
        return 2 * EARTH_RADIUS_METRES * Math.asin(Math.min(1, Math.sqrt(a)));
    }

    /** Degrees of latitude that span the distance (for a bounding box before the exact test). */
    public static double latitudeSpan(double metres) {
        return Math.toDegrees(metres / EARTH_RADIUS_METRES);
    }

    /** Degrees of longitude that span the distance at this latitude; the whole circle near the poles. */
    public static double longitudeSpan(double metres, double latitude) {
        double cos = Math.cos(Math.toRadians(latitude));
        return cos < 1e-6 ? 360 : Math.min(360, Math.toDegrees(metres / (EARTH_RADIUS_METRES * cos)));
    }
}
