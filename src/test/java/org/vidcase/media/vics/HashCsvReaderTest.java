package org.vidcase.media.vics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.vidcase.media.vics.ImportedMediaFixture.MD5;
import static org.vidcase.media.vics.ImportedMediaFixture.PDQ;
import static org.vidcase.media.vics.ImportedMediaFixture.SHA1;
import static org.vidcase.media.vics.ImportedMediaFixture.SHA256;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HashCsvReaderTest {

    record Read(List<ImportedMedia> records, List<RecordError> errors) {
    }

    @ParameterizedTest
    @ValueSource(strings = {",", ";", "\t"})
    void detectsTheSeparatorFromTheHeader(String separator) throws IOException {
        String csv = String.join(separator, "MD5", "SHA-1", "File Size", "Full Path", "Victim_Identified", "Tags")
                + "\n" + String.join(separator, MD5.toUpperCase(), SHA1, "2835", "\"C:\\seized\\a" + separator
                + "b.jpg\"", "yes", "\"indoor;known set|x\"") + "\n";

        Read read = read(csv);

        assertThat(read.errors()).isEmpty();
        assertThat(read.records()).singleElement().satisfies(media -> {
            assertThat(media.md5()).isEqualTo(MD5);
            assertThat(media.sha1()).isEqualTo(SHA1);
            assertThat(media.size()).isEqualTo(2835L);
            assertThat(media.victimIdentified()).isTrue();
            assertThat(media.tags()).containsExactly("indoor", "known set", "x");
            assertThat(media.locations()).containsExactly(new ImportedLocation("a" + separator + "b.jpg",
                    "C:\\seized\\a" + separator + "b.jpg", null, null, null));
        });
    }

    @Test
    void readsEveryKnownColumn() throws IOException {
        String photoDna = Base64.getEncoder().encodeToString(ImportedMediaFixture.anyPhotoDna());
        String csv = """
                MediaID,md5,sha1,sha256,pdq,pdq_quality,photodna,filesize,filepath,filename,category,series,\
                victim_identified,offender_identified,distributed,self_generated,suspected,tags,notes,mimetype,\
                width,height,created,modified,accessed,unknown column
                17,%s,%s,%s,%s,87,%s,10,/DCIM/a.jpg,a.jpg,CAT1,Bluebell,1,0,true,false,NO,a|b,"note, with comma",\
                image/jpeg,640,480,2024-01-02T03:04:05Z,2024-01-02 03:04:06,,ignored
                """.formatted(MD5, SHA1, SHA256, PDQ, photoDna);

        Read read = read(csv);

        assertThat(read.errors()).isEmpty();
        assertThat(read.records()).containsExactly(ImportedMedia.builder()
                .sourceId("17").md5(MD5).sha1(SHA1).sha256(SHA256).pdq(PDQ).pdqQuality(87)
                .photoDna(ImportedMediaFixture.anyPhotoDna()).size(10L).category("CAT1").series("Bluebell")
                .victimIdentified(true).offenderIdentified(false).distributed(true).selfGenerated(false)
                .suspected(false).tags(List.of("a", "b")).notes("note, with comma").mimeType("image/jpeg")
                .width(640).height(480)
                .addLocation(new ImportedLocation("a.jpg", "/DCIM/a.jpg", Instant.parse("2024-01-02T03:04:05Z"),
                        Instant.parse("2024-01-02T03:04:06Z"), null))
                .build());
    }

    @Test
    void reportsBadRowsWithTheirLineNumbersAndKeepsReading() throws IOException {
        String csv = """
                md5;sha1;size;created
                %s;;1;
                xyz;;1;

                %s;;-5;
                %s;;1;tomorrow
                ;;1;
                %s;;1;;extra
                "%s";"%s
                continued";1;
                %s;;2;
                """.formatted(MD5, MD5, MD5, MD5, MD5, SHA1, MD5);

        Read read = read(csv);

        assertThat(read.records()).extracting(ImportedMedia::size).containsExactly(1L, 2L);
        assertThat(read.errors()).containsExactly(
                new RecordError(3, "line 3, column md5", "MD5 must be 32 hex digits, found 3 characters"),
                new RecordError(5, "line 5", "size must not be negative, found -5"),
                new RecordError(6, "line 6, column created", "'tomorrow' is not an ISO 8601 date-time"),
                new RecordError(7, "line 7", "no MD5, SHA-1 or SHA-256: the item cannot be identified"),
                new RecordError(8, "line 8", "expected 4 fields as in the header, found 5"),
                new RecordError(9, "line 9, column sha1", "SHA-1 must be 40 hex digits, found 50 characters"));
    }

    @Test
    void rejectsAFileWithoutAHashColumn() {
        assertThatThrownBy(() -> read("name,path,size\na.jpg,/a.jpg,1\n"))
                .isInstanceOf(NotHashCsvException.class).hasMessageContaining("no md5, sha1 or sha256 column");
        assertThatThrownBy(() -> read("{\"@odata.context\": \"x\", \"value\": []}"))
                .isInstanceOf(NotHashCsvException.class);
        assertThatThrownBy(() -> read(""))
                .isInstanceOf(NotHashCsvException.class).hasMessageContaining("empty");
    }

    @Test
    void rejectsAHeaderThatNamesAColumnTwice() {
        assertThatThrownBy(() -> read("MD5,md5 \n" + MD5 + "," + MD5 + "\n"))
                .isInstanceOf(NotHashCsvException.class).hasMessageContaining("'MD5' and 'md5' both name md5");
    }

    @Test
    void honoursByteOrderMarks() throws IOException {
        String csv = "sha256\t\"name\"\r\n" + SHA256 + "\tü.jpg\r\n";

        for (Charset charset : List.of(StandardCharsets.UTF_8, StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE)) {
            Read read = read(new ByteArrayInputStream(("\uFEFF" + csv).getBytes(charset)));

            assertThat(read.errors()).as(charset.name()).isEmpty();
            assertThat(read.records()).as(charset.name()).singleElement().satisfies(media -> {
                assertThat(media.sha256()).isEqualTo(SHA256);
                assertThat(media.locations().get(0).fileName()).isEqualTo("ü.jpg");
            });
        }
    }

    /**
     * FastCSV 4.x closes a quote left open at the end of a stream instead of failing (osiegmar/FastCSV#173), so
     * the rest of the file becomes one field. That row then has too few fields: no record may come out of it.
     */
    @Test
    void turnsNoRecordOutOfARowWithAnUnclosedQuote() throws IOException {
        String csv = "md5,name,size\n" + MD5 + ",\"open,1\n" + MD5 + ",b,2\n";
        List<ImportedMedia> records = new ArrayList<>();
        List<RecordError> errors = new ArrayList<>();

        try (HashCsvReader reader = HashCsvReader.open(stream(csv))) {
            while (reader.next(records::add, errors::add)) {
                // next() delivers into the lists
            }
        } catch (MalformedExportException e) {
            errors.add(new RecordError(0, "file", e.getMessage()));
        }

        assertThat(records).isEmpty();
        assertThat(errors).hasSize(1);
    }

    @Test
    void leavesTheStreamOpenForItsOwner() throws IOException {
        var in = new ByteArrayInputStream(("md5\n" + MD5 + "\n").getBytes(StandardCharsets.UTF_8)) {
            boolean closed;

            @Override
            public void close() {
                closed = true;
            }
        };
        HashCsvReader.open(in).close();

        assertThat(in.closed).isFalse();
    }

    private static Read read(String csv) throws IOException {
        return read(stream(csv));
    }

    private static Read read(InputStream in) throws IOException {
        try (HashCsvReader reader = HashCsvReader.open(in)) {
            List<ImportedMedia> records = new ArrayList<>();
            List<RecordError> errors = new ArrayList<>();
            while (reader.next(records::add, errors::add)) {
                // next() delivers into the lists
            }
            return new Read(records, errors);
        }
    }

    private static InputStream stream(String csv) {
        return new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8));
    }
}
