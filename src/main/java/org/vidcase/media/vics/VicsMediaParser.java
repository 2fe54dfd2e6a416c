package org.vidcase.media.vics;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import java.io.EOFException;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads one object of a VICS export into an {@link ImportedMedia}, consuming exactly that object even when a value
 * in it is bad, so the reader can go on with the next one.
 *
 * <p>An object of the top-level {@code value} array may be a case (with a {@code Media} array) or, in hash-set
 * exports, a Media object itself. Which one is only known once a {@code Media} array turns up, so such objects are
 * read as media until then and the reader is told to descend when it does.
 */
final class VicsMediaParser {

    enum Outcome {
        /** {@link #record()} holds the media. */
        RECORD,
        /** {@link #error()} says why the object was skipped. */
        ERROR,
        /** A case object: the parser stands on the start of its {@code Media} array. */
        CASE,
        /** Neither a case with media nor anything that identifies a media item: nothing to import. */
        EMPTY
    }

    /** Bounded, so a hostile file with endless distinct property names cannot grow it. */
    private static final int NAME_CACHE_LIMIT = 1024;

    // Jackson hands out the same String instance for a repeated property name, so this lookup stays cheap.
    private final Map<String, VicsField> fieldsByName = new HashMap<>();
    private final ExifCollector exif = new ExifCollector();
    private final List<ImportedLocation> locations = new ArrayList<>();
    private ImportedMedia.Builder builder;
    private String md5;
    private String sha1;
    private String sha256;
    private String pdq;
    private Integer pdqQuality;
    private byte[] photoDna;
    private Integer width;
    private Integer height;
    private boolean identifyingFieldSeen;
    private String fileName;
    private String filePath;
    private String relativeFilePath;
    private Instant created;
    private Instant modified;
    private Instant accessed;

    private ImportedMedia record;
    private RecordError error;

