package org.vidcase.search;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.MgetResponse;
import co.elastic.clients.elasticsearch.core.mget.MultiGetResponseItem;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.vidcase.localstack.LocalStackTestResource;
import org.vidcase.search.infra.MediaSearchIndex;
import org.vidcase.search.service.SearchIndexer;
import org.vidcase.search.service.SearchIndexingConfig;
import org.vidcase.testsupport.CaseFixture;
import org.vidcase.testsupport.Jobs;
import org.vidcase.testsupport.MediaFixture;
import org.vidcase.testsupport.Tokens;

/**
 * The outbox with several dispatchers at once, as several replicas run it: while every item of a
 * case is changed round after round, three dispatchers (the server's own and two more on the same
 * database and index) drain the outbox together. Afterwards every document holds its item's last
 * state: no update lost, none applied out of order.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, restrictToAnnotatedClass = false)
class OutboxWithSeveralDispatchersTest {

    private static final int ITEMS = 300;
    private static final int ROUNDS = 15;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    MediaSearchIndex index;

    @Inject
    SearchIndexingConfig config;

    @Inject
    ElasticsearchClient client;

    @Test
    void everyDocumentEndsWithItsItemsLastState() throws Exception {
        UUID caseId = CaseFixture.openCase("officer");
        UUID seizureId = MediaFixture.seizure(caseId, "officer");
        Random random = new Random(42);
        StringBuilder csv = new StringBuilder("MD5\n");
        for (int i = 0; i < ITEMS; i++) {
            csv.append(String.format("%032x", new java.math.BigInteger(128, random))).append('\n');
        }
        String job = given().auth().oauth2(Tokens.of("officer")).contentType("text/csv")
                .body(csv.toString().getBytes(StandardCharsets.UTF_8))
                .post("/api/cases/" + caseId + "/seizures/" + seizureId + "/imports").then().statusCode(202).extract().path("id");
        assertThat(Jobs.awaitEnd(job, "officer").getString("state")).isEqualTo("SUCCEEDED");

        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try (Connection db = DriverManager.getConnection(
                ConfigProvider.getConfig().getValue("vidcase-test.db.superuser-url", String.class))) {
            List<Future<Long>> dispatchers = new ArrayList<>();
            for (int d = 0; d < 2; d++) {
                SearchIndexer extra = new SearchIndexer(dataSource, index, config);
                dispatchers.add(pool.submit(() -> {
                    long rows = 0;
                    while (writing.get() || count("SELECT count(*) FROM search_outbox") > 0) {
                        int taken = extra.dispatchOnce();
                        rows += taken;
                        if (taken == 0) {
                            Thread.sleep(20);
                        }
                    }
                    return rows;
                }));
            }
            for (int round = 1; round <= ROUNDS; round++) {
                try (PreparedStatement s = db.prepareStatement("UPDATE media_item SET note = ? WHERE case_id = ?")) {
                    s.setString(1, "round " + round);
                    s.setObject(2, caseId);
                    assertThat(s.executeUpdate()).isEqualTo(ITEMS);
                }
                Thread.sleep(30);
            }
            writing.set(false);
            long taken = 0;
            for (Future<Long> f : dispatchers) {
                taken += f.get();
            }
            assertThat(taken).as("the extra dispatchers took part").isPositive();
        } finally {
            pool.shutdownNow();
        }

        List<String> ids = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT id FROM media_item WHERE case_id = ?")) {
            s.setObject(1, caseId);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    ids.add(r.getString(1));
                }
            }
        }
        assertThat(ids).hasSize(ITEMS);
        MgetResponse<Map> docs = client.mget(m -> m.index(index.alias()).ids(ids), Map.class);
        List<Object> notes = new ArrayList<>();
        for (MultiGetResponseItem<Map> item : docs.docs()) {
            assertThat(item.isResult()).isTrue();
            assertThat(item.result().found()).as("document of " + item.result().id()).isTrue();
            notes.add(item.result().source().get("note"));
        }
        assertThat(notes).hasSize(ITEMS).containsOnly("round " + ROUNDS);
    }

    private long count(String sql) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql);
             ResultSet r = s.executeQuery()) {
            r.next();
            return r.getLong(1);
        }
    }
}
