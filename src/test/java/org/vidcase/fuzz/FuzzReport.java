package org.vidcase.fuzz;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Counts per operation and input class, the answers seen, and the failures with what reproduces them. */
final class FuzzReport {

    private record Row(String role, Map<InputClass, Integer> perClass, Map<String, Integer> statuses, long[] millis) {
    }

    private final long seed;
    private final Map<String, Row> rows = new LinkedHashMap<>();
    private final Map<InputClass, int[]> perClass = new EnumMap<>(InputClass.class);
    private final List<String> failures = new ArrayList<>();

    FuzzReport(long seed) {
        this.seed = seed;
    }

    void operation(ApiOperation op, String role) {
        rows.put(op.id(), new Row(role, new EnumMap<>(InputClass.class), new TreeMap<>(), new long[1]));
    }

    void took(ApiOperation op, long millis) {
        rows.get(op.id()).millis()[0] = millis;
    }

    void record(ApiOperation op, int index, FuzzInput input, int status, String failure) {
        Row row = rows.get(op.id());
        row.perClass().merge(input.inputClass(), 1, Integer::sum);
        String bucket = status <= 0 ? "none" : status / 100 + "xx";
        row.statuses().merge(bucket, 1, Integer::sum);
        int[] counts = perClass.computeIfAbsent(input.inputClass(), c -> new int[4]);
        counts[0]++;
        if (status >= 200 && status < 300) {
            counts[1]++;
        } else if (status >= 400 && status < 500) {
            counts[2]++;
        }
        if (failure != null) {
            counts[3]++;
            failures.add(op.id() + " input #" + index + " [" + input.inputClass() + ": " + input.description() + "] (seed "
                    + seed + "): " + failure + "\n  " + input.request().describe());
        }
    }

    List<String> failures() {
        return failures;
    }

    int total() {
        return perClass.values().stream().mapToInt(c -> c[0]).sum();
    }

    int operations() {
        return rows.size();
    }

    int fewestInputs() {
        return rows.values().stream().mapToInt(r -> r.perClass().values().stream().mapToInt(Integer::intValue).sum())
                .min().orElse(0);
    }

    void write(Path file, long millis, List<String> afterwards) throws IOException {
        StringBuilder md = new StringBuilder("# Fuzzing report\n\n");
        md.append("Seed ").append(seed).append(" (run again with `-Dvidcase.fuzz.seed=").append(seed).append("`); ")
                .append(rows.size()).append(" operations from `/q/openapi`; ").append(total()).append(" inputs; ")
                .append(failures.size()).append(" failures; ").append(millis / 1000).append(" s.\n\n");
        md.append("## Inputs per class\n\n| Class | Inputs | 2xx | 4xx | Failures | What |\n|---|---:|---:|---:|---:|---|\n");
        perClass.forEach((c, n) -> md.append("| ").append(c).append(" | ").append(n[0]).append(" | ").append(n[1])
                .append(" | ").append(n[2]).append(" | ").append(n[3]).append(" | ").append(c.description()).append(" |\n"));
        md.append("\n## Inputs per operation\n\nClasses: ");
        for (InputClass c : InputClass.values()) {
            md.append(abbreviation(c)).append(" ").append(c).append(c.ordinal() < InputClass.values().length - 1 ? ", " : ".\n\n");
        }
        md.append("| Operation | Role | Inputs | Answers | s |");
        for (InputClass c : InputClass.values()) {
            md.append(' ').append(abbreviation(c)).append(" |");
        }
        md.append("\n|---|---|---:|---|---:|").append("---:|".repeat(InputClass.values().length)).append('\n');
        rows.forEach((op, row) -> {
            int inputs = row.perClass().values().stream().mapToInt(Integer::intValue).sum();
            md.append("| `").append(op).append("` | ").append(row.role()).append(" | ").append(inputs).append(" | ")
                    .append(row.statuses().toString().replaceAll("[{}]", "")).append(" | ")
                    .append(String.format(java.util.Locale.ROOT, "%.1f", row.millis()[0] / 1000.0)).append(" |");
            for (InputClass c : InputClass.values()) {
                md.append(' ').append(row.perClass().getOrDefault(c, 0)).append(" |");
            }
            md.append('\n');
        });
        md.append("\n## After the run\n\n");
        afterwards.forEach(a -> md.append("- ").append(a).append('\n'));
        md.append("\n## Failures\n\n");
        if (failures.isEmpty()) {
            md.append("None.\n");
        }
        failures.forEach(f -> md.append("```\n").append(f).append("\n```\n"));
        Files.createDirectories(file.getParent());
        Files.writeString(file, md);
    }

    private static String abbreviation(InputClass c) {
        StringBuilder a = new StringBuilder();
        for (String word : c.name().split("_")) {
            a.append(word.charAt(0));
        }
        return a.toString();
    }
}
