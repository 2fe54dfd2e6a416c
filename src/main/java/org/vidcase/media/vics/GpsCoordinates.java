package org.vidcase.media.vics;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * GPS coordinates as tools print them from EXIF: signed decimals ({@code -87.6278}), degrees/minutes/seconds in
 * many spellings ({@code 41 deg 53' 2.44" N}, {@code 41, 53, 2.44}, {@code 41/1, 53/1, 244/100}) and a hemisphere
 * either inside the value or in a separate reference property ({@code N}, {@code North}).
 *
 * <p>Unreadable input gives null rather than an error: the location is a lead, not the record's identity. A
 * reference that is present but is not a compass direction also gives null, because defaulting it to north or east
 * would put the point in the wrong hemisphere while looking plausible on a map.
 */
final class GpsCoordinates {

    private static final Pattern NUMBER = Pattern.compile("(-?\\d+(?:\\.\\d+)?)(?:\\s*/\\s*(\\d+(?:\\.\\d+)?))?");
    private static final Pattern WORD = Pattern.compile("[A-Za-z]+");

    private GpsCoordinates() {
    }

    static Double latitude(String value, String reference) {
        return parse(value, reference, true);
    }

    static Double longitude(String value, String reference) {
        return parse(value, reference, false);
    }

    private static Double parse(String value, String reference, boolean latitude) {
        if (value == null) {
            return null;
        }
        Hemisphere inValue = hemisphereIn(value);
        Hemisphere inReference = reference == null ? Hemisphere.NONE : hemisphereIn(reference);
        if (inValue == Hemisphere.UNREADABLE || inReference == Hemisphere.UNREADABLE
                || reference != null && !reference.isBlank() && inReference == Hemisphere.NONE) {
            return null;
        }
        Hemisphere hemisphere = inValue != Hemisphere.NONE ? inValue : inReference;
        if (hemisphere != Hemisphere.NONE && hemisphere.latitude != latitude) {
            return null;
        }
        Double degrees = degrees(value);
        if (degrees == null) {
            return null;
        }
        double signed = hemisphere == Hemisphere.NONE ? degrees : Math.copySign(degrees, hemisphere.sign);
        return Math.abs(signed) <= (latitude ? 90 : 180) ? signed : null;
    }

    private static Double degrees(String value) {
        Matcher number = NUMBER.matcher(value);
        double[] parts = new double[3];
        int count = 0;
        boolean negative = false;
        while (number.find()) {
            if (count == parts.length) {
                return null;
            }
            double part = Double.parseDouble(number.group(1));
            if (number.group(2) != null) {
                double denominator = Double.parseDouble(number.group(2));
                if (denominator == 0) {
                    return null;
                }
                part /= denominator;
            }
            negative |= count == 0 && part < 0;
            parts[count++] = Math.abs(part);
        }
        if (count == 0 || parts[1] >= 60 || parts[2] >= 60) {
            return null;
        }
        double degrees = parts[0] + parts[1] / 60 + parts[2] / 3600;
        return negative ? -degrees : degrees;
    }

    private static Hemisphere hemisphereIn(String text) {
        Hemisphere found = Hemisphere.NONE;
        Matcher word = WORD.matcher(text);
        while (word.find()) {
            Hemisphere hemisphere = switch (word.group().toLowerCase(Locale.ROOT)) {
                case "deg" -> Hemisphere.NONE;
                case "n", "north" -> Hemisphere.NORTH;
                case "s", "south" -> Hemisphere.SOUTH;
                case "e", "east" -> Hemisphere.EAST;
                case "w", "west" -> Hemisphere.WEST;
                default -> Hemisphere.UNREADABLE;
            };
            if (hemisphere == Hemisphere.UNREADABLE || hemisphere != Hemisphere.NONE && found != Hemisphere.NONE) {
                return Hemisphere.UNREADABLE;
            }
            if (hemisphere != Hemisphere.NONE) {
                found = hemisphere;
            }
        }
        return found;
    }

    private enum Hemisphere {
        NORTH(true, 1), SOUTH(true, -1), EAST(false, 1), WEST(false, -1), NONE(false, 1), UNREADABLE(false, 1);

        final boolean latitude;
        final double sign;

        Hemisphere(boolean latitude, double sign) {
            this.latitude = latitude;
            this.sign = sign;
        }
    }
}
