package org.vidcase.media.api;

/** The EXIF subset VID work uses: camera, serial and lens link series; GPS and time place them. */
public record ExifView(String make, String model, String bodySerial, String lens, String dateTimeOriginal,
                       Double gpsLatitude, Double gpsLongitude) {
}
