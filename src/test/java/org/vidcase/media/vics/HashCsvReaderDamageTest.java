package org.vidcase.media.vics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Hash CSVs damaged on the way (a stray quote, another encoding): nothing garbled is delivered, nothing silently lost. */
class HashCsvReaderDamageTest {

    private static final String A = "0123456789abcdef0123456789abcdef";
    private static final String B = "1123456789abcdef0123456789abcdef";
    private static final String C = "2123456789abcdef0123456789abcdef";

    @Test
    void aQuoteThatNeverClosesMakesTheFileMalformedInsteadOfSwallowingTheRowsAfterIt() {
        String csv = "MD5,FileName\n" + A + ",a.jpg\n" + B + ",\"b.jpg\n" + C + ",c.jpg\n";
        List<ImportedMedia> delivered = new ArrayList<>();
        assertThatThrownBy(() -> readAll(csv.getBytes(StandardCharsets.UTF_8), delivered, new ArrayList<>()))
                .isInstanceOf(MalformedExportException.class).hasMessageContaining("opened on line 3 never closes");
        assertThat(delivered).extracting(ImportedMedia::md5).doesNotContain(B, C);
    }

    @Test
    void quotedFieldsMayStillSpanLinesAndHoldQuotes() throws IOException {
        String csv = "MD5,Notes,FileName\n" + A + ",\"first line\nsecond \"\"line\"\"\",a.jpg\n" + B + ",plain,b\"x\".jpg\n";
        List<ImportedMedia> delivered = new ArrayList<>();
        List<RecordError> errors = new ArrayList<>();
        readAll(csv.getBytes(StandardCharsets.UTF_8), delivered, errors);
        assertThat(errors).isEmpty();
        assertThat(delivered).extracting(ImportedMedia::notes).containsExactly("first line\nsecond \"line\"", "plain");
        assertThat(delivered.get(1).locations().get(0).fileName()).isEqualTo("b\"x\".jpg");
    }

    @Test
    void aRowThatIsNotUtf8IsRejectedOnItsOwnAndTheOthersAreKept() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(("MD5,FileName\n" + A + ",a.jpg\n" + B + ",M").getBytes(StandardCharsets.UTF_8));
        bytes.write(0xE4);
        bytes.writeBytes(("dchen.jpg\n" + C + ",\u00c5lesund.jpg\n").getBytes(StandardCharsets.UTF_8));
        List<ImportedMedia> delivered = new ArrayList<>();
        List<RecordError> errors = new ArrayList<>();
        readAll(bytes.toByteArray(), delivered, errors);
        assertThat(delivered).extracting(ImportedMedia::md5).containsExactly(A, C);
        assertThat(delivered.get(1).locations().get(0).fileName()).isEqualTo("\u00c5lesund.jpg");
        assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.index()).isEqualTo(3);
            assertThat(e.message()).contains("not UTF-8 text");
        });
    }

    private static void readAll(byte[] csv, List<ImportedMedia> delivered, List<RecordError> errors) throws IOException {
        try (HashCsvReader reader = HashCsvReader.open(new ByteArrayInputStream(csv))) {
            while (reader.next(delivered::add, errors::add)) {
                // Reads the whole file.
            }
        }
    }
}
