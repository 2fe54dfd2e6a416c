package org.vidcase.replicas;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One server replica: the packaged server ({@code target/quarkus-app}) as a process of its own,
 * pointed at the shared local stack, with its output in {@code target/replicas/<name>.log}. Its settings are
 * the stack's plus {@code extra}, which win (another database, index prefix, bucket, mode).
 */
public final class ServerProcess implements AutoCloseable {

    private final String name;
    private final int port;
    private final Process process;

    private ServerProcess(String name, int port, Process process) {
        this.name = name;
        this.port = port;
        this.process = process;
    }

    public static ServerProcess start(String name, Map<String, String> stackProperties, Map<String, String> extra)
            throws IOException {
        Path app = Paths.get("target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(app)) {
            throw new IllegalStateException("No server build at " + app + " (the IT runs after package)");
        }
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path log = Paths.get("target/replicas/" + name + ".log");
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder(List.of(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx768m", "-jar", app.toString()))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Map<String, String> env = builder.environment();
        env.put("QUARKUS_PROFILE", "dev");
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        env.put("VIDCASE_DEMO_SEED", "false");
        stackProperties.forEach((key, value) -> env.put(envName(key), value));
        extra.forEach((key, value) -> env.put(envName(key), value));
        return new ServerProcess(name, port, builder.start());
    }

    public String name() {
        return name;
    }

    public String baseUrl() {
        return "http://localhost:" + port;
    }

    public long pid() {
        return process.pid();
    }

    public boolean alive() {
        return process.isAlive();
    }

    /** Waits until the replica reports ready (database and reference index). */
    public void awaitReady(Duration within) throws InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline && process.isAlive()) {
            try {
                HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl() + "/q/health/ready")).GET().build();
                if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // Still starting.
            }
            Thread.sleep(300);
        }
        throw new IllegalStateException("Replica " + name + " did not become ready; see target/replicas/" + name + ".log");
    }

    /** SIGKILL: no shutdown hook runs, no lease is given up, nothing is flushed. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    private static String envName(String property) {
        return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }
}
