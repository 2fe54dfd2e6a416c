package org.vidcase.media.vics;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Gathers a record's EXIF rows ({@code PropertyName}/{@code PropertyValue} in VICS), whose vocabulary is each
 * exporter's own: {@code GPSLatitude} or {@code Latitude}, {@code GPS Latitude Ref} or {@code Latitude Reference},
 * a decimal pair in one {@code Lat/Lon} row. Names are compared without case, spaces or punctuation, and the first
 * row of a name wins. References may follow their coordinate, so values are resolved only at the end.
 */
final class ExifCollector {

    private enum Slot {
        MAKE, MODEL, BODY_SERIAL, LENS, DATE_TIME_ORIGINAL, LATITUDE, LATITUDE_REF, LONGITUDE, LONGITUDE_REF,
        LAT_LON, WIDTH, HEIGHT
    }

    private static final Map<String, Slot> SLOTS = new HashMap<>();

    static {
        alias(Slot.MAKE, "make", "cameramake");
        alias(Slot.MODEL, "model", "cameramodel");
        alias(Slot.BODY_SERIAL, "bodyserialnumber", "serialnumber", "cameraserialnumber", "bodyserial");
        alias(Slot.LENS, "lensmodel", "lens");
        alias(Slot.DATE_TIME_ORIGINAL, "datetimeoriginal", "capturetime", "datetaken");
        alias(Slot.LATITUDE, "gpslatitude", "latitude");
        alias(Slot.LATITUDE_REF, "gpslatituderef", "latituderef", "gpslatitudereference", "latitudereference");
        alias(Slot.LONGITUDE, "gpslongitude", "longitude");
        alias(Slot.LONGITUDE_REF, "gpslongituderef", "longituderef", "gpslongitudereference", "longitudereference");
        alias(Slot.LAT_LON, "latlon", "latlong");
        alias(Slot.WIDTH, "pixelxdimension", "exifimagewidth", "imagewidth");
        alias(Slot.HEIGHT, "pixelydimension", "exifimageheight", "imageheight", "imagelength");
    }

    private final String[] values = new String[Slot.values().length];

    private static void alias(Slot slot, String... names) {
        for (String name : names) {
            SLOTS.put(name, slot);
        }
    }

    void reset() {
        Arrays.fill(values, null);
    }

    void accept(String name, String value) {
        if (name == null || value == null || value.isBlank()) {
            return;
        }
        Slot slot = SLOTS.get(normalize(name));
        if (slot != null && values[slot.ordinal()] == null) {
            values[slot.ordinal()] = value.strip();
        }
    }

    /** Null when the rows held none of the facts ExifData keeps. */
    ExifData exif() {
        Double latitude = GpsCoordinates.latitude(get(Slot.LATITUDE), get(Slot.LATITUDE_REF));
        Double longitude = GpsCoordinates.longitude(get(Slot.LONGITUDE), get(Slot.LONGITUDE_REF));
        String pair = get(Slot.LAT_LON);
        if ((latitude == null || longitude == null) && pair != null) {
            int split = pair.indexOf('/') >= 0 ? pair.indexOf('/') : pair.indexOf(',');
            if (split > 0 && pair.indexOf(',', split + 1) < 0) {
                latitude = GpsCoordinates.latitude(pair.substring(0, split), null);
                longitude = GpsCoordinates.longitude(pair.substring(split + 1), null);
            }
        }
        ExifData exif = new ExifData(get(Slot.MAKE), get(Slot.MODEL), get(Slot.BODY_SERIAL), get(Slot.LENS),
                get(Slot.DATE_TIME_ORIGINAL), latitude, longitude);
        return exif.isEmpty() ? null : exif;
    }

    Integer width() {
        return pixels(get(Slot.WIDTH));
    }

    Integer height() {
        return pixels(get(Slot.HEIGHT));
    }

    private String get(Slot slot) {
        return values[slot.ordinal()];
    }

    /** Tools print dimensions as "4032" or "4032 pixels"; anything else is not worth guessing at. */
    private static Integer pixels(String value) {
        if (value == null) {
            return null;
        }
        int end = 0;
        while (end < value.length() && end < 9 && value.charAt(end) >= '0' && value.charAt(end) <= '9') {
            end++;
        }
        return end == 0 ? null : Integer.valueOf(value.substring(0, end));
    }

    private static String normalize(String name) {
        StringBuilder key = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                key.append(Character.toLowerCase(c));
            }
        }
        return key.toString();
    }
}
