package org.vidcase.media.vics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The hash CSV export: what the CSV import reads back is what was exported (formula-starting names
 * included), and no cell a spreadsheet opens starts like a formula.
 */
class HashCsvWriterTest {

    private static final List<String> FORMULAS = List.of("=HYPERLINK(\"http://x.invalid\",\"open\")", "+1+1.jpg",
            "-2+3.jpg", "@SUM(A1).jpg", "\tcmd.jpg", "\rcmd.jpg", "\ncmd.jpg");

    @Test
    void anExportReadsBackAsItWasWritten() throws IOException {
        ImportedMedia full = ImportedMediaFixture.fullyPopulated();
        ImportedMedia twoPlaces = ImportedMediaFixture.fullyPopulated(b -> b.md5("0123456789abcdef0123456789abcdef")
                .sha1(null).sha256(null).pdq(null).pdqQuality(null).photoDna(null).exif(null)
                .addLocation(new ImportedLocation("second \"copy\".jpg", "D:\\backup, old", null, null, null)));
        List<ImportedMedia> back = roundTrip(List.of(full, twoPlaces));

        assertThat(back).hasSize(full.locations().size() + twoPlaces.locations().size());
        ImportedMedia first = back.get(0);
        assertThat(first.md5()).isEqualTo(full.md5());
        assertThat(first.sha1()).isEqualTo(full.sha1());
        assertThat(first.sha256()).isEqualTo(full.sha256());
        assertThat(first.pdq()).isEqualTo(full.pdq());
        assertThat(first.photoDna()).isEqualTo(full.photoDna());
        assertThat(first.category()).isEqualTo(full.category());
        assertThat(first.series()).isEqualTo(full.series());
        assertThat(first.tags()).isEqualTo(full.tags());
        assertThat(first.notes()).isEqualTo(full.notes());
        assertThat(first.victimIdentified()).isEqualTo(full.victimIdentified());
        assertThat(first.locations()).containsExactly(full.locations().get(0));
        assertThat(back.stream().flatMap(m -> m.locations().stream()).map(ImportedLocation::fileName))
                .contains("second \"copy\".jpg");
    }

    @Test
    void formulaStartsAreNeutralisedForSpreadsheetsAndRestoredOnImport() throws IOException {
        List<ImportedMedia> media = new ArrayList<>();
        for (int i = 0; i < FORMULAS.size(); i++) {
            media.add(ImportedMedia.builder().md5(String.format("%032x", i + 1)).notes(FORMULAS.get(i))
                    .series(FORMULAS.get(i)).addLocation(new ImportedLocation(FORMULAS.get(i), "=cmd|' /C calc'!A0",
                            null, null, null)).build());
        }
        String csv = write(media);

        // Every cell is quoted; no cell's text starts with a formula character, however a spreadsheet splits it.
        for (String line : csv.substring(1).split("\r\n(?=\")")) {
            for (String cell : line.split("\",\"")) {
                String text = cell.startsWith("\"") ? cell.substring(1) : cell;
                assertThat(text).as("cell in " + line).doesNotStartWith("=").doesNotStartWith("+")
                        .doesNotStartWith("-").doesNotStartWith("@").doesNotStartWith("\t").doesNotStartWith("\r");
            }
        }
        assertThat(csv).contains("\"'=HYPERLINK(\"\"http://x.invalid\"\",\"\"open\"\")\"").contains("\"'@SUM(A1).jpg\"")
                .contains("\"'=cmd|' /C calc'!A0\"");

        List<ImportedMedia> back = read(csv);
        assertThat(back).extracting(m -> m.locations().get(0).fileName()).containsExactlyElementsOf(FORMULAS);
        assertThat(back).extracting(ImportedMedia::notes).containsExactlyElementsOf(FORMULAS);
        assertThat(back).allSatisfy(m -> assertThat(m.locations().get(0).path()).isEqualTo("=cmd|' /C calc'!A0"));
    }

    @Test
    void theFileStartsWithAByteOrderMarkAndTheHeaderTheImportKnows() throws IOException {
        String csv = write(List.of(ImportedMediaFixture.minimal()));
        assertThat(csv).startsWith("\uFEFF\"MediaID\",\"MD5\"");
        assertThat(HashCsvWriter.HEADER).allSatisfy(column -> assertThat(CsvColumn.forHeader(column))
                .as(column).isNotNull());
    }

    private static List<ImportedMedia> roundTrip(List<ImportedMedia> media) throws IOException {
        return read(write(media));
    }

    private static String write(List<ImportedMedia> media) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (HashCsvWriter writer = HashCsvWriter.open(out)) {
            for (ImportedMedia m : media) {
                writer.write(m);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static List<ImportedMedia> read(String csv) throws IOException {
        List<ImportedMedia> records = new ArrayList<>();
        List<RecordError> errors = new ArrayList<>();
        try (HashCsvReader reader = HashCsvReader.open(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)))) {
            while (reader.next(records::add, errors::add)) {
                // Reads the whole file.
            }
        }
        assertThat(errors).isEmpty();
        return records;
    }
}
