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
    public static final String OWNER = "vidcase_owner";
    public static final String APP_USER = "vidcase_app";

    private final EmbeddedPostgres postgres;
    private final String ownerPassword;
    private final String appPassword;

    private PostgresService(EmbeddedPostgres postgres, String ownerPassword, String appPassword) {
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
        }
        return new PostgresService(postgres, ownerPassword, appPassword);
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/" + DATABASE;
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
