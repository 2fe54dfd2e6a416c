package org.vidcase.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A clone on its own must build and pass: no tracked file may point at the folder beside the
 * repository that only the team's machines have. Every test input lives in the repository.
 */
class RepositoryStandsAloneTest {

    /** Spelled in two parts so that this file does not match itself. */
    private static final String SIBLING_FOLDER = ".." + "/shared";

    /** The folder however it is written: with a slash, with a backslash, or as two path elements. */
    private static final java.util.regex.Pattern ANY_SPELLING = java.util.regex.Pattern.compile(
            "\\.\\.[/\\\\]+" + "shared\\b|\"\\.\\.\"\\s*,\\s*\"" + "shared\"");

    private static final Set<String> NOT_TRACKED = Set.of(".git", "target", ".local-stack", ".idea", ".vscode");

    @Test
    void noTrackedFileRefersToAFolderBesideTheRepository() throws IOException, InterruptedException {
        List<Path> files = trackedFiles();
        assertThat(files).as("tracked files").hasSizeGreaterThan(100)
                .contains(Path.of("pom.xml"), Path.of("README.md"));

        List<String> offending = new ArrayList<>();
        for (Path file : files) {
            String text = textOf(file);
            if (text != null && ANY_SPELLING.matcher(text).find()) {
                offending.add(file.toString());
            }
        }
        assertThat(offending).as("files referring to " + SIBLING_FOLDER).isEmpty();
    }

    @Test
    void everySpellingOfTheFolderIsCaught() {
        assertThat(ANY_SPELLING.matcher("reads " + SIBLING_FOLDER + "/conformance").find()).isTrue();
        assertThat(ANY_SPELLING.matcher("Path.of(\"..\", \"" + "shared\")").find()).isTrue();
        assertThat(ANY_SPELLING.matcher("..\\" + "shared\\x").find()).isTrue();
        assertThat(ANY_SPELLING.matcher("src/main/java/org/vidcase/shared/error").find()).isFalse();
    }

    @Test
    void theConformanceSetIsInTheRepository() {
        assertThat(Path.of("src/test/resources/conformance/pdq/expected-pdq.csv")).isRegularFile();
        assertThat(Path.of("src/test/resources/conformance/pdq/LICENSE")).isRegularFile();
    }

    /** The files git tracks; without git (an exported tree), every file outside build and tool folders. */
    private static List<Path> trackedFiles() throws IOException, InterruptedException {
        if (Files.isDirectory(Path.of(".git"))) {
            Process git = new ProcessBuilder("git", "ls-files", "-z").redirectErrorStream(false).start();
            byte[] out;
            try (InputStream in = git.getInputStream()) {
                out = in.readAllBytes();
            }
            if (git.waitFor(60, TimeUnit.SECONDS) && git.exitValue() == 0) {
                List<Path> files = new ArrayList<>();
                for (String name : new String(out, StandardCharsets.UTF_8).split("\0")) {
                    if (!name.isEmpty() && Files.isRegularFile(Path.of(name))) {
                        files.add(Path.of(name));
                    }
                }
                return files;
            }
        }
        try (Stream<Path> all = Files.walk(Path.of("."))) {
            return all.filter(Files::isRegularFile)
                    .map(p -> Path.of(".").relativize(p))
                    .filter(p -> !NOT_TRACKED.contains(p.getName(0).toString()))
                    .toList();
        }
    }

    /** The file as text, or null when it is binary (a NUL byte among its first 8 KiB). */
    private static String textOf(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        for (int i = 0; i < Math.min(bytes.length, 8192); i++) {
            if (bytes[i] == 0) {
                return null;
            }
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
