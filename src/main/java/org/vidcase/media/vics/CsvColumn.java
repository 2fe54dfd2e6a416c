package org.vidcase.media.vics;

import java.util.HashMap;
import java.util.Map;

/**
 * The columns a hash CSV may have. Header names are compared in lower case without spaces, hyphens, underscores
 * or dots, so "SHA-256", "sha_256" and "Sha 256" are one column.
 */
enum CsvColumn {
    SOURCE_ID("mediaid", "sourceid", "id"),
    MD5("md5"),
    SHA1("sha1"),
    SHA256("sha256"),
    PDQ("pdq"),
    PDQ_QUALITY("pdqquality"),
    PHOTO_DNA("photodna"),
    SIZE("size", "filesize", "mediasize"),
    PATH("path", "filepath", "fullpath"),
    NAME("name", "filename"),
    CATEGORY("category"),
    SERIES("series"),
    VICTIM_IDENTIFIED("victimidentified"),
    OFFENDER_IDENTIFIED("offenderidentified"),
    DISTRIBUTED("distributed", "isdistributed"),
    SELF_GENERATED("selfgenerated", "isselfgenerated"),
    SUSPECTED("suspected", "issuspected"),
    TAGS("tags"),
    NOTES("notes", "comments"),
    MIME_TYPE("mime", "mimetype"),
    WIDTH("width"),
    HEIGHT("height"),
    CREATED("created"),
    MODIFIED("modified", "written"),
    ACCESSED("accessed");

    private static final Map<String, CsvColumn> BY_KEY = new HashMap<>();

    static {
        for (CsvColumn column : values()) {
            for (String key : column.keys) {
                BY_KEY.put(key, column);
            }
        }
    }

    private final String[] keys;

    CsvColumn(String... keys) {
        this.keys = keys;
    }

    /** Null for a header this importer does not know; such columns are ignored. */
    static CsvColumn forHeader(String header) {
        StringBuilder key = new StringBuilder(header.length());
        for (int i = 0; i < header.length(); i++) {
            char c = header.charAt(i);
            if (c != ' ' && c != '-' && c != '_' && c != '.' && c != '\uFEFF') {
                key.append(Character.toLowerCase(c));
            }
        }
        return BY_KEY.get(key.toString());
    }

    boolean isIdentifyingHash() {
        return this == MD5 || this == SHA1 || this == SHA256;
    }
}
