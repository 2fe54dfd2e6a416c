package org.vidcase.clustering.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClusterCliTest {

    @TempDir
    Path folder;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        out.reset();
        err.reset();
        return ClusterCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private List<String> lines() {
        return out.toString(StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    void clustersASyntheticSetIntoItsScenes() throws IOException {
        Path set = folder.resolve("set");
        assertThat(run("synth", set.toString(), "--scenes", "3", "--seed", "77")).isZero();
        Files.writeString(set.resolve("notes.txt"), "not a picture");

        int exit = run("cluster", set.toString(), "--truth", set.resolve("ground-truth.csv").toString());

        assertThat(exit).as("a file that is not a picture is reported").isEqualTo(ClusterCli.EXIT_FILE_ERROR);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("notes.txt: not clustered")
                .contains("27 pictures, 3 series found").contains("F1 1.0000");
        List<String> lines = lines();
        assertThat(lines).hasSize(27).allMatch(line -> line.matches("series-\\d+,.*\\.(jpg|png)"));
        Map<String, String> seriesOf = new HashMap<>();
        for (String line : lines) {
            String[] parts = line.split(",", 2);
            seriesOf.put(Path.of(parts[1]).getFileName().toString(), parts[0]);
        }
        Map<String, Set<String>> labelsPerScene = Files.readAllLines(set.resolve("ground-truth.csv")).stream().skip(1)
                .map(row -> row.split(","))
                .collect(Collectors.groupingBy(row -> row[1], Collectors.mapping(row -> seriesOf.get(row[0]), Collectors.toSet())));
        assertThat(labelsPerScene).hasSize(3).allSatisfy((scene, labels) -> assertThat(labels).hasSize(1));
        assertThat(labelsPerScene.values().stream().flatMap(Set::stream).distinct()).hasSize(3);
    }

    @Test
    void aPictureAloneGetsALabelOfItsOwn() throws IOException {
        Path set = folder.resolve("one");
        run("synth", set.toString(), "--scenes", "2", "--kind", "shots", "--shots", "2", "--seed", "5");

        assertThat(run("cluster", set.toString(), "--baseline")).isZero();

        List<String> labels = lines().stream().map(line -> line.split(",")[0]).toList();
        assertThat(labels).hasSize(4).doesNotHaveDuplicates();
    }

    @Test
    void badArgumentsExplainThemselves() {
        assertThat(run("cluster", folder.toString(), "--radius", "99")).isEqualTo(ClusterCli.EXIT_USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--radius must be within 0..64: 99");

        assertThat(run("cluster", folder.resolve("missing").toString())).isEqualTo(ClusterCli.EXIT_FILE_ERROR);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("missing: no such file or folder");

        assertThat(run("cluster")).isEqualTo(ClusterCli.EXIT_USAGE);
        assertThat(run("synth", folder.toString(), "--scenes", "0")).isEqualTo(ClusterCli.EXIT_USAGE);
        assertThat(Arrays.asList(run("nonsense"))).containsExactly(ClusterCli.EXIT_USAGE);
    }
}
