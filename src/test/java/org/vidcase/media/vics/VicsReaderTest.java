package org.vidcase.media.vics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;
import static org.assertj.core.api.Assertions.tuple;
import static org.vidcase.media.vics.ImportedMediaFixture.MD5;
import static org.vidcase.media.vics.ImportedMediaFixture.PDQ;
import static org.vidcase.media.vics.ImportedMediaFixture.SHA1;
import static org.vidcase.media.vics.ImportedMediaFixture.SHA256;
import static org.vidcase.media.vics.VicsSamples.caseExport;
import static org.vidcase.media.vics.VicsSamples.md5Only;
import static org.vidcase.media.vics.VicsSamples.read;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class VicsReaderTest {

    private static final String PHOTO_DNA_BASE64 =
            Base64.getEncoder().encodeToString(ImportedMediaFixture.anyPhotoDna());
    private static final String PHOTO_DNA_HEX = HexDigests.encode(ImportedMediaFixture.anyPhotoDna());

    @Test
    void readsAVersion1CaseExport() throws IOException {
        String json = """
                {"odata.metadata": "%s",
                 "value": [{
                   "CaseID": "{0F1E2D3C-0000-0000-0000-000000000000}", "Agency": "Unit", "Examiner": "Someone",
                   "Media": [
                     {"odata.id": "Media(1)", "MediaID": 1, "Category": 1, "MD5": "%s", "SHA1": "%s",
                      "MediaSize": "2835", "VictimIdentified": "true", "OffenderIdentified": "false",
                      "IsDistributed": "Yes", "Name": "a.jpg", "RelativeFilePath": "VIC_Files\\\\a.jpg",
                      "Created": "2024-01-02T03:04:05Z", "Written": "2024-01-02 03:04:06", "Accessed": "",
                      "MimeType": "image/jpeg", "Comments": "first",
                      "Exifs": [], "Exifs@odata.navigationLinkUrl": "/Media(1)/Exifs",
                      "AlternativeHashes": [{"MD5": "%s", "HashName": "SHA1", "HashValue": "%s"}]}
                   ],
                   "TotalMediaFiles": "1"}]}
                """.formatted(VicsSamples.V1_CASES, MD5.toUpperCase(), SHA1.toUpperCase(), MD5, SHA1);

        VicsSamples.Read read = read(json);

        assertThat(read.version()).isEqualTo("1.3");
        assertThat(read.errors()).isEmpty();
        assertThat(read.records()).singleElement().satisfies(media -> {
            assertThat(media.sourceId()).isEqualTo("1");
            assertThat(media.category()).isEqualTo("1");
            assertThat(media.md5()).isEqualTo(MD5);
            assertThat(media.sha1()).isEqualTo(SHA1);
            assertThat(media.size()).isEqualTo(2835L);
            assertThat(media.victimIdentified()).isTrue();
            assertThat(media.offenderIdentified()).isFalse();
            assertThat(media.distributed()).isTrue();
            assertThat(media.selfGenerated()).isNull();
            assertThat(media.mimeType()).isEqualTo("image/jpeg");
            assertThat(media.notes()).isEqualTo("first");
            assertThat(media.exif()).isNull();
            assertThat(media.locations()).containsExactly(new ImportedLocation("a.jpg", "VIC_Files\\a.jpg",
                    Instant.parse("2024-01-02T03:04:05Z"), Instant.parse("2024-01-02T03:04:06Z"), null));
        });
    }

    @Test
    void readsAVersion1HashSetWhoseValueHoldsMediaDirectly() throws IOException {
        String json = """
                {"odata.metadata": "%s", "value": [
                  {"MediaID": 7, "MD5": "%s", "Category": 2, "PhotoDNA": "%s"},
                  {"MediaID": 8, "SHA1": "%s"}]}
                """.formatted(VicsSamples.V1_HASH_SET, MD5, PHOTO_DNA_BASE64, SHA1);

        VicsSamples.Read read = read(json);

        assertThat(read.version()).isEqualTo("1.2");
        assertThat(read.errors()).isEmpty();
        assertThat(read.records()).extracting(ImportedMedia::sourceId).containsExactly("7", "8");
        assertThat(read.records().get(0).photoDna()).isEqualTo(ImportedMediaFixture.anyPhotoDna());
    }

    @Test
    void readsAVersion2CaseExportWithCaseFieldsBeforeAndAfterMedia() throws IOException {
        VicsSamples.Read read = read(caseExport(md5Only(MD5), "{\"SHA1\": \"" + SHA1 + "\"}"));

        assertThat(read.version()).isEqualTo("2.0");
        assertThat(read.errors()).isEmpty();
        assertThat(read.records()).extracting(ImportedMedia::md5, ImportedMedia::sha1)
                .containsExactly(tuple(MD5, null),
                        tuple(null, SHA1));
    }

    @Test
    void readsEveryCaseOfAnExportAndSkipsCasesWithoutMedia() throws IOException {
        String json = """
                {"@odata.context": "%s", "value": [
                  {"CaseID": "a", "Media": [{"MD5": "%s"}]},
                  {"CaseID": "empty", "CaseNumber": "nothing here", "Comments": "closed", "Created": "n/a"},
                  {"CaseID": "b", "Media": null},
                  {"Media": [{"SHA1": "%s"}], "CaseID": "c"}]}
                """.formatted(VicsSamples.V2_CASES, MD5, SHA1);

        VicsSamples.Read read = read(json);

        assertThat(read.errors()).isEmpty();
        assertThat(read.records()).hasSize(2);
    }

    @Test
    void readsAVersion2HashSet() throws IOException {
        String json = """
                {"@odata.context": "%s", "value": [
                  {"MediaID": 1, "Category": 0, "MD5": "%s", "SHA1": "%s", "MediaSize": 2835,
                   "DateUpdated": "2023-06-07T02:31:49.8300Z", "IsPrecategorized": "true"}]}
                """.formatted(VicsSamples.V2_HASH_SET, MD5, SHA1);

        VicsSamples.Read read = read(json);

        assertThat(read.version()).isEqualTo("2.0");
        assertThat(read.records()).singleElement().satisfies(media -> {
            assertThat(media.category()).isEqualTo("0");
            assertThat(media.size()).isEqualTo(2835L);
        });
    }

    @Test
    void matchesPropertyNamesWithoutCaseAndIgnoresUnknownOnes() throws IOException {
        VicsSamples.Read read = read(caseExport("""
                {"md5": "%s", "sha1": "%s", "mediasize": 10, "SomethingNew": {"deep": [1, 2, {"x": null}]},
                 "ISDISTRIBUTED": true, "mediafiles": [{"filename": "x.png", "FILEPATH": "/x.png"}]}
                """.formatted(MD5, SHA1)));

        assertThat(read.errors()).isEmpty();
        assertThat(read.records()).singleElement().satisfies(media -> {
            assertThat(media.size()).isEqualTo(10L);
            assertThat(media.distributed()).isTrue();
            assertThat(media.locations()).extracting(ImportedLocation::path).containsExactly("/x.png");
        });
    }

    @Test
    void readsFlagsAsBooleansOrWords() throws IOException {
        VicsSamples.Read read = read(caseExport("""
                {"MD5": "%s", "VictimIdentified": true, "OffenderIdentified": "YES", "IsDistributed": "0",
                 "IsSelfGenerated": "no", "IsSuspected": 1}""".formatted(MD5), """
                {"MD5": "%s", "VictimIdentified": false, "OffenderIdentified": "False", "IsDistributed": "1",
                 "SelfGenerated": "TRUE", "Suspected": null}""".formatted(MD5)));

        assertThat(read.errors()).isEmpty();
        assertThat(read.records()).extracting(ImportedMedia::victimIdentified, ImportedMedia::offenderIdentified,
                        ImportedMedia::distributed, ImportedMedia::selfGenerated, ImportedMedia::suspected)
                .containsExactly(tuple(true, true, false, false, true),
                        tuple(false, false, true, true, null));
    }

    @Test
    void readsPhotoDnaInBase64OrHexAtTopLevelOrAsAlternativeHash() throws IOException {
        VicsSamples.Read read = read(caseExport(
                "{\"MD5\": \"%s\", \"PhotoDNA\": \"%s\"}".formatted(MD5, PHOTO_DNA_BASE64),
                "{\"MD5\": \"%s\", \"PhotoDNA\": \"%s\"}".formatted(MD5, PHOTO_DNA_HEX.toUpperCase()),
                "{\"MD5\": \"%s\", \"AlternativeHashes\": [{\"HashName\": \"PhotoDNA\", \"HashValue\": \"%s\"}]}"
                        .formatted(MD5, PHOTO_DNA_BASE64)));

        assertThat(read.errors()).isEmpty();
        assertThat(read.records()).hasSize(3)
                .allSatisfy(media -> assertThat(media.photoDna()).isEqualTo(ImportedMediaFixture.anyPhotoDna()));
    }

    @Test
    void readsAlternativeHashesWhateverTheirSpelling() throws IOException {
        VicsSamples.Read read = read(caseExport("""
                {"MD5": "%s", "AlternativeHashes": [
                  {"HashName": "SHA-256", "HashValue": "%s"},
                  {"HashValue": "%s", "HashName": "pdq", "Quality": 90},
                  {"HashName": "SHA1", "HashValue": "%s"},
                  {"HashName": "MD5", "HashValue": "%s"},
                  {"HashName": "dHash", "HashValue": "whatever"}]}""".formatted(MD5, SHA256, PDQ, SHA1, MD5)));

        assertThat(read.errors()).isEmpty();
        assertThat(read.records()).singleElement().satisfies(media -> {
            assertThat(media.sha256()).isEqualTo(SHA256);
            assertThat(media.pdq()).isEqualTo(PDQ);
            assertThat(media.pdqQuality()).isEqualTo(90);
            assertThat(media.sha1()).isEqualTo(SHA1);
        });
    }

    @Test
    void readsTagsFromAnArrayOrADelimitedStringAndSeriesFromAStringOrAnObject() throws IOException {
        VicsSamples.Read read = read(caseExport(
                "{\"MD5\": \"%s\", \"Tags\": [\"indoor\", \"known set\"], \"Series\": \"Bluebell\"}".formatted(MD5),
                "{\"MD5\": \"%s\", \"Tags\": \"indoor; known set|x,\", \"Series\": {\"Name\": \"Cascade\", \"Id\": 3}}"
                        .formatted(MD5)));

        assertThat(read.errors()).isEmpty();
        assertThat(read.records()).extracting(ImportedMedia::tags)
                .containsExactly(List.of("indoor", "known set"), List.of("indoor", "known set", "x"));
        assertThat(read.records()).extracting(ImportedMedia::series).containsExactly("Bluebell", "Cascade");
    }

    @Test
    void mapsExifRowsWithTheCommonNamesAndReferences() throws IOException {
        VicsSamples.Read read = read(caseExport("""
                {"MD5": "%s", "Exifs": [
                  {"PropertyName": "Make", "PropertyValue": "Canon"},
                  {"PropertyName": "Model", "PropertyValue": "EOS 5D"},
                  {"PropertyName": "SerialNumber", "PropertyValue": "0123"},
                  {"PropertyName": "Lens", "PropertyValue": "EF 50mm"},
                  {"PropertyName": "DateTimeOriginal", "PropertyValue": "2019:05:01 10:00:00"},
                  {"PropertyName": "GPSLatitude", "PropertyValue": "41 deg 53' 24.00\\""},
                  {"PropertyName": "GPSLongitude", "PropertyValue": "87/1, 37/1, 48/1"},
                  {"PropertyName": "GPS Latitude Ref", "PropertyValue": "North"},
                  {"PropertyName": "GPSLongitudeRef", "PropertyValue": "W"},
                  {"PropertyName": "PixelXDimension", "PropertyValue": 640},
                  {"PropertyName": "Make", "PropertyValue": "second row ignored"}]}""".formatted(MD5),
                """
                {"MD5": "%s", "Exifs": [
                  {"PropertyName": "Lat/Lon", "PropertyValue": "-33.8688/151.2093"},
                  {"PropertyName": "Latitude", "PropertyValue": "12.5"},
                  {"PropertyName": "Latitude Reference", "PropertyValue": "Unknown"}]}""".formatted(MD5)));

        assertThat(read.errors()).isEmpty();
        ImportedMedia first = read.records().get(0);
        assertThat(first.exif()).usingRecursiveComparison().ignoringFields("gpsLatitude", "gpsLongitude")
                .isEqualTo(new ExifData("Canon", "EOS 5D", "0123", "EF 50mm", "2019:05:01 10:00:00", null, null));
        assertThat(first.exif().gpsLatitude()).isCloseTo(41.89, offset(1e-9));
        assertThat(first.exif().gpsLongitude()).isCloseTo(-87.63, offset(1e-9));
        assertThat(first.width()).isEqualTo(640);
        assertThat(read.records().get(1).exif()).isEqualTo(
                new ExifData(null, null, null, null, null, -33.8688, 151.2093));
    }

    @Test
    void skipsABadRecordAndReportsItsIndexAndPointerThenReadsTheNext() throws IOException {
        VicsSamples.Read read = read(caseExport(md5Only(MD5), md5Only("not-a-hash"), md5Only(MD5)));

        assertThat(read.records()).hasSize(2);
        assertThat(read.errors()).containsExactly(new RecordError(1, "/value/0/Media/1/MD5",
                "MD5 must be 32 hex digits, found 10 characters"));
    }

    @Test
    void skipsTheRestOfABadRecordWhateverItContains() throws IOException {
        VicsSamples.Read read = read(caseExport(
                md5Only(MD5),
                """
                {"MD5": "%s", "MediaFiles": [{"FileName": "a", "Created": "2024-01-02T03:04:05Z"},
                                             {"FileName": "b", "Created": "yesterday", "X": [{"MD5": "%s"}]},
                                             {"FileName": "c"}],
                 "Exifs": [{"PropertyName": "Make", "PropertyValue": "x"}], "SHA1": "%s"}""".formatted(MD5, MD5, SHA1),
                """
                {"MD5": ["%s"], "Tags": ["a"]}""".formatted(MD5),
                """
                {"MediaID": 9, "MediaSize": 12.5}""",
                """
                {"MediaID": 10}""",
                "42",
                md5Only(SHA1.substring(0, 32))));

        assertThat(read.records()).extracting(ImportedMedia::md5).containsExactly(MD5, SHA1.substring(0, 32));
        assertThat(read.errors()).containsExactly(
                new RecordError(1, "/value/0/Media/1/MediaFiles/1/Created",
                        "'yesterday' is not an ISO 8601 date-time"),
                new RecordError(2, "/value/0/Media/2/MD5", "expected a string, found an array"),
                new RecordError(3, "/value/0/Media/3/MediaSize", "expected a whole number, found a number"),
                new RecordError(4, "/value/0/Media/4", "no MD5, SHA-1 or SHA-256: the item cannot be identified"),
                new RecordError(5, "/value/0/Media/5", "expected a Media object, found a number"));
    }

    @Test
    void rejectsTwoDifferentValuesOfOneHash() throws IOException {
        VicsSamples.Read read = read(caseExport("""
                {"MD5": "%s", "AlternativeHashes": [{"HashName": "MD5", "HashValue": "%s"}]}"""
                .formatted(MD5, SHA1.substring(0, 32))));

        assertThat(read.records()).isEmpty();
        assertThat(read.errors()).singleElement().satisfies(error -> {
            assertThat(error.pointer()).isEqualTo("/value/0/Media/0/AlternativeHashes/0");
            assertThat(error.message()).startsWith("two different MD5 values");
        });
    }

    @Test
    void reportsAPhotoDnaOfTheWrongLength() throws IOException {
        VicsSamples.Read read = read(caseExport("{\"MD5\": \"%s\", \"PhotoDNA\": \"%s\"}"
                .formatted(MD5, Base64.getEncoder().encodeToString(new byte[100]))));

        assertThat(read.errors()).containsExactly(new RecordError(0, "/value/0/Media/0/PhotoDNA",
                "PhotoDNA must be 144 bytes, found 100"));
    }

    @Test
    void readsTimestampsInTheFormatsExportersWrite() throws IOException {
        VicsSamples.Read read = read(caseExport("""
                {"MD5": "%s", "MediaFiles": [
                  {"FileName": "a", "Created": "2024-01-02T03:04:05.1234567Z", "Written": "/Date(1704164645000)/",
                   "Accessed": "2024-01-02T04:04:05.000+01:00Z"},
                  {"FileName": "b", "Created": "2024-01-02T03:04:05-0500", "LastWritten": "2024-01-02t03:04:05"}]}"""
                .formatted(MD5)));

        assertThat(read.errors()).isEmpty();
        assertThat(read.records().get(0).locations()).containsExactly(
                new ImportedLocation("a", null, Instant.parse("2024-01-02T03:04:05.1234567Z"),
                        Instant.parse("2024-01-02T03:04:05Z"), Instant.parse("2024-01-02T03:04:05Z")),
                new ImportedLocation("b", null, Instant.parse("2024-01-02T08:04:05Z"),
                        Instant.parse("2024-01-02T03:04:05Z"), null));
    }

    @Test
    void rejectsPlainText() {
        assertThatThrownBy(() -> read("MD5,SHA1\nabc,def\n"))
                .isInstanceOf(NotVicsException.class).hasMessageContaining("not JSON");
    }

    @Test
    void rejectsAnEmptyFile() {
        assertThatThrownBy(() -> read("")).isInstanceOf(NotVicsException.class).hasMessageContaining("empty");
    }

    @Test
    void rejectsAJsonArray() {
        assertThatThrownBy(() -> read("[{\"MD5\": \"" + MD5 + "\"}]"))
                .isInstanceOf(NotVicsException.class).hasMessage("not a VICS export: the JSON document is an array,"
                        + " not an object");
    }

    @Test
    void rejectsAJsonObjectWithoutMetadata() {
        assertThatThrownBy(() -> read("{\"name\": \"x\", \"size\": 2}"))
                .isInstanceOf(NotVicsException.class).hasMessageContaining("no 'odata.metadata' or '@odata.context'");
        assertThatThrownBy(() -> read("{\"name\": \"x\", \"items\": [1, 2], \"@odata.context\": \""
                + VicsSamples.V2_CASES + "\"}"))
                .isInstanceOf(NotVicsException.class).hasMessageContaining("'items' comes before");
        assertThatThrownBy(() -> read("{\"value\": [" + md5Only(MD5) + "]}"))
                .isInstanceOf(NotVicsException.class).hasMessageContaining("'value' array is not preceded by");
    }

    @Test
    void rejectsMetadataThatComesAfterTheValueArray() {
        String json = "{\"value\": [" + md5Only(MD5) + "], \"@odata.context\": \"" + VicsSamples.V2_HASH_SET + "\"}";

        assertThatThrownBy(() -> read(json)).isInstanceOf(NotVicsException.class);
    }

    @Test
    void rejectsODataDocumentsOfOtherServicesAndMissingValue() {
        assertThatThrownBy(() -> read("{\"odata.metadata\": \"https://example.org/_api/$metadata#Lists\","
                + " \"value\": []}"))
                .isInstanceOf(NotVicsException.class).hasMessageContaining("does not name a Project VIC data model");
        assertThatThrownBy(() -> read("{\"@odata.context\": \"" + VicsSamples.V2_CASES + "\"}"))
                .isInstanceOf(NotVicsException.class).hasMessageContaining("no 'value' array");
        assertThatThrownBy(() -> read("{\"@odata.context\": \"" + VicsSamples.V2_CASES + "\", \"value\": {}}"))
                .isInstanceOf(NotVicsException.class).hasMessageContaining("not an array");
    }

    @ParameterizedTest
    @ValueSource(ints = {10, 32, 33, 34})
    void reportsATruncatedFileAfterDeliveringWhatCameBefore(int cutAfterLastMd5) throws IOException {
        String whole = caseExport(md5Only(MD5), md5Only(MD5), "{\"MD5\": \"" + MD5 + "\", \"MediaSize\": 1}");
        String truncated = whole.substring(0, whole.lastIndexOf(MD5) + cutAfterLastMd5);
        List<ImportedMedia> records = new ArrayList<>();

        try (VicsReader reader = VicsReader.open(VicsSamples.stream(truncated))) {
            assertThatThrownBy(() -> {
                while (reader.next(records::add, error -> { })) {
                    // read until the damage
                }
            }).isInstanceOf(MalformedExportException.class).hasMessageContaining("after 2 records");
        }
        assertThat(records).hasSize(2);
    }

    @Test
    void leavesTheStreamOpenForItsOwner() throws IOException {
        var in = new ByteArrayInputStream(caseExport(md5Only(MD5)).getBytes(StandardCharsets.UTF_8)) {
            boolean closed;

            @Override
            public void close() {
                closed = true;
            }
        };
        VicsReader.open(in).close();

        assertThat(in.closed).isFalse();
    }
}
