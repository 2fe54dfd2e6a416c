package org.vidcase.media.vics;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Iterator;

/**
 * Streams media out as a VICS 2.0 case export: one case object whose {@code Media} array is written record by
 * record, so an export of any size needs memory for one record.
 *
 * <p>The case object carries the caller's case reference (as {@code CaseNumber}) when one is given and the
 * application name, nothing else: no case GUID, agency, examiner or contact, because an export leaves the unit and
 * those are the caller's to disclose. Flags are written as JSON booleans, PhotoDNA as base64, SHA-256 and PDQ as
 * {@code AlternativeHashes}, file locations as {@code MediaFiles}, and EXIF facts (with the pixel dimensions) as
 * {@code Exifs} rows. The stream is not closed.
 */
public final class VicsWriter implements MediaExportWriter {

    private static final String APPLICATION_NAME = "VIDCase";

    private static final JsonFactory JSON = JsonFactory.builder()
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .build();

    private final JsonGenerator json;
    private boolean closed;

    private VicsWriter(JsonGenerator json) {
        this.json = json;
    }

    /** Writes the header up to the opening of the {@code Media} array. */
    public static VicsWriter open(OutputStream out, String caseReference) throws IOException {
        JsonGenerator json = JSON.createGenerator(out);
        json.writeStartObject();
        json.writeStringField(VicsDataModel.V2_KEY, VicsDataModel.V2_CASES_CONTEXT);
        json.writeArrayFieldStart("value");
        json.writeStartObject();
        if (caseReference != null) {
            json.writeStringField("CaseNumber", caseReference);
        }
        json.writeStringField("SourceApplicationName", APPLICATION_NAME);
        json.writeArrayFieldStart("Media");
        return new VicsWriter(json);
    }

    /** Writes a complete export and returns the number of records written. */
    public static long writeAll(OutputStream out, String caseReference, Iterator<ImportedMedia> media)
            throws IOException {
        long count = 0;
        try (VicsWriter writer = open(out, caseReference)) {
            while (media.hasNext()) {
                writer.write(media.next());
                count++;
            }
        }
        return count;
    }

    @Override
    public void write(ImportedMedia media) throws IOException {
        json.writeStartObject();
        idOrNumber("MediaID", media.sourceId());
        idOrNumber("Category", media.category());
        string("MD5", media.md5());
        string("SHA1", media.sha1());
        if (media.size() != null) {
            json.writeNumberField("MediaSize", media.size());
        }
        string("MimeType", media.mimeType());
        flag("VictimIdentified", media.victimIdentified());
        flag("OffenderIdentified", media.offenderIdentified());
        flag("IsDistributed", media.distributed());
        flag("SelfGenerated", media.selfGenerated());
        flag("IsSuspected", media.suspected());
        string("Series", media.series());
        if (!media.tags().isEmpty()) {
            json.writeArrayFieldStart("Tags");
            for (String tag : media.tags()) {
                json.writeString(tag);
            }
            json.writeEndArray();
        }
        string("Comments", media.notes());
        byte[] photoDna = media.photoDna();
        if (photoDna != null) {
            json.writeStringField("PhotoDNA", PhotoDnaCodec.encode(photoDna));
        }
        mediaFiles(media);
        exifs(media);
        alternativeHashes(media);
        json.writeEndObject();
    }

    /** Closes the {@code Media} array and the document and flushes; the stream stays open. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        json.writeEndArray();
        json.writeEndObject();
        json.writeEndArray();
        json.writeEndObject();
        json.close();
    }

    private void mediaFiles(ImportedMedia media) throws IOException {
        if (media.locations().isEmpty()) {
            return;
        }
        json.writeArrayFieldStart("MediaFiles");
        for (ImportedLocation location : media.locations()) {
            json.writeStartObject();
            string("FileName", location.fileName());
            string("FilePath", location.path());
            instant("Created", location.created());
            instant("Written", location.modified());
            instant("Accessed", location.accessed());
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    private void exifs(ImportedMedia media) throws IOException {
        ExifData exif = media.exif();
        if (exif == null && media.width() == null && media.height() == null) {
            return;
        }
        json.writeArrayFieldStart("Exifs");
        if (exif != null) {
            exifRow("Make", exif.make());
            exifRow("Model", exif.model());
            exifRow("BodySerialNumber", exif.bodySerial());
            exifRow("LensModel", exif.lens());
            exifRow("DateTimeOriginal", exif.dateTimeOriginal());
            exifRow("GPSLatitude", decimal(exif.gpsLatitude()));
            exifRow("GPSLongitude", decimal(exif.gpsLongitude()));
        }
        exifRow("PixelXDimension", media.width() == null ? null : media.width().toString());
        exifRow("PixelYDimension", media.height() == null ? null : media.height().toString());
        json.writeEndArray();
    }

    private void alternativeHashes(ImportedMedia media) throws IOException {
        if (media.sha256() == null && media.pdq() == null) {
            return;
        }
        json.writeArrayFieldStart("AlternativeHashes");
        if (media.sha256() != null) {
            alternativeHash("SHA256", media.sha256(), null);
        }
        if (media.pdq() != null) {
            alternativeHash("PDQ", media.pdq(), media.pdqQuality());
        }
        json.writeEndArray();
    }

    private void alternativeHash(String name, String value, Integer quality) throws IOException {
        json.writeStartObject();
        json.writeStringField("HashName", name);
        json.writeStringField("HashValue", value);
        if (quality != null) {
            json.writeNumberField("Quality", quality);
        }
        json.writeEndObject();
    }

    private void exifRow(String name, String value) throws IOException {
        if (value != null) {
            json.writeStartObject();
            json.writeStringField("PropertyName", name);
            json.writeStringField("PropertyValue", value);
            json.writeEndObject();
        }
    }

    /** VICS declares MediaID and Category as numbers; values that are not plain integers stay strings. */
    private void idOrNumber(String name, String value) throws IOException {
        if (value == null) {
            return;
        }
        if (isPlainInteger(value)) {
            json.writeFieldName(name);
            json.writeNumber(value);
        } else {
            json.writeStringField(name, value);
        }
    }

    private void string(String name, String value) throws IOException {
        if (value != null) {
            json.writeStringField(name, value);
        }
    }

    private void flag(String name, Boolean value) throws IOException {
        if (value != null) {
            json.writeBooleanField(name, value);
        }
    }

    private void instant(String name, Instant value) throws IOException {
        if (value != null) {
            json.writeStringField(name, value.toString());
        }
    }

    /** Plain notation: "1.0E-5" would read back as a coordinate with an east hemisphere. */
    private static String decimal(Double value) {
        return value == null ? null : BigDecimal.valueOf(value).toPlainString();
    }

    private static boolean isPlainInteger(String value) {
        int start = value.startsWith("-") ? 1 : 0;
        if (value.length() == start || value.length() - start > 18 || value.length() > start + 1
                && value.charAt(start) == '0') {
            return false;
        }
        for (int i = start; i < value.length(); i++) {
            if (value.charAt(i) < '0' || value.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}
