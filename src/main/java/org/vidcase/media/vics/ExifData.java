package org.vidcase.media.vics;

/**
 * The camera facts a forensic tool read from the file's EXIF. {@code dateTimeOriginal} is kept as the tool
 * wrote it: EXIF has no time zone and tools format it differently, so converting it here would invent an instant.
 */
public record ExifData(String make, String model, String bodySerial, String lens, String dateTimeOriginal,
                       Double gpsLatitude, Double gpsLongitude) {

    public ExifData {
        if (gpsLatitude != null && !(Math.abs(gpsLatitude) <= 90)) {
            throw new IllegalArgumentException("GPS latitude out of range: " + gpsLatitude);
        }
        if (gpsLongitude != null && !(Math.abs(gpsLongitude) <= 180)) {
            throw new IllegalArgumentException("GPS longitude out of range: " + gpsLongitude);
        }
    }

    boolean isEmpty() {
        return make == null && model == null && bodySerial == null && lens == null && dateTimeOriginal == null
                && gpsLatitude == null && gpsLongitude == null;
    }
}
