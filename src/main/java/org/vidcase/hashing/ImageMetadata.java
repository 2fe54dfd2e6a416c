package org.vidcase.hashing;

/**
 * What a file's own metadata (EXIF, XMP, IPTC) says about where it came from: the camera (make,
 * model, body serial, lens) links pictures of one series across devices; capture time and GPS
 * place them; the software names the tool that last wrote the file. Any field may be null.
 *
 * @param dateTimeOriginal capture time as ISO-8601 local date-time, with the offset when the file
 *                         records one ({@code 2026-11-20T07:15:00+01:00})
 */
public record ImageMetadata(String make, String model, String bodySerial, String lens, String dateTimeOriginal,
                            Double gpsLatitude, Double gpsLongitude, String software) {

    public boolean isEmpty() {
        return make == null && model == null && bodySerial == null && lens == null && dateTimeOriginal == null
                && gpsLatitude == null && gpsLongitude == null && software == null;
    }
}
