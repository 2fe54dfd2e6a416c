package org.vidcase.replicas;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.vidcase.load.LoadDriver;
import org.vidcase.load.LoadReport;
import org.vidcase.load.LoadResult;
import org.vidcase.load.LoadSettings;
import org.vidcase.localstack.LocalStack;
import org.vidcase.testsupport.BenchmarkSupport;

/**
 * The long form of the load (issue 12): the officers of {@code LoadTest}, 20 for 5 minutes by
 * default, against one packaged server and then against two, each form on a fresh local stack,
 * with the same mix, seed and report (target/load-report.md). Prints its figures; asserts nothing.
 * After each form it reads the job table (jobs run more than once, i.e. a lease lost and taken
 * over) and the replicas' logs (errors, take-overs).
 *
 * <pre>
 * ./mvnw -q package -DskipTests
 * java -Xmx2g -cp "target/test-classes:target/classes:$(cat target/test-classpath.txt)" \
 *     org.vidcase.replicas.LoadBenchmark --officers 20 --duration 300 --replicas 1,2 --seed 20261205
 * </pre>
 *
 * <p>Options: {@code --think-ms} (pause between an officer's requests, 0), {@code --hash-set-entries}
 * (the size of each of the supervisor's hash-set imports, one after another for the whole window,
 * 20000), {@code --incremental}
 * (the servers' incremental clustering sweep, {@code off} as in the tests so that the one
 * clustering job is the load's; {@code 20s} is the production default).
 */
public final class LoadBenchmark {

