package org.vidcase.hashing;

import com.drew.imaging.ImageMetadataReader;
import com.drew.lang.GeoLocation;
import com.drew.metadata.Directory;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.ExifSubIFDDirectory;
import com.drew.metadata.exif.GpsDirectory;
import com.drew.metadata.iptc.IptcDirectory;
import com.drew.metadata.xmp.XmpDirectory;
import java.io.ByteArrayInputStream;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads camera, time, place and software from a file's EXIF, with XMP and IPTC as fallbacks,
 * through metadata-extractor. Works on the head of a file (metadata precedes the image data in
 * JPEG, and nearly always in PNG, TIFF and HEIF); a file it cannot read, or reads only in part,
 * gives what could be read, never an error: metadata is a lead, the file's hashes are evidence.
 */
public final class CameraMetadataReader {

    /** EXIF times are {@code yyyy:MM:dd HH:mm:ss}; some writers use dashes or a T. */
    private static final Pattern EXIF_TIME = Pattern.compile(
            "(\\d{4})[:-](\\d{2})[:-](\\d{2})[ T](\\d{2}):(\\d{2}):(\\d{2})");
    private static final Pattern OFFSET = Pattern.compile("[+-]\\d{2}:\\d{2}|Z");
    private static final int MAX_TEXT = 200;

    public Optional<ImageMetadata> read(byte[] head, int length) {
        Metadata metadata;
        try {
            metadata = ImageMetadataReader.readMetadata(new ByteArrayInputStream(head, 0, length), length);
        } catch (Exception | StackOverflowError unreadable) {
            return Optional.empty();
        }
        ExifIFD0Directory ifd0 = metadata.getFirstDirectoryOfType(ExifIFD0Directory.class);
        ExifSubIFDDirectory exif = metadata.getFirstDirectoryOfType(ExifSubIFDDirectory.class);
        GpsDirectory gps = metadata.getFirstDirectoryOfType(GpsDirectory.class);
        XmpDirectory xmp = metadata.getFirstDirectoryOfType(XmpDirectory.class);
        IptcDirectory iptc = metadata.getFirstDirectoryOfType(IptcDirectory.class);
        Map<String, String> xmpValues = xmp == null ? Map.of() : xmp.getXmpProperties();

        String make = first(text(ifd0, ExifIFD0Directory.TAG_MAKE), xmpValues.get("tiff:Make"));
        String model = first(text(ifd0, ExifIFD0Directory.TAG_MODEL), xmpValues.get("tiff:Model"));
        String serial = first(text(exif, ExifSubIFDDirectory.TAG_BODY_SERIAL_NUMBER),
                xmpValues.get("exifEX:BodySerialNumber"), xmpValues.get("aux:SerialNumber"));
        String lens = first(text(exif, ExifSubIFDDirectory.TAG_LENS_MODEL), xmpValues.get("exifEX:LensModel"),
                xmpValues.get("aux:Lens"));
        String taken = first(exifTime(text(exif, ExifSubIFDDirectory.TAG_DATETIME_ORIGINAL),
                        text(exif, ExifSubIFDDirectory.TAG_TIME_ZONE_ORIGINAL)),
                isoTime(xmpValues.get("exif:DateTimeOriginal")), isoTime(xmpValues.get("photoshop:DateCreated")),
                iptcTime(text(iptc, IptcDirectory.TAG_DATE_CREATED), text(iptc, IptcDirectory.TAG_TIME_CREATED)));
        String software = first(text(ifd0, ExifIFD0Directory.TAG_SOFTWARE), xmpValues.get("xmp:CreatorTool"),
                text(iptc, IptcDirectory.TAG_ORIGINATING_PROGRAM));
        Double latitude = null;
        Double longitude = null;
        GeoLocation where = gps == null ? null : gps.getGeoLocation();
        if (where != null && !where.isZero() && Math.abs(where.getLatitude()) <= 90
                && Math.abs(where.getLongitude()) <= 180) {
            latitude = where.getLatitude();
            longitude = where.getLongitude();
        }
        ImageMetadata read = new ImageMetadata(make, model, serial, lens, taken, latitude, longitude, software);
        return read.isEmpty() ? Optional.empty() : Optional.of(read);
    }

    private static String text(Directory directory, int tag) {
        if (directory == null || !directory.containsTag(tag)) {
            return null;
        }
        try {
            return directory.getString(tag);
        } catch (RuntimeException malformed) {
            return null;
        }
    }

    /** The first value that says something, cleaned of padding and NULs and bounded in length. */
    private static String first(String... values) {
        for (String value : values) {
            if (value == null) {
                continue;
            }
            String clean = value.replace('\u0000', ' ').strip();
            if (!clean.isEmpty()) {
                return clean.length() <= MAX_TEXT ? clean : clean.substring(0, MAX_TEXT);
            }
        }
        return null;
    }

    static String exifTime(String value, String offset) {
        if (value == null) {
            return null;
        }
        Matcher m = EXIF_TIME.matcher(value.strip());
        if (!m.lookingAt() || m.group(1).equals("0000")) {
            return null;
        }
        String local = m.group(1) + "-" + m.group(2) + "-" + m.group(3) + "T" + m.group(4) + ":" + m.group(5) + ":"
                + m.group(6);
        return offset != null && OFFSET.matcher(offset.strip()).matches() ? local + offset.strip() : local;
    }

    /** XMP dates are ISO-8601 already, possibly without seconds or with fractions. */
    static String isoTime(String value) {
        if (value == null) {
            return null;
        }
        Matcher m = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})T(\\d{2}:\\d{2})(:\\d{2})?(?:\\.\\d+)?([+-]\\d{2}:\\d{2}|Z)?")
                .matcher(value.strip());
        if (!m.matches()) {
            return null;
        }
        return m.group(1) + "T" + m.group(2) + (m.group(3) == null ? ":00" : m.group(3))
                + (m.group(4) == null ? "" : m.group(4));
    }

    /** IPTC: date {@code yyyyMMdd} (metadata-extractor may give {@code yyyy:MM:dd}), time {@code HHmmss±HHmm}. */
    static String iptcTime(String date, String time) {
        if (date == null) {
            return null;
        }
        String digits = date.replaceAll("[^0-9]", "");
        if (digits.length() != 8) {
            return null;
        }
        String day = digits.substring(0, 4) + "-" + digits.substring(4, 6) + "-" + digits.substring(6, 8);
        Matcher t = time == null ? null
                : Pattern.compile("(\\d{2}):?(\\d{2}):?(\\d{2})(?:([+-]\\d{2}):?(\\d{2}))?").matcher(time.strip());
        if (t == null || !t.lookingAt()) {
            return day;
        }
        return day + "T" + t.group(1) + ":" + t.group(2) + ":" + t.group(3)
                + (t.group(4) == null ? "" : t.group(4) + ":" + t.group(5));
    }
}
