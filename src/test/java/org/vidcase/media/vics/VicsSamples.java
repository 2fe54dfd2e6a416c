package org.vidcase.media.vics;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Synthetic VICS documents in the shapes real exporters write, and a helper that reads one to the end. */
final class VicsSamples {

    static final String V1_CASES = "http://github.com/ICMEC/ProjectVic/DataModels/1.3.xml#Cases";
    static final String V1_HASH_SET = "http://github.com/ICMEC/ProjectVic/DataModels/1.2.xml#Media";
    static final String V2_CASES = "http://github.com/VICSDATAMODEL/ProjectVic/DataModels/2.0.xml/US/$metadata#Cases";
    static final String V2_HASH_SET =
            "http://github.com/VICSDATAMODEL/ProjectVic/DataModels/2.0.xml/Default/$metadata#Media";

    record Read(String version, List<ImportedMedia> records, List<RecordError> errors) {
    }

    private VicsSamples() {
    }

    static Read read(String json) throws IOException {
        try (VicsReader reader = VicsReader.open(stream(json))) {
            List<ImportedMedia> records = new ArrayList<>();
            List<RecordError> errors = new ArrayList<>();
            while (reader.next(records::add, errors::add)) {
                // next() delivers into the lists
            }
            return new Read(reader.version(), records, errors);
        }
    }

    static ByteArrayInputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    /** A 2.0 case export with one case whose Media array holds the given objects. */
    static String caseExport(String... media) {
        return """
                {"@odata.context": "%s",
                 "value": [{"CaseID": "8d1e7c1a-0000-4000-8000-000000000001", "CaseNumber": "OP-2024-17",
                            "ContactName": "Examiner Name",
                            "Media": [%s],
                            "SourceApplicationName": "SomeTool", "TotalMediaFiles": "%d"}]}
                """.formatted(V2_CASES, String.join(",\n", media), media.length);
    }

    static String md5Only(String md5) {
        return "{\"MD5\": \"" + md5 + "\"}";
    }
}
