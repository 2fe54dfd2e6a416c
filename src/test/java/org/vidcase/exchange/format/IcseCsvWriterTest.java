package org.vidcase.exchange.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vidcase.hashset.importer.IcseCsvReader;
import org.vidcase.hashset.importer.ReferenceEntry;

/** The ICSE layout as the project's own importer reads it: a written package reads back as the same entries. */
class IcseCsvWriterTest {

    @Test
    void aPackageWrittenAsIcseCsvImportsAsTheSameEntries() throws Exception {
        List<PackageEntry> entries = new ArrayList<>(PackageFixture.withEntries(6).entries());
        entries.add(new PackageEntry(null, null, null, null, null, PackageFixture.hex(40, 288), List.of(), "2", true, null,
                null, true, null, MediaKind.VIDEO, PackageFixture.TODAY, "NL"));
        entries.add(new PackageEntry(null, null, PackageFixture.hex(41, 64), null, null, null, List.of(), "1", false, null,
                null, null, null, MediaKind.IMAGE, PackageFixture.TODAY, "NL"));
        StringWriter out = new StringWriter();
        try (IcseCsvWriter writer = new IcseCsvWriter(out)) {
            entries.forEach(e -> writer.write(IcseRow.of(e)));
            assertThat(writer.written()).isEqualTo(7);
            assertThat(writer.skipped()).as("SHA-256 only: no ICSE column").isEqualTo(1);
        }
        List<ReferenceEntry> read = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        IcseCsvReader.read(new ByteArrayInputStream(out.toString().getBytes(StandardCharsets.UTF_8)), read::add,
                e -> errors.add(e.toString()));
        assertThat(errors).isEmpty();
        List<ReferenceEntry> expected = entries.subList(0, 7).stream().map(e -> new ReferenceEntry(e.md5(), e.sha1(), null,
                null, null, e.photoDna() == null ? null : HexFormat.of().parseHex(e.photoDna()), null, e.series(),
                e.victimIdentified(), e.offenderIdentified(), e.distributed(), e.baseline())).toList();
        assertThat(read).containsExactlyElementsOf(expected);
    }

    @Test
    void investigationAndAgencyAreAlwaysEmptyAndFlagsUseTheLayoutsWords() {
        StringWriter out = new StringWriter();
        PackageEntry e = PackageFixture.entry(2);
        try (IcseCsvWriter writer = new IcseCsvWriter(out)) {
            writer.write(new IcseRow(e.md5(), e.sha1(), null, true, false, null, "S", 3, MediaKind.IMAGE, true));
        } catch (java.io.IOException ex) {
            throw new AssertionError(ex);
        }
        String[] lines = out.toString().split("\r\n");
        assertThat(lines[0]).isEqualTo(String.join(";", IcseCsvWriter.HEADER));
        assertThat(lines[1].split(";", -1)).containsExactly(e.md5().toUpperCase(), e.sha1().toUpperCase(), "", "", "", "",
                "Y", "N", "", "S", "", "", "3", "False", "Image", "Yes");
    }

    @Test
    void aPseudonymThatBeginsLikeAFormulaIsNeutralisedAndReadBackAsItWas() throws Exception {
        PackageEntry e = PackageFixture.entry(3);
        String pseudonym = "-" + "A".repeat(42);
        StringWriter out = new StringWriter();
        try (IcseCsvWriter writer = new IcseCsvWriter(out)) {
            writer.write(new IcseRow(e.md5(), e.sha1(), null, null, null, null, pseudonym, 1, MediaKind.IMAGE, false));
        }
        assertThat(out.toString().split("\r\n")[1].split(";", -1)[9]).isEqualTo("'" + pseudonym);
        List<ReferenceEntry> read = new ArrayList<>();
        IcseCsvReader.read(new ByteArrayInputStream(out.toString().getBytes(StandardCharsets.UTF_8)), read::add,
                error -> {
                    throw new AssertionError(error.toString());
                });
        assertThat(read).singleElement().extracting(ReferenceEntry::series).isEqualTo(pseudonym);
    }
}
