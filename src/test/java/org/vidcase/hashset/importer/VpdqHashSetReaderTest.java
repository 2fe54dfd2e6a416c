package org.vidcase.hashset.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vidcase.hashing.video.VpdqSignature;

class VpdqHashSetReaderTest {

    private static final String A = "e271017837246aaccddea259648fb7d62f435c89d9e99b2497763e216c8d055c";
    private static final String B = "c0f11178372c6aaccddea259648fbfd62f434c89c9e99b249772be216c8d055c";

    private static List<Object> read(String text) throws IOException {
        List<Object> out = new ArrayList<>();
        VpdqHashSetReader.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), out::add, out::add);
        return out;
    }

    @Test
    void aReferenceHashFileIsOneVideoEntry() throws IOException {
        List<Object> out = read("0,100," + A + ",0.000\n30,87," + B + ",1.001\n");
        assertThat(out).hasSize(1);
        VpdqSignature s = VpdqSignature.fromBytes(((ReferenceEntry) out.get(0)).vpdq());
        assertThat(s.frames()).extracting(f -> f.frameNumber()).containsExactly(0, 30);
        assertThat(((ReferenceEntry) out.get(0)).md5()).isNull();
    }

    @Test
    void compactJsonListsAreOneVideoEachAndBadLinesAreNamed() throws IOException {
        List<Object> out = read("[\"" + A + ",100,0.000\", \"" + B + ",60,1.000\"]\n[\"" + A + ",100,0.0\"]\n"
                + "[\"nothex,100,0.0\"]\n");
        assertThat(out.subList(0, 2)).allSatisfy(e -> assertThat(e).isInstanceOf(ReferenceEntry.class));
        assertThat(VpdqSignature.fromBytes(((ReferenceEntry) out.get(0)).vpdq()).size()).isEqualTo(2);
        assertThat(out.get(2)).isInstanceOfSatisfying(EntryError.class, e -> assertThat(e.line()).isEqualTo(3));
        assertThat(HashSetFormat.VPDQ.recognise("0,100,xyz\n".getBytes(StandardCharsets.UTF_8))).startsWith("Not a vPDQ");
        assertThat(HashSetFormat.VPDQ.recognise(("0,100," + A + ",0.000\n").getBytes(StandardCharsets.UTF_8))).isNull();
    }
}
