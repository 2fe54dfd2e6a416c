package org.vidcase.media.vics;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Property names of a VICS Media object (and of its MediaFiles entries), with the spellings exporters use.
 * Names are matched without regard to case. {@code MEDIA} is the array that marks a case object. The flag says
 * whether the property only occurs in a Media object; case objects may share the other names.
 */
enum VicsField {
    MEDIA_ID(true, "MediaID"),
    MD5(true, "MD5"),
    SHA1(true, "SHA1", "SHA-1"),
    SHA256(true, "SHA256", "SHA-256"),
    PDQ(true, "PDQ"),
    PDQ_QUALITY(false, "PDQQuality"),
    PHOTO_DNA(true, "PhotoDNA"),
    SIZE(false, "MediaSize", "Size", "FileSize"),
    MIME_TYPE(false, "MimeType"),
    WIDTH(false, "Width", "ImageWidth"),
    HEIGHT(false, "Height", "ImageHeight"),
    CATEGORY(false, "Category"),
    VICTIM_IDENTIFIED(false, "VictimIdentified", "IsVictimIdentified"),
    OFFENDER_IDENTIFIED(false, "OffenderIdentified", "IsOffenderIdentified"),
    DISTRIBUTED(false, "IsDistributed", "Distributed"),
    SELF_GENERATED(false, "IsSelfGenerated", "SelfGenerated"),
    SUSPECTED(false, "IsSuspected", "Suspected"),
    SERIES(false, "Series", "SeriesName"),
    TAGS(false, "Tags"),
    NOTES(false, "Comments", "Comment", "Notes"),
    FILE_NAME(false, "Name", "FileName"),
    FILE_PATH(false, "FilePath"),
    RELATIVE_FILE_PATH(false, "RelativeFilePath"),
    CREATED(false, "Created"),
    MODIFIED(false, "Written", "Modified", "LastWritten", "LastModified"),
    ACCESSED(false, "Accessed", "LastAccessed"),
    MEDIA_FILES(true, "MediaFiles"),
    EXIFS(false, "Exifs", "Exif"),
    ALTERNATIVE_HASHES(true, "AlternativeHashes"),
    MEDIA(false, "Media"),
    UNKNOWN(false);

    private static final Map<String, VicsField> BY_LOWER_CASE_NAME = new HashMap<>();

    static {
        for (VicsField field : values()) {
            for (String name : field.names) {
                BY_LOWER_CASE_NAME.put(name.toLowerCase(Locale.ROOT), field);
            }
        }
    }

    private final String[] names;
    private final boolean identifiesMedia;

    VicsField(boolean identifiesMedia, String... names) {
        this.identifiesMedia = identifiesMedia;
        this.names = names;
    }

    boolean identifiesMedia() {
        return identifiesMedia;
    }

    static VicsField named(String name) {
        return BY_LOWER_CASE_NAME.getOrDefault(name.toLowerCase(Locale.ROOT), UNKNOWN);
    }
}
