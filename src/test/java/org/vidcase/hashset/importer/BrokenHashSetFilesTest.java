package org.vidcase.hashset.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.vidcase.fuzz.ApiFuzzSeeds;
import org.vidcase.fuzz.BrokenExports;
import org.vidcase.shared.error.RuleViolationException;

/**
 * The broken hash-set files of {@link BrokenExports}, as the import does them: recognised from their
 * head, then read through. A file refused (at once, or because its rest cannot be read, which fails
 * the job and discards its entries) keeps nothing; any other file gives exactly its valid entries.
 */
class BrokenHashSetFilesTest {

    @Test
    void eachBrokenHashSetFileGivesItsValidEntriesOrIsRefusedWhole() throws IOException {
        List<String> wrong = new ArrayList<>();
        for (BrokenExports.BrokenFile file : BrokenExports.hashSetFiles(ApiFuzzSeeds.DEFAULT)) {
            HashSetFormat format = HashSetFormat.valueOf(file.kind().name());
            String refusal = format.recognise(Arrays.copyOf(file.bytes(), Math.min(file.bytes().length, 256 * 1024)));
            List<String> entries = new ArrayList<>();
            List<EntryError> errors = new ArrayList<>();
            if (refusal == null) {
                try (InputStream in = new ByteArrayInputStream(file.bytes())) {
                    read(format, in, e -> entries.add(e.md5()), errors::add);
                } catch (RuleViolationException e) {
                    refusal = e.getMessage();
                }
            }
            if (file.outcome() == BrokenExports.Outcome.REFUSED) {
                if (refusal == null) {
                    wrong.add(file + ": read through, " + entries.size() + " entries");
                }
            } else if (refusal != null) {
                wrong.add(file + ": refused: " + refusal);
            } else if (!entries.equals(file.good()) || errors.size() != file.bad()) {
                wrong.add(file + ": entries " + entries + ", errors " + errors + "; expected " + file.good() + " and "
                        + file.bad() + " errors");
            }
        }
        assertThat(wrong).isEmpty();
    }

    private static void read(HashSetFormat format, InputStream in, Consumer<ReferenceEntry> entries,
                             Consumer<EntryError> errors) throws IOException {
        switch (format) {
            case ICSE -> IcseCsvReader.read(in, entries, errors);
            case VICS -> VicsHashSetReader.read(in, entries, errors);
            case PLAIN -> PlainHashListReader.read(in, entries, errors);
            default -> throw new IllegalArgumentException(format.name());
        }
    }
}
