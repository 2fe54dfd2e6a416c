package org.vidcase.hashset.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vidcase.media.vics.NotVicsException;

class VicsHashSetReaderTest {

    @Test
    void mediaRecordsBecomeEntriesWithoutFileNamesOrPaths() throws Exception {
        String vics = """
                {"odata.metadata": "http://github.com/ICMEC/ProjectVic/DataModels/2.0.xml#Media",
                 "value": [
                   {"MediaID": 1, "MD5": "%s", "PDQ": "%s", "PDQQuality": 88, "Category": 1, "Series": "Lighthouse",
                    "VictimIdentified": true, "IsDistributed": false,
                    "MediaFiles": [{"FileName": "secret-name.jpg", "FilePath": "C:\\\\Users\\\\officer\\\\x.jpg"}]},
                   {"MediaID": 2, "MD5": "zz"},
                   {"MediaID": 3, "SHA1": "%s"}
                 ]}
                """.formatted("a".repeat(32), "b".repeat(64), "c".repeat(40));
        List<ReferenceEntry> entries = new ArrayList<>();
        List<EntryError> errors = new ArrayList<>();

        long delivered = VicsHashSetReader.read(new ByteArrayInputStream(vics.getBytes(StandardCharsets.UTF_8)),
                entries::add, errors::add);

        assertThat(delivered).isEqualTo(2);
        ReferenceEntry first = entries.get(0);
        assertThat(first.md5()).isEqualTo("a".repeat(32));
        assertThat(first.pdq()).isEqualTo("b".repeat(64));
        assertThat(first.pdqQuality()).isEqualTo(88);
        assertThat(first.category()).isEqualTo("1");
        assertThat(first.series()).isEqualTo("Lighthouse");
        assertThat(first.victimIdentified()).isTrue();
        assertThat(first.distributed()).isFalse();
        assertThat(first.toString()).doesNotContain("secret-name").doesNotContain("officer");
        assertThat(entries.get(1).sha1()).isEqualTo("c".repeat(40));
        assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.line()).isEqualTo(2);
            assertThat(e.message()).contains("MD5");
        });
    }

    @Test
    void anotherJsonDocumentIsNotAVicsExport() {
        assertThatThrownBy(() -> VicsHashSetReader.read(
                new ByteArrayInputStream("{\"hello\": 1}".getBytes(StandardCharsets.UTF_8)), e -> { }, e -> { }))
                .isInstanceOf(NotVicsException.class);
    }
}
