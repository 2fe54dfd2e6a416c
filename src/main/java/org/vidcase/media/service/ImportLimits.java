package org.vidcase.media.service;

import org.vidcase.media.vics.ExifData;
import org.vidcase.media.vics.ImportedLocation;
import org.vidcase.media.vics.ImportedMedia;
import org.vidcase.shared.request.StorableText;

/**
 * The column sizes of media_item and media_location, and text the database can keep as it came
 * ({@link StorableText}: an escaped NUL or a lone surrogate in a VICS string), checked per record so
 * that one such value rejects its record instead of failing the whole batch or being stored altered.
 */
final class ImportLimits {

    private ImportLimits() {
    }

    /** Null if the record fits, else which field does not. */
    static String violation(ImportedMedia m) {
        String tags = m.tags() == null ? null : String.join("\n", m.tags());
        String problem = first(unstorable("source id", m.sourceId()), unstorable("MIME type", m.mimeType()),
                unstorable("category", m.category()), unstorable("series", m.series()), unstorable("tags", tags),
                unstorable("notes", m.notes()));
        if (problem != null) {
            return problem;
        }
        problem = first(
                tooLong("MIME type", m.mimeType(), 100), tooLong("category", m.category(), 50),
                tooLong("series", m.series(), 200), tooLong("tags", tags, 5100),
                tooLong("source id", m.sourceId(), 100));
        if (problem != null) {
            return problem;
        }
        ExifData exif = m.exif();
        if (exif != null) {
            problem = first(unstorable("EXIF make", exif.make()), unstorable("EXIF model", exif.model()),
                    unstorable("EXIF serial", exif.bodySerial()), unstorable("EXIF lens", exif.lens()),
                    unstorable("EXIF date", exif.dateTimeOriginal()),
                    tooLong("EXIF make", exif.make(), 200), tooLong("EXIF model", exif.model(), 200),
                    tooLong("EXIF serial", exif.bodySerial(), 200), tooLong("EXIF lens", exif.lens(), 200),
                    tooLong("EXIF date", exif.dateTimeOriginal(), 100));
            if (problem != null) {
                return problem;
            }
        }
        for (ImportedLocation l : m.locations()) {
            problem = first(unstorable("file name", l.fileName()), unstorable("path", l.path()),
                    tooLong("file name", l.fileName(), 1000), tooLong("path", l.path(), 4000),
                    outOfRange("created", l.created()), outOfRange("modified", l.modified()),
                    outOfRange("accessed", l.accessed()));
            if (problem != null) {
                return problem;
            }
        }
        return null;
    }

    private static String unstorable(String field, String value) {
        return StorableText.isStorable(value) ? null : field + " " + StorableText.RULE;
    }

    private static String tooLong(String field, String value, int max) {
        return value != null && value.length() > max ? field + " longer than " + max + " characters" : null;
    }

    /** PostgreSQL and sane file systems agree on years 1601 (the NTFS epoch) to 9999. */
    private static final java.time.Instant EARLIEST = java.time.Instant.parse("1601-01-01T00:00:00Z");
    private static final java.time.Instant LATEST = java.time.Instant.parse("9999-12-31T23:59:59Z");

    private static String outOfRange(String field, java.time.Instant value) {
        return value != null && (value.isBefore(EARLIEST) || value.isAfter(LATEST))
                ? field + " time " + value + " is outside 1601-9999" : null;
    }

    private static String first(String... problems) {
        for (String p : problems) {
            if (p != null) {
                return p;
            }
        }
        return null;
    }
}
