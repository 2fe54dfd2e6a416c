package org.vidcase.hashset.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vidcase.shared.error.RuleViolationException;

class IcseCsvReaderTest {

    private static final String HEADER = String.join(";", IcseCsvReader.HEADER) + "\n";
    private static final String MD5 = "0123456789ABCDEF0123456789ABCDEF";
    private static final String SHA1 = "0123456789ABCDEF0123456789ABCDEF01234567";
    private static final String PHOTODNA = "0A".repeat(144);

    private final List<ReferenceEntry> entries = new ArrayList<>();
    private final List<EntryError> errors = new ArrayList<>();

    private long read(String text) throws IOException {
        return IcseCsvReader.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), entries::add,
                errors::add);
    }

    private static String row(String md5, String photoDna, String distributed, String victim, String baseline) {
        return md5 + ";" + SHA1 + ";;" + photoDna + ";;12345;" + distributed + ";" + victim + ";N;Synthetic series;"
                + "Operation Secret;Agency X;3;True;Image;" + baseline + "\n";
    }

    @Test
    void readsFlagsPhotoDnaAndSeriesButNeverTheAgencyOrInvestigation() throws IOException {
        long n = read(HEADER + row(MD5, PHOTODNA, "Y", "N", "Yes") + row(MD5.replace('0', '1'), "", "N", "Y", "No"));
        assertThat(n).isEqualTo(2);
        assertThat(errors).isEmpty();
        ReferenceEntry first = entries.get(0);
        assertThat(first.md5()).isEqualTo(MD5.toLowerCase());
        assertThat(first.sha1()).isEqualTo(SHA1.toLowerCase());
        assertThat(first.photoDna()).hasSize(144).containsOnly((byte) 0x0A);
        assertThat(first.distributed()).isTrue();
        assertThat(first.victimIdentified()).isFalse();
        assertThat(first.offenderIdentified()).isFalse();
        assertThat(first.baseline()).isTrue();
        assertThat(first.series()).isEqualTo("Synthetic series");
        assertThat(first.toString()).doesNotContain("Agency X").doesNotContain("Operation Secret");
        assertThat(entries.get(1).photoDna()).isNull();
        assertThat(entries.get(1).victimIdentified()).isTrue();
        assertThat(entries.get(1).baseline()).isFalse();
    }

    @Test
    void badRowsAreReportedWithLineNumbersAndSkipped() throws IOException {
        long n = read(HEADER + row(MD5, PHOTODNA, "Y", "N", "Yes") + row("xyz", "", "Y", "N", "Yes")
                + row(MD5, "ABC", "Y", "N", "Yes") + row(MD5, "", "maybe", "N", "Yes") + row(MD5, "", "N", "N", "No"));
        assertThat(n).isEqualTo(2);
        assertThat(errors).extracting(EntryError::line).containsExactly(3L, 4L, 5L);
        assertThat(errors.get(1).message()).contains("288");
        assertThat(errors.get(2).message()).contains("Y or N");
    }

    @Test
    void aFileWithoutTheIcseHeaderIsRefused() {
        assertThatThrownBy(() -> read("md5,sha1\n" + MD5 + "," + SHA1 + "\n"))
                .isInstanceOf(RuleViolationException.class).hasMessageContaining("Not an ICSE hash-set export");
        assertThatThrownBy(() -> read("")).isInstanceOf(RuleViolationException.class);
    }

    @Test
    void aQuoteThatNeverClosesStopsTheImportInsteadOfSwallowingRows() {
        String broken = MD5 + ";" + SHA1 + ";;;;1;Y;N;N;\"Unclosed series;Op;Ag;1;True;Image;No\n";
        assertThatThrownBy(() -> read(HEADER + row(MD5, PHOTODNA, "Y", "N", "Yes") + broken
                + row(MD5.replace('0', '2'), "", "N", "N", "No") + row(MD5.replace('0', '3'), "", "N", "N", "No")))
                .isInstanceOf(RuleViolationException.class).hasMessageContaining("line 3");
    }
}
