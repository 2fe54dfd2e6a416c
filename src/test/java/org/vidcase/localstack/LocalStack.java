package org.vidcase.localstack;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * The embedded default: real PostgreSQL, S3-compatible storage, Elasticsearch and Keycloak on free
 * loopback ports, started by one piece of code for both {@code ./vidcase run} and the test suite.
 * Everything it started stops on {@link #close()}, on JVM shutdown, after a failed start, and,
 * should this JVM die without warning, at the next start.
 */
public final class LocalStack implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(LocalStack.class);

    private final Path runDir;
    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private final Thread shutdownHook = new Thread(this::stopAll, "local-stack-shutdown");
    private PostgresService postgres;
    private ObjectStorageService storage;
    private ElasticsearchService elasticsearch;
    private KeycloakService keycloak;
    private boolean stopped;

    private LocalStack(Path runDir) {
        this.runDir = runDir;
    }

    public static LocalStack start() {
        return start(StackPaths.fromSystemProperties());
    }

    static LocalStack start(StackPaths paths) {
        long began = System.nanoTime();
        Path runDir;
        try {
            OrphanReaper.reap(paths.runs());
            runDir = Files.createDirectories(paths.runs().resolve(ProcessHandle.current().pid() + "-" + System.currentTimeMillis()));
        } catch (IOException e) {
            throw new LocalStackException("Cannot prepare the local stack folder " + paths.runs(), e);
        }
        LocalStack stack = new LocalStack(runDir);
        Runtime.getRuntime().addShutdownHook(stack.shutdownHook);
        try {
            CompletableFuture<ElasticsearchService> es = CompletableFuture.supplyAsync(
                    () -> stack.register("Elasticsearch", () -> ElasticsearchService.start(paths, runDir)));
            CompletableFuture<KeycloakService> kc = CompletableFuture.supplyAsync(
                    () -> stack.register("Keycloak", () -> KeycloakService.start(paths, runDir)));
            stack.postgres = stack.register("PostgreSQL", () -> PostgresService.start(runDir));
            stack.storage = stack.register("S3 storage (S3Proxy)", () -> ObjectStorageService.start(runDir));
            stack.elasticsearch = join(es);
            stack.keycloak = join(kc);
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
        LOG.infof("Local stack up in %.1f s (run folder %s)", (System.nanoTime() - began) / 1e9, runDir);
        return stack;
    }

    /** Configuration that points the application at this stack. */
    public Map<String, String> applicationProperties() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("quarkus.datasource.jdbc.url", postgres.jdbcUrl());
        p.put("quarkus.datasource.username", PostgresService.APP_USER);
        p.put("quarkus.datasource.password", postgres.appPassword());
        p.put("vidcase.db.migration.username", PostgresService.OWNER);
        p.put("vidcase.db.migration.password", postgres.ownerPassword());
        p.put("vidcase.keystore.jdbc-url", postgres.keysJdbcUrl());
        p.put("vidcase.keystore.username", PostgresService.APP_USER);
        p.put("vidcase.keystore.password", postgres.appPassword());
        p.put("vidcase.keystore.migration.username", PostgresService.OWNER);
        p.put("vidcase.keystore.migration.password", postgres.ownerPassword());
        p.put("quarkus.oidc.auth-server-url", keycloak.realmUrl());
        p.put("vidcase.storage.endpoint", storage.endpoint());
        p.put("vidcase.storage.access-key", storage.accessKey());
        p.put("vidcase.storage.secret-key", storage.secretKey());
        p.put("vidcase.storage.bucket", ObjectStorageService.BUCKET);
        p.put("vidcase.search.hosts", elasticsearch.url());
        return p;
    }

    /** Superuser access for tests that must do what the application cannot (e.g. tamper with audit rows). */
    public String postgresSuperuserJdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + postgres.port() + "/" + PostgresService.DATABASE + "?user=postgres";
    }

    /** Superuser access to the key store, for tests that look at what it holds. */
    public String keysSuperuserJdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + postgres.port() + "/" + PostgresService.KEYS_DATABASE + "?user=postgres";
    }

    /** Stops object storage until {@link #resumeObjectStorage()}: for outage tests. */
    public void suspendObjectStorage() throws Exception {
        storage.suspend();
    }

    public void resumeObjectStorage() throws Exception {
        storage.resume();
    }

    /** Restarts PostgreSQL (fast shutdown, same port and data): for fault tests. */
    public void restartPostgres() throws Exception {
        postgres.restart();
    }

    /** Freezes Elasticsearch until {@link #resumeSearch()}: it accepts connections and answers nothing. */
    public void suspendSearch() {
        elasticsearch.suspend();
    }

    public void resumeSearch() {
        elasticsearch.resume();
    }

    /** Freezes Keycloak until {@link #resumeKeycloak()}: for outage tests. */
    public void suspendKeycloak() {
        keycloak.suspend();
    }

    public void resumeKeycloak() {
        keycloak.resume();
    }

    public String searchUrl() {
        return elasticsearch.url();
    }

    public String keycloakUrl() {
        return keycloak.url();
    }

    public String keycloakAdminPassword() {
        return keycloak.adminPassword();
    }

    public Path runDir() {
        return runDir;
    }

    @Override
    public void close() {
        stopAll();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // Called from the hook itself.
        }
    }

    private synchronized void stopAll() {
        if (stopped) {
            return;
        }
        stopped = true;
        while (!started.isEmpty()) {
            AutoCloseable service = started.pop();
            try {
                service.close();
            } catch (Exception e) {
                LOG.warnf("Stopping %s: %s", service.getClass().getSimpleName(), e.getMessage());
            }
        }
        try {
            deleteRecursively(runDir);
        } catch (IOException e) {
            LOG.warnf("Could not delete %s: %s", runDir, e.getMessage());
        }
    }

    private <T extends AutoCloseable> T register(String name, ServiceStart<T> start) {
        try {
            T service = start.start();
            synchronized (this) {
                started.push(service);
            }
            return service;
        } catch (LocalStackException e) {
            throw e;
        } catch (Exception e) {
            throw new LocalStackException(name + " failed to start: " + e, e);
        }
    }

    private static <T> T join(CompletableFuture<T> future) {
        try {
            return future.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new LocalStackException(String.valueOf(e.getCause()), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LocalStackException("interrupted while starting the local stack", e);
        }
    }

    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path source : paths.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source, LinkOption.NOFOLLOW_LINKS)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES,
                            LinkOption.NOFOLLOW_LINKS);
                }
            }
        }
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                Files.delete(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /** Starts one service. */
    @FunctionalInterface
    private interface ServiceStart<T> {
        T start() throws Exception;
    }

}