    /** Call with the parser on the object's START_OBJECT; returns with it on the matching END_OBJECT (or CASE). */
    Outcome read(JsonParser p, boolean mayBeCase) throws IOException {
        JsonStreamContext object = p.getParsingContext();
        reset();
        String errorPointer = null;
        String errorMessage = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            VicsField field = field(p.currentName());
            JsonToken value = p.nextToken();
            if (field == VicsField.MEDIA && mayBeCase && value == JsonToken.START_ARRAY) {
                return Outcome.CASE;
            }
            if (errorMessage != null) {
                p.skipChildren();
                continue;
            }
            try {
                apply(field, p, value);
            } catch (IllegalArgumentException e) {
                errorPointer = pointer(p);
                errorMessage = e.getMessage();
                skipToEndOfField(p, object);
            }
        }
        if (mayBeCase && !identifyingFieldSeen) {
            return Outcome.EMPTY;
        }
        long index = p.getParsingContext().getCurrentIndex();
        if (errorMessage == null) {
            try {
                record = build();
                return Outcome.RECORD;
            } catch (IllegalArgumentException e) {
                errorPointer = pointer(p);
                errorMessage = e.getMessage();
            }
        }
        error = new RecordError(index, errorPointer, errorMessage);
        return Outcome.ERROR;
    }

    ImportedMedia record() {
        return record;
    }

    RecordError error() {
        return error;
    }

    static String pointer(JsonParser p) {
        return p.getParsingContext().pathAsPointer().toString();
    }

    private void reset() {
        builder = ImportedMedia.builder();
        exif.reset();
        locations.clear();
        md5 = sha1 = sha256 = pdq = null;
        pdqQuality = width = height = null;
        photoDna = null;
        identifyingFieldSeen = false;
        fileName = filePath = relativeFilePath = null;
        created = modified = accessed = null;
        record = null;
        error = null;
    }

    private VicsField field(String name) {
        VicsField field = fieldsByName.get(name);
        if (field == null) {
            field = VicsField.named(name);
            if (fieldsByName.size() < NAME_CACHE_LIMIT) {
                fieldsByName.put(name, field);
            }
        }
        return field;
    }

    private void apply(VicsField field, JsonParser p, JsonToken value) throws IOException {
        identifyingFieldSeen |= field.identifiesMedia();
        switch (field) {
            case MEDIA_ID -> builder.sourceId(JsonValues.text(p));
            case MD5 -> md5 = same(md5, JsonValues.digest(p, HexDigests.MD5, "MD5"), "MD5");
            case SHA1 -> sha1 = same(sha1, JsonValues.digest(p, HexDigests.SHA1, "SHA-1"), "SHA-1");
            case SHA256 -> sha256 = same(sha256, JsonValues.digest(p, HexDigests.SHA256, "SHA-256"), "SHA-256");
            case PDQ -> pdq = same(pdq, JsonValues.digest(p, HexDigests.PDQ, "PDQ"), "PDQ");
            case PDQ_QUALITY -> pdqQuality = JsonValues.smallNumber(p);
            case PHOTO_DNA -> photoDna(JsonValues.string(p));
            case SIZE -> builder.size(JsonValues.wholeNumber(p));
            case MIME_TYPE -> builder.mimeType(JsonValues.string(p));
            case WIDTH -> width = JsonValues.smallNumber(p);
            case HEIGHT -> height = JsonValues.smallNumber(p);
            case CATEGORY -> builder.category(JsonValues.text(p));
            case VICTIM_IDENTIFIED -> builder.victimIdentified(JsonValues.flag(p));
            case OFFENDER_IDENTIFIED -> builder.offenderIdentified(JsonValues.flag(p));
            case DISTRIBUTED -> builder.distributed(JsonValues.flag(p));
            case SELF_GENERATED -> builder.selfGenerated(JsonValues.flag(p));
            case SUSPECTED -> builder.suspected(JsonValues.flag(p));
            case SERIES -> builder.series(series(p, value));
            case TAGS -> builder.tags(tags(p, value));
            case NOTES -> builder.notes(JsonValues.text(p));
            case FILE_NAME -> fileName = JsonValues.string(p);
            case FILE_PATH -> filePath = JsonValues.string(p);
            case RELATIVE_FILE_PATH -> relativeFilePath = JsonValues.string(p);
            case CREATED -> created = JsonValues.instant(p);
            case MODIFIED -> modified = JsonValues.instant(p);
            case ACCESSED -> accessed = JsonValues.instant(p);
            case MEDIA_FILES -> mediaFiles(p, value);
            case EXIFS -> exifs(p, value);
            case ALTERNATIVE_HASHES -> alternativeHashes(p, value);
            case MEDIA, UNKNOWN -> p.skipChildren();
        }
    }

    private ImportedMedia build() {
        // Beside MediaFiles, the top-level name and RelativeFilePath describe the exported copy, not the device.
        if (locations.isEmpty()) {
            locations.add(new ImportedLocation(fileName, filePath != null ? filePath : relativeFilePath, created,
                    modified, accessed));
        }
        locations.forEach(builder::addLocation);
        return builder.md5(md5).sha1(sha1).sha256(sha256).pdq(pdq).pdqQuality(pdqQuality).photoDna(photoDna)
                .width(width != null ? width : exif.width())
                .height(height != null ? height : exif.height())
                .exif(exif.exif())
                .build();
    }

    private void mediaFiles(JsonParser p, JsonToken value) throws IOException {
        if (!startOfArray(value)) {
            return;
        }
        while (p.nextToken() != JsonToken.END_ARRAY) {
            requireObject(p.currentToken());
            String name = null;
            String path = null;
            Instant fileCreated = null;
            Instant fileModified = null;
            Instant fileAccessed = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                VicsField field = field(p.currentName());
                p.nextToken();
                switch (field) {
                    case FILE_NAME -> name = JsonValues.string(p);
                    case FILE_PATH -> path = JsonValues.string(p);
                    case CREATED -> fileCreated = JsonValues.instant(p);
                    case MODIFIED -> fileModified = JsonValues.instant(p);
                    case ACCESSED -> fileAccessed = JsonValues.instant(p);
                    default -> p.skipChildren();
                }
            }
            locations.add(new ImportedLocation(name, path, fileCreated, fileModified, fileAccessed));
        }
    }

    /** Rows of {PropertyName, PropertyValue}, or (some tools) one object of name: value. EXIF is never fatal. */
    private void exifs(JsonParser p, JsonToken value) throws IOException {
        if (value == JsonToken.START_OBJECT) {
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                p.nextToken();
                exif.accept(name, scalarOrSkip(p));
            }
            return;
        }
        if (value != JsonToken.START_ARRAY) {
            return;
        }
        while (p.nextToken() != JsonToken.END_ARRAY) {
            if (p.currentToken() != JsonToken.START_OBJECT) {
                p.skipChildren();
                continue;
            }
            String name = null;
            String text = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String property = p.currentName();
                p.nextToken();
                if (property.equalsIgnoreCase("PropertyName") || property.equalsIgnoreCase("Name")) {
                    name = scalarOrSkip(p);
                } else if (property.equalsIgnoreCase("PropertyValue") || property.equalsIgnoreCase("Value")) {
                    text = scalarOrSkip(p);
                } else {
                    p.skipChildren();
                }
            }
            exif.accept(name, text);
        }
    }

    private void alternativeHashes(JsonParser p, JsonToken value) throws IOException {
        if (!startOfArray(value)) {
            return;
        }
        while (p.nextToken() != JsonToken.END_ARRAY) {
            requireObject(p.currentToken());
            String name = null;
            String hash = null;
            Integer quality = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String property = p.currentName();
                p.nextToken();
                if (property.equalsIgnoreCase("HashName")) {
                    name = JsonValues.string(p);
                } else if (property.equalsIgnoreCase("HashValue")) {
                    hash = JsonValues.string(p);
                } else if (property.equalsIgnoreCase("Quality") || property.equalsIgnoreCase("PDQQuality")) {
                    quality = JsonValues.smallNumber(p);
                } else {
                    p.skipChildren();
                }
            }
            if (name != null && hash != null) {
                alternativeHash(name, hash, quality);
            }
        }
    }

    private void alternativeHash(String name, String hash, Integer quality) {
        switch (name.toUpperCase(Locale.ROOT).replace("-", "").replace("_", "").replace(" ", "")) {
            case "MD5" -> md5 = same(md5, HexDigests.normalize(hash, HexDigests.MD5, "MD5"), "MD5");
            case "SHA1" -> sha1 = same(sha1, HexDigests.normalize(hash, HexDigests.SHA1, "SHA-1"), "SHA-1");
            case "SHA256" -> sha256 = same(sha256, HexDigests.normalize(hash, HexDigests.SHA256, "SHA-256"),
                    "SHA-256");
            case "PDQ" -> {
                pdq = same(pdq, HexDigests.normalize(hash, HexDigests.PDQ, "PDQ"), "PDQ");
                pdqQuality = quality != null ? quality : pdqQuality;
            }
            case "PHOTODNA" -> photoDna(hash);
            default -> {
                // Other perceptual hashes (aHash, dHash, ...) have no place in the model.
            }
        }
    }

    private void photoDna(String text) {
        if (text == null) {
            return;
        }
        byte[] decoded = PhotoDnaCodec.decode(text);
        if (photoDna != null && !Arrays.equals(photoDna, decoded)) {
            throw new IllegalArgumentException("two different PhotoDNA values");
        }
        photoDna = decoded;
    }

    private static String series(JsonParser p, JsonToken value) throws IOException {
        if (value != JsonToken.START_OBJECT) {
            return JsonValues.text(p);
        }
        // Some tools model the series as an entity of its own, carrying its name.
        String name = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            boolean isName = p.currentName().equalsIgnoreCase("Name");
            p.nextToken();
            if (isName) {
                name = JsonValues.text(p);
            } else {
                p.skipChildren();
            }
        }
        return name;
    }

    private static List<String> tags(JsonParser p, JsonToken value) throws IOException {
        if (value != JsonToken.START_ARRAY) {
            String text = JsonValues.text(p);
            return text == null ? List.of() : TagLists.split(text, ";|,");
        }
        List<String> tags = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
            String tag = JsonValues.text(p);
            if (tag != null) {
                tags.add(tag);
            }
        }
        return tags;
    }


    /** A digest may appear twice (top level and AlternativeHashes); two different ones make the item unknowable. */
    private static String same(String known, String found, String name) {
        if (known != null && found != null && !known.equals(found)) {
            throw new IllegalArgumentException("two different " + name + " values: " + known + " and " + found);
        }
        return found != null ? found : known;
    }

    private static String scalarOrSkip(JsonParser p) throws IOException {
        if (p.currentToken().isScalarValue()) {
            return p.currentToken() == JsonToken.VALUE_NULL ? null : p.getText();
        }
        p.skipChildren();
        return null;
    }

    private static boolean startOfArray(JsonToken value) {
        if (value == JsonToken.VALUE_NULL) {
            return false;
        }
        if (value != JsonToken.START_ARRAY) {
            throw new IllegalArgumentException("expected an array, found " + JsonValues.describe(value));
        }
        return true;
    }

    private static void requireObject(JsonToken token) {
        if (token != JsonToken.START_OBJECT) {
            throw new IllegalArgumentException("expected an object, found " + JsonValues.describe(token));
        }
    }

    /** Leaves the parser on the last token of the current property's value, however deep the error occurred. */
    private static void skipToEndOfField(JsonParser p, JsonStreamContext object) throws IOException {
        if (p.currentToken().isStructStart()) {
            p.skipChildren();
        }
        while (p.getParsingContext() != object) {
            JsonToken token = p.nextToken();
            if (token == null) {
                throw new EOFException("export ends inside a record");
            }
            if (token.isStructStart()) {
                p.skipChildren();
            }
        }
    }
}
