package org.vidcase.media.vics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import java.io.BufferedInputStream;
import java.io.File;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vidcase.shared.error.RuleViolationException;

/** A generated export of 20,000 records, about 22 MB, read in full. */
class VicsLargeExportTest {

    private static final int RECORDS = 20_000;

    @TempDir
    static Path directory;
    private static Path export;

    @BeforeAll
    static void generate() throws IOException {
        export = directory.resolve("large.json");
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(export))) {
            VicsFileGenerator.generate(out, RECORDS, "2.0", 7);
        }
    }

    @Test
    void readsEveryRecordWithoutError() throws IOException {
        long[] counts = new long[3];
        try (InputStream in = new BufferedInputStream(Files.newInputStream(export));
             VicsReader reader = VicsReader.open(in)) {
            while (reader.next(media -> {
                counts[0]++;
                counts[1] += media.locations().size();
            }, error -> counts[2]++)) {
                // counted by the consumers
            }
        }

        assertThat(counts[0]).isEqualTo(RECORDS);
        assertThat(counts[1]).isBetween(RECORDS * 1L, RECORDS * 3L);
        assertThat(counts[2]).isZero();
    }

    /**
     * Reads the file in a JVM whose heap is smaller than the file and than its records together: only a reader
     * that holds one record at a time gets through.
     */
    @Test
    void readsItInAHeapSmallerThanTheFile() throws IOException, InterruptedException {
        assertThat(Files.size(export)).isGreaterThan(20L << 20);
        String java = ProcessHandle.current().info().command().orElse("java");
        Process process = new ProcessBuilder(List.of(java, "-Xmx16m", "-cp", classPathOf(VicsParseBenchmark.class,
                VicsReader.class, RuleViolationException.class, JsonFactory.class),
                VicsParseBenchmark.class.getName(), export.toString()))
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains("records: " + RECORDS + ", errors: 0");
    }

    /** Launchers differ in what java.class.path holds; where the classes were loaded from is certain. */
    private static String classPathOf(Class<?>... classes) {
        return Stream.of(classes)
                .map(type -> Path.of(URI.create(type.getProtectionDomain().getCodeSource().getLocation().toString())))
                .map(Path::toString)
                .distinct()
                .collect(Collectors.joining(File.pathSeparator));
    }
}
