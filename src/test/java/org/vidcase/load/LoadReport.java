package org.vidcase.load;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A run's figures as Markdown: per request type the count, errors, latency percentiles and
 * throughput under load, beside the same request's latency on the idle server measured in the same
 * run (the ratio is the figure to compare on a shared two-core machine); the jobs, the replicas,
 * what was filed, and every error.
 */
public final class LoadReport {

    /** Where the tests and the benchmark write it. */
    public static final Path FILE = Path.of("target", "load-report.md");
    private static final int ERRORS_SHOWN = 50;

    private LoadReport() {
    }

    public static String markdown(LoadResult r, String title) {
        StringBuilder md = new StringBuilder();
        LoadSettings s = r.settings;
        md.append("## ").append(title).append("\n\n");
        md.append(String.format(Locale.ROOT, "Run %s, %s. Machine: %d cores, %s, Java %s, max heap of the client's JVM %d MB.%n",
                r.runTag, Instant.now().truncatedTo(ChronoUnit.SECONDS), Runtime.getRuntime().availableProcessors(),
                System.getProperty("os.name") + " " + System.getProperty("os.arch"), System.getProperty("java.version"),
                Runtime.getRuntime().maxMemory() >> 20));
        md.append(String.format(Locale.ROOT, "Load: %d virtual officers (accounts %s in turn) for %d s, think time %d ms, "
                        + "seed %d; replicas: %s. Picture pool: %d pictures made in %.1f s; set-up (pool, cases, "
                        + "exhibits) %.1f s; baseline %.1f s; load window %.1f s; after it (imports and jobs awaited, "
                        + "cases and index checked) %.1f s. Load average of the machine (1 min): %.1f before the run, "
                        + "%.1f at the end of the load.%n%n",
                s.officers(), String.join(", ", LoadSettings.ACCOUNTS), s.duration().toSeconds(), s.thinkTime().toMillis(),
                s.seed(), s.replicas().stream().map(x -> x.name() + " " + x.baseUrl()).collect(Collectors.joining(", ")),
                r.pictures, r.poolSeconds, r.setupSeconds, r.baselineSeconds, r.windowSeconds, r.afterSeconds,
                r.loadAverageBefore, r.loadAverageAfter));
        requests(md, r);
        jobs(md, r);
        md.append("\nRequests per replica under load: ").append(r.load().requestsPerReplica().entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "))).append(".\n");
        md.append(String.format(Locale.ROOT, "Filed by the officers: %,d uploaded items, %,d imported items, %,d "
                        + "locations; %,d items categorised. Tokens: %d sign-ins, %d refreshes.%n",
                r.filed.uploadedItems(), r.filed.importedItems(), r.filed.locations(), r.filed.categorised(),
                r.signIns, r.refreshes));
        md.append("\nBackground work:\n");
        background(md, r.background);
        errors(md, r);
        return md.toString();
    }

    /** Each phase's jobs of a kind: up to three in full; more summed up, with the first and the last in full. */
    private static void background(StringBuilder md, List<BackgroundWork.Outcome> outcomes) {
        Map<String, List<BackgroundWork.Outcome>> groups = outcomes.stream().collect(Collectors.groupingBy(
                o -> o.phase() + "/" + o.kind(), LinkedHashMap::new, Collectors.toList()));
        for (List<BackgroundWork.Outcome> group : groups.values()) {
            if (group.size() <= 3) {
                group.forEach(o -> outcome(md, o));
                continue;
            }
            double[] seconds = group.stream().mapToDouble(BackgroundWork.Outcome::seconds).sorted().toArray();
            BackgroundWork.Outcome first = group.get(0);
            md.append(String.format(Locale.ROOT, "- %s, %d jobs of %s one after another: %s; %.1f s each at the median, "
                            + "%.1f to %.1f s. The first and the last:%n", first.phase(), group.size(),
                    first.kind().label(), group.stream().collect(Collectors.groupingBy(BackgroundWork.Outcome::state,
                            TreeMap::new, Collectors.counting())), seconds[seconds.length / 2], seconds[0],
                    seconds[seconds.length - 1]));
            md.append("  ");
            outcome(md, first);
            md.append("  ");
            outcome(md, group.get(group.size() - 1));
        }
    }

    private static void outcome(StringBuilder md, BackgroundWork.Outcome o) {
        md.append(String.format(Locale.ROOT, "- %s, %s: job %s %s after %.1f s %s%n", o.phase(), o.what(), o.jobId(),
                o.state(), o.seconds(), o.detail().isEmpty() ? "" : "(" + o.detail() + ")"));
    }

    private static void requests(StringBuilder md, LoadResult r) {
        md.append("| Request | idle p50 ms | count | errors | p50 ms | p95 ms | p99 ms | max ms | req/s | p50 × idle p50 | p95 × idle p50 |\n");
        md.append("|---|---|---|---|---|---|---|---|---|---|---|\n");
        int count = 0;
        int errors = 0;
        for (RequestType type : RequestType.values()) {
            if (type == RequestType.HOUSEKEEPING) {
                continue;
            }
            LatencyStats.Summary load = r.load().summary(type);
            LatencyStats.Summary idle = r.baseline().summary(type);
            count += load.count();
            errors += load.errors();
            boolean quoted = idle.count() > 0 && idle.p50() > 0;
            md.append(String.format(Locale.ROOT, "| %s | %s | %,d | %d | %.1f | %.1f | %.1f | %.1f | %.2f | %s | %s |%n",
                    type.label(), idle.count() == 0 ? "" : String.format(Locale.ROOT, "%.1f", idle.p50()), load.count(),
                    load.errors(), load.p50(), load.p95(), load.p99(), load.max(), load.throughput(r.windowSeconds),
                    quoted ? ratio(load.p50() / idle.p50()) : "", quoted ? ratio(load.p95() / idle.p50()) : ""));
        }
        md.append(String.format(Locale.ROOT, "| **all** | | **%,d** | **%d** | | | | | **%.2f** | | |%n", count, errors,
                count / Math.max(r.windowSeconds, 1e-9)));
    }

    private static void jobs(StringBuilder md, LoadResult r) {
        md.append("\n| Job, submission to end | idle, s | count under load | p50 s | max s | p50 × idle |\n");
        md.append("|---|---|---|---|---|---|\n");
        for (JobKind kind : JobKind.values()) {
            LatencyStats.Summary load = r.load().summary(kind);
            LatencyStats.Summary idle = r.baseline().summary(kind);
            if (load.count() == 0 && idle.count() == 0) {
                continue;
            }
            md.append(String.format(Locale.ROOT, "| %s | %s | %d | %.1f | %.1f | %s |%n", kind.label(),
                    idle.count() == 0 ? "" : String.format(Locale.ROOT, "%.1f", idle.p50() / 1000), load.count(),
                    load.p50() / 1000, load.max() / 1000,
                    idle.count() == 0 || idle.p50() == 0 ? "" : ratio(load.p50() / idle.p50())));
        }
        md.append("\nAn officer's import is seen to end by its polling (every 0.5 s at most, between its other requests).\n");
    }

    private static void errors(StringBuilder md, LoadResult r) {
        md.append("\nErrors: ").append(r.errors());
        for (Measurements p : r.phases) {
            md.append(p.errorCount() == 0 ? "" : String.format(Locale.ROOT, " (%s: %d)", p.phase(), p.errorCount()));
        }
        md.append(".\n");
        List<String> details = r.errorDetails();
        for (String e : details.subList(0, Math.min(ERRORS_SHOWN, details.size()))) {
            md.append("- ").append(e.replace('\n', ' ')).append('\n');
        }
        if (details.size() > ERRORS_SHOWN) {
            md.append("- ... and ").append(details.size() - ERRORS_SHOWN).append(" more\n");
        }
    }

    private static String ratio(double x) {
        return String.format(Locale.ROOT, "%.1f×", x);
    }

    /** Writes the sections, with a heading, to {@link #FILE}. */
    public static Path write(String heading, List<String> sections) throws IOException {
        Files.createDirectories(FILE.getParent());
        Files.writeString(FILE, "# " + heading + "\n\n" + String.join("\n", sections), StandardCharsets.UTF_8);
        return FILE.toAbsolutePath();
    }
}
