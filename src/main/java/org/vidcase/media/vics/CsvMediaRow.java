package org.vidcase.media.vics;

import java.time.Instant;
import org.vidcase.csv.SpreadsheetCell;

/** The values of one CSV row, gathered column by column; each setter names what is wrong with a bad value. */
final class CsvMediaRow {

    private final ImportedMedia.Builder media = ImportedMedia.builder();
    private String name;
    private String path;
    private Instant created;
    private Instant modified;
    private Instant accessed;

    /** Text cells written by {@link HashCsvWriter} carry a quote before a formula character; it is not part of the value. */
    void set(CsvColumn column, String cell) {
        String value = SpreadsheetCell.restore(cell);
        switch (column) {
            case SOURCE_ID -> media.sourceId(value);
            case MD5 -> media.md5(HexDigests.normalize(value, HexDigests.MD5, "MD5"));
            case SHA1 -> media.sha1(HexDigests.normalize(value, HexDigests.SHA1, "SHA-1"));
            case SHA256 -> media.sha256(HexDigests.normalize(value, HexDigests.SHA256, "SHA-256"));
            case PDQ -> media.pdq(HexDigests.normalize(value, HexDigests.PDQ, "PDQ"));
            case PDQ_QUALITY -> media.pdqQuality(smallNumber(value));
            case PHOTO_DNA -> media.photoDna(PhotoDnaCodec.decode(value));
            case SIZE -> media.size(wholeNumber(value));
            case PATH -> path = value;
            case NAME -> name = value;
            case CATEGORY -> media.category(value);
            case SERIES -> media.series(value);
            case VICTIM_IDENTIFIED -> media.victimIdentified(Flags.parse(value));
            case OFFENDER_IDENTIFIED -> media.offenderIdentified(Flags.parse(value));
            case DISTRIBUTED -> media.distributed(Flags.parse(value));
            case SELF_GENERATED -> media.selfGenerated(Flags.parse(value));
            case SUSPECTED -> media.suspected(Flags.parse(value));
            case TAGS -> media.tags(TagLists.split(value, ";|"));
            case NOTES -> media.notes(value);
            case MIME_TYPE -> media.mimeType(value);
            case WIDTH -> media.width(smallNumber(value));
            case HEIGHT -> media.height(smallNumber(value));
            case CREATED -> created = Timestamps.parse(value);
            case MODIFIED -> modified = Timestamps.parse(value);
            case ACCESSED -> accessed = Timestamps.parse(value);
        }
    }

    ImportedMedia build() {
        return media.addLocation(new ImportedLocation(name != null ? name : lastSegment(path), path, created,
                modified, accessed)).build();
    }

    private static long wholeNumber(String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + value + "' is not a whole number");
        }
    }

    private static int smallNumber(String value) {
        long number = wholeNumber(value);
        if (number > Integer.MAX_VALUE || number < Integer.MIN_VALUE) {
            throw new IllegalArgumentException("number too large: " + value);
        }
        return (int) number;
    }

    /** Hash lists often give only the full path; the file name is what examiners search by. */
    private static String lastSegment(String path) {
        if (path == null) {
            return null;
        }
        int slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
        String name = path.substring(slash + 1);
        return name.isEmpty() ? null : name;
    }
}
