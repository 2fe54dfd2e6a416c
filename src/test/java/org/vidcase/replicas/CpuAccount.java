package org.vidcase.replicas;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.vidcase.load.LoadDriver;

/**
 * Where the machine's CPU went during a benchmark's load window: this JVM (the load client and the
 * in-process S3 store), each replica, PostgreSQL, Elasticsearch and Keycloak of the run's stack
 * (found by the run folder in their command line, with their child processes), and the rest of the
 * machine, from {@code /proc/stat}. On a shared two-core machine this says how much of it the
 * servers got.
 */
final class CpuAccount implements LoadDriver.Probe {

    /** Linux reports /proc/stat in USER_HZ, 100 a second on every usual configuration. */
    private static final double TICKS_PER_SECOND = 100;

    private final String runMarker;
    private final List<ServerProcess> servers;
    private Map<String, Double> before;
    private Map<String, Double> after;

    CpuAccount(Path runDir, List<ServerProcess> servers) {
        this.runMarker = runDir.getFileName().toString();
        this.servers = List.copyOf(servers);
    }

    @Override
    public void loadStarting() {
        before = sample();
    }

    @Override
    public void loadEnded() {
        after = sample();
    }

    /** The CPU seconds of each part between the two samples, and of the whole machine. */
    String describe(double windowSeconds) {
        if (before == null || after == null) {
            return "CPU: not measured.\n";
        }
        Map<String, Double> used = new LinkedHashMap<>();
        after.forEach((part, seconds) -> used.put(part, seconds - before.getOrDefault(part, 0.0)));
        double machine = used.remove("machine");
        double ours = used.values().stream().mapToDouble(Double::doubleValue).sum();
        double capacity = windowSeconds * Runtime.getRuntime().availableProcessors();
        return String.format(Locale.ROOT, "CPU during the load window (%d cores × %.0f s = %.0f s): %s; everything else "
                        + "on the machine %.0f s; idle %.0f s.%n", Runtime.getRuntime().availableProcessors(), windowSeconds,
                capacity, used.entrySet().stream().map(e -> String.format(Locale.ROOT, "%s %.0f s", e.getKey(), e.getValue()))
                        .collect(Collectors.joining(", ")), Math.max(0, machine - ours), Math.max(0, capacity - machine));
    }

    private Map<String, Double> sample() {
        Map<String, Double> cpu = new LinkedHashMap<>();
        Set<Long> counted = new HashSet<>();
        ProcessHandle self = ProcessHandle.current();
        cpu.put("this JVM (client, S3 store)", seconds(self));
        counted.add(self.pid());
        for (ServerProcess s : servers) {
            ProcessHandle.of(s.pid()).ifPresent(p -> {
                cpu.put(s.name(), seconds(p));
                counted.add(p.pid());
            });
        }
        cpu.put("PostgreSQL", 0.0);
        cpu.put("Elasticsearch", 0.0);
        cpu.put("Keycloak", 0.0);
        ProcessHandle.allProcesses().filter(p -> !counted.contains(p.pid()))
                .filter(p -> p.info().commandLine().orElse("").contains(runMarker)).toList().forEach(root -> {
                    String command = root.info().commandLine().orElse("");
                    String part = command.contains("postgres") ? "PostgreSQL" : command.contains("elasticsearch")
                            ? "Elasticsearch" : command.contains("keycloak") ? "Keycloak" : "other processes of the stack";
                    for (ProcessHandle p : (Iterable<ProcessHandle>) () -> java.util.stream.Stream.concat(
                            java.util.stream.Stream.of(root), root.descendants()).iterator()) {
                        if (counted.add(p.pid())) {
                            cpu.merge(part, seconds(p), Double::sum);
                        }
                    }
                });
        cpu.put("machine", machineBusySeconds());
        return cpu;
    }

    private static double seconds(ProcessHandle p) {
        return p.info().totalCpuDuration().map(d -> d.toNanos() / 1e9).orElse(0.0);
    }

    /** Busy time of all cores since boot: user, nice, system, irq, softirq and steal. */
    private static double machineBusySeconds() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long busy = 0;
            for (int i : new int[] {1, 2, 3, 6, 7, 8}) {
                busy += Long.parseLong(f[i]);
            }
            return busy / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
