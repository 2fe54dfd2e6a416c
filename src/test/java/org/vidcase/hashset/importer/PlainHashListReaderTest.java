package org.vidcase.hashset.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlainHashListReaderTest {

    private static final String MD5 = "d41d8cd98f00b204e9800998ecf8427e";
    private static final String SHA1 = "da39a3ee5e6b4b0d3255bfef95601890afd80709";
    private static final String SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
    private static final String PDQ = "d8f8f0cee0f4a84f0637022a078f67f0b36e2ed596621e1d33e6339c4e9c9b22";

    private final List<ReferenceEntry> entries = new ArrayList<>();
    private final List<EntryError> errors = new ArrayList<>();

    private long read(String text) throws IOException {
        return PlainHashListReader.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), entries::add,
                errors::add);
    }

    @Test
    void typesFollowFromLengthOrAnExplicitPrefix() throws IOException {
        long n = read("\uFEFF# synthetic list\n\n" + MD5.toUpperCase() + "\n" + SHA1 + "\n" + SHA256 + "  empty.bin\n"
                + "pdq:" + PDQ + "\n");
        assertThat(n).isEqualTo(4);
        assertThat(errors).isEmpty();
        assertThat(entries.get(0).md5()).isEqualTo(MD5);
        assertThat(entries.get(1).sha1()).isEqualTo(SHA1);
        assertThat(entries.get(2).sha256()).isEqualTo(SHA256);
        assertThat(entries.get(3).pdq()).isEqualTo(PDQ);
        assertThat(entries.get(3).sha256()).isNull();
    }

    @Test
    void badLinesAreReportedWithTheirNumberAndSkipped() throws IOException {
        long n = read(MD5 + "\nnot-a-hash\n" + "zz" + MD5.substring(2) + "\nsha512:" + MD5 + "\n" + SHA1 + "\n");
        assertThat(n).isEqualTo(2);
        assertThat(errors).extracting(EntryError::line).containsExactly(2L, 3L, 4L);
        assertThat(errors.get(1).message()).contains("MD5 must be 32 hex digits");
        assertThat(errors.get(2).message()).contains("unknown hash type");
    }
}
