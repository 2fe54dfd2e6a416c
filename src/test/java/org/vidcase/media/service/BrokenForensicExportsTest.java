package org.vidcase.media.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vidcase.fuzz.ApiFuzzSeeds;
import org.vidcase.fuzz.BrokenExports;
import org.vidcase.media.vics.HashCsvReader;
import org.vidcase.media.vics.ImportedMedia;
import org.vidcase.media.vics.ImportedMediaSource;
import org.vidcase.media.vics.RecordError;
import org.vidcase.media.vics.VicsReader;
import org.vidcase.shared.error.RuleViolationException;

/**
 * The broken VICS and hash CSV files of {@link BrokenExports}, read the way the import job reads them
 * (reader, then the per-record limits): a file whose structure breaks off is refused as a whole with a
 * reason, and of every other file exactly its whole, valid records pass and the rest are reported.
 */
class BrokenForensicExportsTest {

    @Test
    void eachBrokenExportGivesItsValidRecordsOrIsRefusedWhole() throws IOException {
        List<String> wrong = new ArrayList<>();
        for (BrokenExports.BrokenFile file : BrokenExports.forensicExports(ApiFuzzSeeds.DEFAULT)) {
            List<String> passed = new ArrayList<>();
            List<String> reported = new ArrayList<>();
            String refusal = null;
            try (InputStream in = new ByteArrayInputStream(file.bytes());
                 ImportedMediaSource records = file.kind() == BrokenExports.Kind.VICS ? VicsReader.open(in)
                         : HashCsvReader.open(in)) {
                while (records.next(m -> accept(m, passed, reported), (RecordError e) -> reported.add(e.message()))) {
                    // Reads the whole file.
                }
            } catch (RuleViolationException e) {
                refusal = e.getMessage();
            }
            if (file.outcome() == BrokenExports.Outcome.REFUSED) {
                if (refusal == null) {
                    wrong.add(file + ": read through, " + passed.size() + " records passed");
                }
            } else if (refusal != null) {
                wrong.add(file + ": refused: " + refusal);
            } else if (!passed.equals(file.good()) || reported.size() != file.bad()) {
                wrong.add(file + ": passed " + passed + " and reported " + reported + "; expected " + file.good()
                        + " and " + file.bad() + " reported");
            }
        }
        assertThat(wrong).isEmpty();
    }

    private static void accept(ImportedMedia m, List<String> passed, List<String> reported) {
        String violation = ImportLimits.violation(m);
        if (violation == null) {
            passed.add(m.md5());
        } else {
            reported.add(violation);
        }
    }
}
