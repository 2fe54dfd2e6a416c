package org.vidcase.localstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

/**
 * Keycloak from keycloak-quarkus-dist, built once (optimised, dev-file database) and started per
 * run from a home of its own that links the shared libraries and imports the realm afresh.
 */
final class KeycloakService implements AutoCloseable {

    static final String BUILD_OPTIONS = "--db=dev-file --health-enabled=true";

    private final ManagedProcess process;
    private final int httpPort;
    private final String adminPassword;

    private KeycloakService(ManagedProcess process, int httpPort, String adminPassword) {
        this.process = process;
        this.httpPort = httpPort;
        this.adminPassword = adminPassword;
    }

    /** Imported in test runs only: the production realm file as it is, renamed. */
    static final String PRODUCTION_TEST_REALM = "vid-production-test";

    /** Keycloak's passwordBlacklist policy reads this file from data/password-blacklists. */
    static final String PASSWORD_BLACKLIST = "vidcase-common-passwords.txt";

    static KeycloakService start(StackPaths paths, Path runDir) throws Exception {
        Path dist = paths.keycloakHome();
        ensureBuilt(dist, runDir);
        Path home = privateHome(dist, runDir.resolve("keycloak"), paths.realmFile());

        int httpPort = FreePorts.next();
        int managementPort = FreePorts.next();
        String adminPassword = Secrets.random().substring(0, 16);
        ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/kc.sh").toString(), "start", "--optimized",
                "--http-enabled=true", "--http-host=127.0.0.1", "--http-port=" + httpPort,
                "--hostname=http://localhost:" + httpPort, "--cache=local",
                "--http-management-port=" + managementPort, "--import-realm")
                .directory(home.toFile());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx768m");
        builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
        builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", adminPassword);
        // The realm files' ${VIDCASE_WEB_ORIGIN} and ${VIDCASE_WEB_PORT} placeholders: the browser
        // clients' redirect URIs and origins name the server's origin (Keycloak has no wildcard port).
        String webPort = System.getProperty("vidcase.port", "8080");
        builder.environment().put("VIDCASE_WEB_PORT", webPort);
        builder.environment().put("VIDCASE_WEB_ORIGIN", "http://localhost:" + webPort);
        ManagedProcess process = ManagedProcess.start("Keycloak", builder, runDir.resolve("logs/keycloak.log"));
        KeycloakService service = new KeycloakService(process, httpPort, adminPassword);
        URI ready = URI.create("http://127.0.0.1:" + managementPort + "/health/ready");
        try {
            process.awaitReady(() -> isUp(ready), Duration.ofSeconds(240));
        } catch (RuntimeException e) {
            service.close();
            throw e;
        }
        return service;
    }

    /** The optimised build takes ~30 s; a marker with its options makes it happen once per distribution. */
    private static void ensureBuilt(Path dist, Path runDir) throws Exception {
        Path marker = dist.resolve(".vidcase-build");
        if (Files.exists(marker) && Files.readString(marker).equals(BUILD_OPTIONS)) {
            return;
        }
        List<String> command = new java.util.ArrayList<>(List.of(dist.resolve("bin/kc.sh").toString(), "build"));
        command.addAll(List.of(BUILD_OPTIONS.split(" ")));
        ProcessBuilder builder = new ProcessBuilder(command).directory(dist.toFile());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        ManagedProcess build = ManagedProcess.start("Keycloak build", builder, runDir.resolve("logs/keycloak-build.log"));
        build.awaitExit(Duration.ofMinutes(5));
        Files.writeString(marker, BUILD_OPTIONS, StandardCharsets.UTF_8);
    }

    /** bin and conf are copied (kc.sh takes its home from its own real path); lib, providers, themes linked. */
    private static Path privateHome(Path dist, Path home, Path realmFile) throws IOException {
        Files.createDirectories(home.resolve("bin"));
        try (Stream<Path> files = Files.list(dist.resolve("bin"))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Path target = home.resolve("bin").resolve(f.getFileName());
                Files.copy(f, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
        LocalStack.copyTree(dist.resolve("conf"), home.resolve("conf"));
        for (String shared : List.of("lib", "providers", "themes")) {
            if (Files.exists(dist.resolve(shared))) {
                Files.createSymbolicLink(home.resolve(shared), dist.resolve(shared));
            }
        }
        // The demo realm is the production realm plus the demo additions beside it; the tests also
        // get the production realm as it is, under another name, to prove what production enforces.
        Path imports = Files.createDirectories(home.resolve("data/import"));
        Path additions = realmFile.resolveSibling("demo-additions.json");
        var production = RealmComposer.read(realmFile);
        RealmComposer.write(RealmComposer.compose(production, RealmComposer.read(additions)),
                imports.resolve("vid-realm.json"));
        if (Boolean.getBoolean("vidcase.stack.production-realm")) {
            RealmComposer.write(RealmComposer.renamed(production, PRODUCTION_TEST_REALM),
                    imports.resolve(PRODUCTION_TEST_REALM + "-realm.json"));
        }
        Path blacklists = Files.createDirectories(home.resolve("data/password-blacklists"));
        Files.copy(realmFile.resolveSibling(PASSWORD_BLACKLIST), blacklists.resolve(PASSWORD_BLACKLIST),
                StandardCopyOption.REPLACE_EXISTING);
        return home;
    }

    private static boolean isUp(URI uri) {
        try {
            HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(3)).GET().build();
            return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    String url() {
        return "http://localhost:" + httpPort;
    }

    String realmUrl() {
        return url() + "/realms/vid";
    }

    String adminPassword() {
        return adminPassword;
    }

    /** Freezes the realm server: it accepts connections and answers nothing. */
    void suspend() {
        process.signal("STOP");
    }

    void resume() {
        process.signal("CONT");
    }

    @Override
    public void close() {
        process.stop(Duration.ofSeconds(20));
    }
}
