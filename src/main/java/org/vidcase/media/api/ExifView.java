package org.vidcase.media.api;

/**
 * The EXIF subset VID work uses: camera, serial and lens link series; GPS and time place them;
 * the software names the tool that last wrote the file. From a forensic tool's export, or read
 * from an uploaded image's EXIF, XMP or IPTC.
 */
public record ExifView(String make, String model, String bodySerial, String lens, String dateTimeOriginal,
                       Double gpsLatitude, Double gpsLongitude, String software) {
}
