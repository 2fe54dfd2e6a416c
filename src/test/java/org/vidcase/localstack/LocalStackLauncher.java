package org.vidcase.localstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code ./vidcase run}: starts the local stack, then the packaged server against it in the dev
 * profile (which seeds the demo data), prints where to go and who to log in as, and stops
 * everything on Ctrl-C or when the server exits.
 */
public final class LocalStackLauncher {

    private LocalStackLauncher() {
    }

    public static void main(String[] args) throws Exception {
        Path app = Paths.get(args.length > 0 ? args[0] : "target/quarkus-app/quarkus-run.jar");
        int port = Integer.parseInt(System.getProperty("vidcase.port", "8080"));
        if (!Files.isRegularFile(app)) {
            System.err.println("No server build at " + app + ": run ./mvnw package -DskipTests first");
            System.exit(2);
        }
        long began = System.nanoTime();
        System.out.println("Starting the local stack (PostgreSQL, S3 storage, Elasticsearch, Keycloak)...");
        LocalStack stack;
        try {
            stack = LocalStack.start();
        } catch (LocalStackException e) {
            System.err.println("The local stack did not start: " + e.getMessage());
            System.exit(1);
            return;
        }
        Process server = startServer(app, port, stack);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.destroy();
            try {
                server.waitFor();
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
            stack.close();
        }));
        String base = "http://localhost:" + port;
        if (awaitReady(base, server)) {
            printWelcome(base, stack, (System.nanoTime() - began) / 1e9);
        } else {
            System.err.println("The server did not become ready; see its output above.");
        }
        int exit = server.waitFor();
        System.exit(exit);
    }

    private static Process startServer(Path app, int port, LocalStack stack) throws IOException {
        List<String> command = new ArrayList<>(List.of(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-jar", app.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
        Map<String, String> env = builder.environment();
        env.put("QUARKUS_PROFILE", "dev");
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        stack.applicationProperties().forEach((key, value) -> env.put(toEnvName(key), value));
        return builder.start();
    }

    /** MicroProfile Config's environment-variable form of a property name. */
    static String toEnvName(String property) {
        return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }

    private static boolean awaitReady(String base, Process server) throws InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline && server.isAlive()) {
            try {
                HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/q/health/ready")).GET().build();
                if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return true;
                }
            } catch (IOException notYet) {
                // Still starting.
            }
            Thread.sleep(500);
        }
        return false;
    }

    private static void printWelcome(String base, LocalStack stack, double seconds) throws IOException {
        JsonNode realm = new ObjectMapper().readTree(StackPaths.fromSystemProperties().realmFile().toFile());
        StringBuilder out = new StringBuilder();
        out.append("\n================================================================\n");
        out.append(String.format(" VIDCase is running (ready in %.0f s)%n", seconds));
        out.append(" Web UI       ").append(base).append("/  (sign in as a demo user below)\n");
        out.append(" API          ").append(base).append("/api\n");
        out.append(" Swagger UI   ").append(base).append("/q/swagger-ui\n");
        out.append(" OpenAPI      ").append(base).append("/q/openapi\n");
        out.append(" Health       ").append(base).append("/q/health\n");
        out.append(" Keycloak     ").append(stack.keycloakUrl()).append("/admin  (admin / ")
                .append(stack.keycloakAdminPassword()).append(")\n");
        out.append("\n Demo users (realm 'vid', client 'vidcase-cli'):\n");
        for (JsonNode user : realm.path("users")) {
            if (user.path("username").asText().startsWith("service-account-")) {
                continue;
            }
            String password = user.path("credentials").path(0).path("value").asText();
            out.append(String.format("   %-14s %-22s %s%n", user.path("username").asText(), password,
                    user.path("realmRoles").toString()));
        }
        out.append("\n Get a token:\n   curl -s -d grant_type=password -d client_id=vidcase-cli -d username=officer \\\n")
                .append("        -d password=officer-demo ").append(stack.keycloakUrl())
                .append("/realms/vid/protocol/openid-connect/token\n");
        out.append(" Stop with Ctrl-C: every service stops with the server.\n");
        out.append("================================================================\n");
        System.out.println(out);
    }
}
