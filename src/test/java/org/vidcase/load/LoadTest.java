package org.vidcase.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.URL;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.vidcase.localstack.LocalStackTestResource;
import org.vidcase.testsupport.Tokens;

/**
 * The bounded form of the load (issue 12): 20 virtual officers for 60 seconds on the test's own
 * server, uploading, importing, going through the review queue and finding similar pictures while
 * hash-set imports and clustering jobs run one after another. Zero errors, every kind of request
 * exercised, the background jobs succeeded, every case holding exactly what was filed into it. Not a timed test:
 * it prints its figures (and writes target/load-report.md) but asserts no latency. The long form is
 * {@code org.vidcase.replicas.LoadBenchmark}.
 *
 * <p>It works in cases of its own and leaves nothing behind that could touch another test: its
 * hash sets stay inactive, its jobs and the search outbox are drained before it ends.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, restrictToAnnotatedClass = false)
class LoadTest {

    private static final int OFFICERS = 20;
    private static final Duration DURATION = Duration.ofSeconds(60);

    @TestHTTPResource("/")
    URL server;

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void twentyOfficersForAMinuteMeetNoError() throws Exception {
        Instant started = Instant.now();
        LoadSettings settings = LoadSettings.of(List.of(new LoadSettings.Replica("test-server", server.toURI())),
                URI.create(Tokens.tokenEndpoint()), OFFICERS, DURATION, 20261205L).withBaseline(20, 3);

        LoadResult result = LoadDriver.run(settings);
        String report = LoadReport.markdown(result, OFFICERS + " officers for " + DURATION.toSeconds()
                + " s on the test's server (LoadTest)");
        LoadReport.write("VIDCase load test", List.of(report));
        System.out.println(report);

        assertThat(result.errorDetails()).as("errors of the load").isEmpty();
        assertThat(result.errors()).isZero();
        for (RequestType type : RequestType.values()) {
            if (type != RequestType.HOUSEKEEPING && type != RequestType.TOKEN) {
                assertThat(result.requestsUnderLoad(type)).as(type.label()).isPositive();
            }
        }
        assertThat(result.backgroundUnderLoadSucceeded()).as(String.join("; ", result.backgroundWork())).isTrue();
        // Nothing the load started is left running for the tests after it.
        assertThat(count("SELECT count(*) FROM job WHERE state IN ('QUEUED', 'RUNNING') AND created_at >= ?", started))
                .as("jobs queued or running").isZero();
        assertThat(count("SELECT count(*) FROM job WHERE attempts > 1 AND created_at >= ?", started))
                .as("jobs that lost their lease and ran again").isZero();
        awaitEmptyOutbox(Duration.ofSeconds(60));
    }

    private static void awaitEmptyOutbox(Duration within) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        while (count("SELECT count(*) FROM search_outbox", null) > 0 && System.nanoTime() < deadline) {
            Thread.sleep(250);
        }
        assertThat(count("SELECT count(*) FROM search_outbox", null)).as("search outbox rows left").isZero();
    }

    private static long count(String sql, Instant since) throws SQLException {
        try (Connection c = DriverManager.getConnection(ConfigProvider.getConfig()
                .getValue("vidcase-test.db.superuser-url", String.class)); PreparedStatement s = c.prepareStatement(sql)) {
            if (since != null) {
                s.setTimestamp(1, Timestamp.from(since));
            }
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }
}
