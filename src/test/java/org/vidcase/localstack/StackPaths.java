package org.vidcase.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Where the local stack lives: the distributions Maven unpacked into {@code .local-stack/dist}
 * (outside target/, so {@code clean} keeps them) and one folder per run under {@code .local-stack/run}.
 */
final class StackPaths {

    static final String ELASTICSEARCH = "elasticsearch-8.19.21";
    static final String KEYCLOAK = "keycloak-26.7.3";

    private final Path root;
    private final Path realmFile;

    StackPaths(Path root, Path realmFile) {
        this.root = root.toAbsolutePath().normalize();
        this.realmFile = realmFile.toAbsolutePath().normalize();
    }

    /** From the system properties Maven's Surefire and the launcher set, else the project defaults. */
    static StackPaths fromSystemProperties() {
        return new StackPaths(Paths.get(System.getProperty("vidcase.stack.dir", ".local-stack")),
                Paths.get(System.getProperty("vidcase.realm.file", "keycloak-realm/vid-realm.json")));
    }

    Path runs() {
        return root.resolve("run");
    }

    Path realmFile() {
        if (!Files.isRegularFile(realmFile)) {
            throw new LocalStackException("Realm file " + realmFile + " is missing");
        }
        return realmFile;
    }

    Path elasticsearchHome() {
        return distribution(ELASTICSEARCH);
    }

    Path keycloakHome() {
        return distribution(KEYCLOAK);
    }

    /**
     * The Elasticsearch home, or a world-readable copy of it outside the checkout when the service
     * user cannot reach the checkout (e.g. a clone below a private home folder).
     */
    Path elasticsearchHomeUsableBy(PathCheck check) throws Exception {
        Path home = elasticsearchHome();
        if (check.test(home.resolve("bin/elasticsearch"))) {
            return home;
        }
        Path copy = Paths.get("/var/tmp/vidcase-stack", ELASTICSEARCH);
        Path marker = copy.resolve(".complete");
        if (!Files.exists(marker)) {
            LocalStack.deleteRecursively(copy);
            LocalStack.copyTree(home, copy);
            new ProcessBuilder("chmod", "-R", "a+rX", "/var/tmp/vidcase-stack").inheritIO().start().waitFor();
            Files.createFile(marker);
        }
        return copy;
    }

    private Path distribution(String name) {
        Path dir = root.resolve("dist").resolve(name);
        if (!Files.isDirectory(dir)) {
            throw new LocalStackException(name + " is not unpacked in " + dir.getParent()
                    + ": run ./mvnw generate-test-resources (./vidcase run and ./mvnw verify do it)");
        }
        return dir;
    }

    /** A check on a path that may run a process. */
    @FunctionalInterface
    interface PathCheck {
        boolean test(Path path) throws IOException, InterruptedException;
    }
}
