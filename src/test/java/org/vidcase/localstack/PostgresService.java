package org.vidcase.localstack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * PostgreSQL from the zonky binaries, with the roles a production database has: an owner that
 * runs the migrations and an application user with narrower grants.
 */
public final class PostgresService implements AutoCloseable {

    public static final String DATABASE = "vidcase";
    /** The key store: a database of its own, as production keeps it apart from the main one. */
    public static final String KEYS_DATABASE = "vidcase_keys";
    public static final String OWNER = "vidcase_owner";
    public static final String APP_USER = "vidcase_app";

    private final EmbeddedPostgres postgres;
    private final String ownerPassword;
    private final String appPassword;
    private final Path dataDirectory;

    private PostgresService(EmbeddedPostgres postgres, String ownerPassword, String appPassword, Path dataDirectory) {
        this.dataDirectory = dataDirectory;
        this.postgres = postgres;
        this.ownerPassword = ownerPassword;
        this.appPassword = appPassword;
    }

    public static PostgresService start(Path runDir) throws IOException, SQLException {
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(runDir.resolve("postgres"))
                .setCleanDataDirectory(true)
                .setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("max_connections", "200")
                .setServerConfig("listen_addresses", "127.0.0.1")
                // Sized like a small production server: bulk imports should not be measured against
                // a 128 MB buffer pool that checkpoints every gigabyte.
                .setServerConfig("shared_buffers", "512MB")
                .setServerConfig("max_wal_size", "4GB")
                .setServerConfig("checkpoint_timeout", "15min")
                .start();
        String ownerPassword = Secrets.random();
        String appPassword = Secrets.random();
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE ROLE " + OWNER + " LOGIN PASSWORD '" + ownerPassword + "'");
            s.execute("CREATE ROLE " + APP_USER + " LOGIN PASSWORD '" + appPassword + "'");
            s.execute("CREATE DATABASE " + DATABASE + " OWNER " + OWNER);
            s.execute("CREATE DATABASE " + KEYS_DATABASE + " OWNER " + OWNER);
        }
        return new PostgresService(postgres, ownerPassword, appPassword, runDir.resolve("postgres"));
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/" + DATABASE;
    }

    /**
     * Restarts the server as an operator would ({@code pg_ctl restart -m fast}: every session is
     * ended, in-flight transactions roll back), on the same port and data, and waits until it accepts
     * connections again.
     */
    public void restart() throws IOException, InterruptedException {
        String marker = "-D " + dataDirectory;
        String postmaster = ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().orElse("").contains(marker))
                .map(p -> p.info().command().orElse(""))
                .filter(c -> c.endsWith("/bin/postgres"))
                .findFirst().orElseThrow(() -> new IllegalStateException("No postmaster runs on " + dataDirectory));
        Path pgCtl = Path.of(postmaster).resolveSibling("pg_ctl");
        java.util.List<String> command = new java.util.ArrayList<>();
        // As root, PostgreSQL runs in a user namespace of its own, as the binaries' launcher started it.
        if ("root".equals(System.getProperty("user.name"))) {
            command.addAll(java.util.List.of("unshare", "-U"));
        }
        command.addAll(java.util.List.of(pgCtl.toString(), "-D", dataDirectory.toString(), "-m", "fast", "-w", "-t", "60",
                "restart"));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!process.waitFor(90, java.util.concurrent.TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("pg_ctl restart failed: " + command);
        }
    }

    public String keysJdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/" + KEYS_DATABASE;
    }

    int port() {
        return postgres.getPort();
    }

    public String ownerPassword() {
        return ownerPassword;
    }

    public String appPassword() {
        return appPassword;
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