    private LoadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int officers = Integer.parseInt(BenchmarkSupport.arg(args, "--officers", "20"));
        Duration duration = Duration.ofSeconds(Long.parseLong(BenchmarkSupport.arg(args, "--duration", "300")));
        long seed = Long.parseLong(BenchmarkSupport.arg(args, "--seed", "20261205"));
        Duration think = Duration.ofMillis(Long.parseLong(BenchmarkSupport.arg(args, "--think-ms", "0")));
        String incremental = BenchmarkSupport.arg(args, "--incremental", "off");
        int hashSetEntries = Integer.parseInt(BenchmarkSupport.arg(args, "--hash-set-entries", "20000"));
        List<Integer> forms = new ArrayList<>();
        for (String n : BenchmarkSupport.arg(args, "--replicas", "1,2").split(",")) {
            forms.add(Integer.parseInt(n.trim()));
        }
        System.out.printf(Locale.ROOT, "VIDCase load benchmark: JVM %s, %d cores, max heap %d MB, args %s%n",
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20, String.join(" ", args));
        Map<String, String> serverSettings = Map.of("vidcase.series.incremental-every", incremental);
        List<String> sections = new ArrayList<>();
        Map<Integer, LoadResult> results = new LinkedHashMap<>();
        for (int replicas : forms) {
            LoadResult result = runForm(replicas, officers, duration, seed, think, hashSetEntries, serverSettings,
                    sections);
            results.put(replicas, result);
        }
        sections.add(comparison(results));
        Path report = LoadReport.write("VIDCase load benchmark (" + String.join(" ", args) + ")", sections);
        System.out.println(String.join("\n", sections));
        System.out.println("Report: " + report);
    }

    private static LoadResult runForm(int replicas, int officers, Duration duration, long seed, Duration think,
                                      int hashSetEntries, Map<String, String> serverSettings, List<String> sections)
            throws Exception {
        List<ServerProcess> servers = new ArrayList<>();
        // Resources close in reverse: the servers stop before the stack they use goes away.
        try (LocalStack stack = LocalStack.start(); AutoCloseable stopServers = () -> stopAll(servers)) {
            for (int i = 0; i < replicas; i++) {
                String name = "load-" + replicas + "-" + (char) ('a' + i);
                Files.deleteIfExists(log(name));
                servers.add(ServerProcess.start(name, stack.applicationProperties(), serverSettings));
            }
            for (ServerProcess s : servers) {
                s.awaitReady(Duration.ofMinutes(3));
            }
            List<LoadSettings.Replica> targets = servers.stream()
                    .map(s -> new LoadSettings.Replica(s.name(), URI.create(s.baseUrl()))).toList();
            URI tokens = URI.create(stack.applicationProperties().get("quarkus.oidc.auth-server-url")
                    + "/protocol/openid-connect/token");
            CpuAccount cpu = new CpuAccount(stack.runDir(), servers);
            LoadResult result = LoadDriver.run(LoadSettings.of(targets, tokens, officers, duration, seed)
                    .withThinkTime(think).withHashSetEntries(hashSetEntries), cpu);
            String title = officers + " officers for " + duration.toSeconds() + " s against " + replicas
                    + (replicas == 1 ? " replica" : " replicas") + " (packaged servers, one local stack)";
            StringBuilder section = new StringBuilder(LoadReport.markdown(result, title));
            section.append("\nServers: ").append(serverSettings).append(" on top of the dev profile without demo data, ")
                    .append("-Xmx768m each; they share the machine with the stack and this client.\n");
            section.append(cpu.describe(result.windowSeconds()));
            section.append(jobs(stack.postgresSuperuserJdbcUrl()));
            for (ServerProcess s : servers) {
                section.append(logSummary(s.name()));
            }
            sections.add(section.toString());
            System.out.println(section);
            return result;
        }
    }

    private static void stopAll(List<ServerProcess> servers) throws InterruptedException {
        for (ServerProcess s : servers) {
            s.close();
        }
    }

    /** Jobs by type and state, and how many ran more than once (a lease lost and taken over). */
    private static String jobs(String jdbcUrl) throws SQLException {
        StringBuilder out = new StringBuilder("\nJobs (type, state: count, of which run more than once):");
        try (Connection c = DriverManager.getConnection(jdbcUrl); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT type, state, count(*), count(*) FILTER (WHERE attempts > 1) FROM job "
                     + "GROUP BY type, state ORDER BY type, state")) {
            while (r.next()) {
                out.append(String.format(Locale.ROOT, " %s %s: %d, %d;", r.getString(1), r.getString(2), r.getLong(3),
                        r.getLong(4)));
            }
        }
        try (Connection c = DriverManager.getConnection(jdbcUrl); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT count(*) FROM search_outbox")) {
            r.next();
            out.append(" search outbox rows left: ").append(r.getLong(1)).append(".\n");
        }
        return out.toString();
    }

    /** Error lines and job take-overs in a replica's log. */
    private static String logSummary(String name) throws IOException {
        List<String> lines = Files.readAllLines(log(name), StandardCharsets.UTF_8);
        long errors = lines.stream().filter(l -> l.contains(" ERROR ")).count();
        long takeovers = lines.stream().filter(l -> l.contains(" taken over by ")).count();
        long lostEnds = lines.stream().filter(l -> l.contains("another replica holds it now")).count();
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                "Log of %s: %d ERROR lines, %d jobs taken over, %d job ends another replica held.%n", name, errors,
                takeovers, lostEnds));
        lines.stream().filter(l -> l.contains(" ERROR ")).limit(10)
                .forEach(l -> out.append("    ").append(l.length() > 300 ? l.substring(0, 300) + "..." : l).append('\n'));
        return out.toString();
    }

    private static String comparison(Map<Integer, LoadResult> results) {
        StringBuilder out = new StringBuilder("## Forms compared\n\n| replicas | requests | errors | req/s |\n|---|---|---|---|\n");
        double first = -1;
        for (Map.Entry<Integer, LoadResult> e : results.entrySet()) {
            double rate = e.getValue().totalRequestsUnderLoad() / e.getValue().windowSeconds();
            first = first < 0 ? rate : first;
            out.append(String.format(Locale.ROOT, "| %d | %,d | %d | %.2f (%.2f× the first form) |%n", e.getKey(),
                    e.getValue().totalRequestsUnderLoad(), e.getValue().errors(), rate, rate / first));
        }
        return out.toString();
    }

    private static Path log(String name) {
        return Paths.get("target/replicas/" + name + ".log");
    }
}
