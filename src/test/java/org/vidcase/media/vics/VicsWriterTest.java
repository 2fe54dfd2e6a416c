package org.vidcase.media.vics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class VicsWriterTest {

    @Test
    void readsBackWhatItWroteWithEveryFieldSet() throws IOException {
        List<ImportedMedia> written = List.of(
                ImportedMediaFixture.fullyPopulated(),
                ImportedMediaFixture.fullyPopulated(media -> media.sourceId("0017").category("2")
                        .exif(new ExifData(null, null, null, null, null, 0.00001, -179.99999))));

        assertThat(roundTrip(written)).containsExactlyElementsOf(written);
    }

    @Test
    void readsBackWhatItWroteWithEverythingOptionalLeftOut() throws IOException {
        List<ImportedMedia> written = List.of(
                ImportedMediaFixture.minimal(),
                ImportedMedia.builder().sha256(ImportedMediaFixture.SHA256).width(10).build(),
                ImportedMedia.builder().sha1(ImportedMediaFixture.SHA1).victimIdentified(false).tags(List.of())
                        .build());

        assertThat(roundTrip(written)).containsExactlyElementsOf(written);
    }

    @Test
    void writesAVersion2CaseExportWithTheCallersReferenceAndNoOtherIdentifier() throws IOException {
        String json = write("OP-2024-17", List.of(ImportedMediaFixture.fullyPopulated()));

        assertThat(caseLevelProperties(json)).containsExactly("CaseNumber", "SourceApplicationName", "Media");
        assertThat(json).startsWith("{\"@odata.context\":\"http://github.com/VICSDATAMODEL/ProjectVic/DataModels/2.0"
                + ".xml/Default/$metadata#Cases\",\"value\":[{\"CaseNumber\":\"OP-2024-17\"");
        assertThat(caseLevelProperties(write(null, List.of()))).containsExactly("SourceApplicationName", "Media");
    }

    @Test
    void writesFlagsAsBooleansAndPhotoDnaAsBase64() throws IOException {
        String json = write(null, List.of(ImportedMediaFixture.fullyPopulated()));

        assertThat(json).contains("\"VictimIdentified\":true", "\"OffenderIdentified\":false",
                "\"IsDistributed\":true", "\"SelfGenerated\":false", "\"IsSuspected\":true", "\"MediaID\":17",
                "\"PhotoDNA\":\"" + PhotoDnaCodec.encode(ImportedMediaFixture.anyPhotoDna()) + "\"",
                "{\"HashName\":\"SHA256\",\"HashValue\":\"" + ImportedMediaFixture.SHA256 + "\"}",
                "{\"HashName\":\"PDQ\",\"HashValue\":\"" + ImportedMediaFixture.PDQ + "\",\"Quality\":87}");
    }

    private static List<ImportedMedia> roundTrip(List<ImportedMedia> media) throws IOException {
        VicsSamples.Read read = VicsSamples.read(write("case", media));
        assertThat(read.errors()).isEmpty();
        assertThat(read.version()).isEqualTo("2.0");
        return read.records();
    }

    private static String write(String caseReference, List<ImportedMedia> media) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(VicsWriter.writeAll(out, caseReference, media.iterator())).isEqualTo(media.size());
        return out.toString(StandardCharsets.UTF_8);
    }

    private static List<String> caseLevelProperties(String json) throws IOException {
        List<String> names = new ArrayList<>();
        try (JsonParser p = new JsonFactory().createParser(json)) {
            while (p.nextToken() != null) {
                if (p.currentToken() == JsonToken.FIELD_NAME && p.getParsingContext().getParent().inArray()
                        && p.getParsingContext().getParent().getParent().getCurrentName().equals("value")) {
                    names.add(p.currentName());
                }
            }
        }
        return names;
    }
}
