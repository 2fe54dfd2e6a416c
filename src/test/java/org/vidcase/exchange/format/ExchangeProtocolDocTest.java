package org.vidcase.exchange.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The protocol document's example payload is a valid, canonical package: another implementation may copy it. */
class ExchangeProtocolDocTest {

    @Test
    void theDocumentedExampleIsACanonicalValidPackage() throws Exception {
        String doc = Files.readString(Path.of("docs/exchange-protocol.md"));
        String section = doc.substring(doc.indexOf("### 3.9 Example"));
        Matcher block = Pattern.compile("```json\\n(.*?)```", Pattern.DOTALL).matcher(section);
        assertThat(block.find()).isTrue();
        String payload = block.group(1).replace("\n", "");
        HashPackage p = PackageJson.read(payload.getBytes(StandardCharsets.UTF_8));
        assertThat(PackageRules.check(p, PackageLimits.DEFAULT, LocalDate.of(2026, 12, 4))).isEmpty();
        assertThat(p.entries()).hasSize(1);
        assertThat(section).contains("\"typ\":\"" + PackageSigner.TYPE + "\"", "\"cty\":\"" + PackageSigner.CONTENT_TYPE + "\"");
        List<String> header = List.of("MD5", "SHA1", "ZZ40", "PhotoDNA", "Lace", "Image ID", "Is distributed",
                "Victim identified", "Offender identified", "Series name", "Investigation name", "Agency",
                "Number of submissions", "File Available", "Media Type", "Baseline");
        assertThat(doc).contains(String.join(";", header));
        assertThat(IcseCsvWriter.HEADER).isEqualTo(header);
    }
}
