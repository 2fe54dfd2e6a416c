package org.vidcase.search;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.GetResponse;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.vidcase.localstack.LocalStackTestResource;
import org.vidcase.localstack.SearchOutage;
import org.vidcase.testsupport.Api;
import org.vidcase.testsupport.CaseFixture;
import org.vidcase.testsupport.MediaFixture;
import org.vidcase.testsupport.Tokens;

/** Every change to a media item reaches the search index through the outbox, Elasticsearch down or not. */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, restrictToAnnotatedClass = false)
class SearchIndexingTest {

    @Inject
    ElasticsearchClient client;

    @Test
    void anUploadAndItsCategorisationAreIndexed() throws Exception {
        UUID caseId = CaseFixture.openCase("officer");
        UUID seizureId = MediaFixture.seizure(caseId, "officer");
        String mediaId = upload(caseId, seizureId, MediaFixture.uniquePng(), "beach.png", "/DCIM/holiday");

        Map<String, Object> doc = awaitDocument(mediaId, d -> true);
        assertThat(doc).containsEntry("case_id", caseId.toString()).containsEntry("seizure_id", seizureId.toString())
                .containsEntry("media_type", "image/png").containsEntry("source", "UPLOAD");
        assertThat((List<Object>) doc.get("file_names")).containsExactly("beach.png");
        assertThat((List<Object>) doc.get("paths")).containsExactly("/DCIM/holiday");
        assertThat((List<Object>) doc.get("pdq")).hasSize(32);

        Api.as("officer").body(Map.of("category", "2", "series", "S-IDX", "tags", List.of("beach", "outdoor")))
                .put("/api/cases/" + caseId + "/media/" + mediaId + "/categorisation").then().statusCode(200);
        Map<String, Object> categorised = awaitDocument(mediaId, d -> "2".equals(d.get("category")));
        assertThat(categorised).containsEntry("series", "S-IDX").containsEntry("category_source", "HUMAN");
        assertThat((List<Object>) categorised.get("tags")).containsExactly("beach", "outdoor");

        // A second location of the same content reaches the same document.
        upload(caseId, seizureId, fileOf(caseId, mediaId), "copy.png", "/Downloads");
        awaitDocument(mediaId, d -> ((List<?>) d.get("file_names")).contains("copy.png"));
    }

    @Test
    void writesGoOnWhileElasticsearchIsDownAndIndexingCatchesUp() throws Exception {
        UUID caseId = CaseFixture.openCase("officer");
        UUID seizureId = MediaFixture.seizure(caseId, "officer");
        Tokens.of("officer");
        String mediaId;
        try (SearchOutage outage = SearchOutage.begin()) {
            mediaId = upload(caseId, seizureId, MediaFixture.uniquePng(), "while-down.png", "/x");
            long backlog = given().get("/q/health/live").then().statusCode(200).extract().jsonPath()
                    .getLong("checks.find { it.name == 'search-indexing' }.data.backlog");
            assertThat(backlog).isPositive();
        }
        awaitDocument(mediaId, d -> true);
        long deadline = System.currentTimeMillis() + 60_000;
        long backlog = -1;
        while (System.currentTimeMillis() < deadline) {
            backlog = given().get("/q/health/live").then().statusCode(200).extract().jsonPath()
                    .getLong("checks.find { it.name == 'search-indexing' }.data.backlog");
            if (backlog == 0) {
                break;
            }
            Thread.sleep(200);
        }
        assertThat(backlog).isZero();
    }

    @Inject
    io.agroal.api.AgroalDataSource dataSource;

    @Test
    void anItemThatCannotBeIndexedIsSetAsideWithoutHoldingUpTheOthers() throws Exception {
        UUID caseId = CaseFixture.openCase("officer");
        UUID seizureId = MediaFixture.seizure(caseId, "officer");
        String broken = upload(caseId, seizureId, MediaFixture.uniquePng(), "broken.png", "/p");
        String fine = upload(caseId, seizureId, MediaFixture.uniquePng(), "fine.png", "/p");
        Map<String, Object> original = awaitDocument(broken, d -> true);
        awaitDocument(fine, d -> true);
        String pdq = (String) Api.as("officer").get("/api/cases/" + caseId + "/media/" + broken).then().statusCode(200)
                .extract().path("pdq");

        // A stored state no document can be made of (as a damaged row would be), queued before a good change.
        sql("UPDATE media_item SET pdq = repeat('z', 64), notes = 'damaged' WHERE id = '" + broken + "'");
        Api.as("officer").body(Map.of("category", "3"))
                .put("/api/cases/" + caseId + "/media/" + fine + "/categorisation").then().statusCode(200);
        awaitDocument(fine, d -> "3".equals(d.get("category")));
        Map<String, Object> health = awaitHealth(h -> ((Number) h.get("refused")).longValue() > 0);
        assertThat(((Number) health.get("refused")).longValue()).isPositive();
        assertThat((String) health.get("lastRefusal")).contains("no document could be made");
        assertThat(((Number) health.get("backlog")).longValue()).isZero();
        assertThat(sqlCount("SELECT count(*) FROM search_refused WHERE media_id = '" + broken + "'")).isEqualTo(1);

        // Repaired, the item is indexed with its next change and leaves the refused list.
        sql("UPDATE media_item SET pdq = '" + pdq + "' WHERE id = '" + broken + "'");
        awaitDocument(broken, d -> "damaged".equals(d.get("notes")) && original.get("pdq").equals(d.get("pdq")));
        long deadline = System.currentTimeMillis() + 30_000;
        while (sqlCount("SELECT count(*) FROM search_refused WHERE media_id = '" + broken + "'") > 0
                && System.currentTimeMillis() < deadline) {
            Thread.sleep(200);
        }
        assertThat(sqlCount("SELECT count(*) FROM search_refused WHERE media_id = '" + broken + "'")).isZero();
    }

    private void sql(String statement) throws Exception {
        try (var c = dataSource.getConnection(); var s = c.createStatement()) {
            s.executeUpdate(statement);
        }
    }

    private long sqlCount(String query) throws Exception {
        try (var c = dataSource.getConnection(); var s = c.createStatement(); var r = s.executeQuery(query)) {
            r.next();
            return r.getLong(1);
        }
    }

    private static Map<String, Object> awaitHealth(Predicate<Map<String, Object>> done) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 30_000;
        Map<String, Object> data = Map.of();
        while (System.currentTimeMillis() < deadline) {
            data = given().get("/q/health/live").then().statusCode(200).extract().jsonPath()
                    .getMap("checks.find { it.name == 'search-indexing' }.data");
            if (done.test(data)) {
                return data;
            }
            Thread.sleep(200);
        }
        return data;
    }

    @Test
    void aRebuildFillsANewIndexFromPostgresqlAndSwitchesWithoutLosingChanges() throws Exception {
        UUID caseId = CaseFixture.openCase("officer");
        UUID seizureId = MediaFixture.seizure(caseId, "officer");
        String before = upload(caseId, seizureId, MediaFixture.uniquePng(), "before.png", "/r");
        awaitDocument(before, d -> true);
        String servedBefore = served();

        String jobId = startRebuild();
        // A change while the rebuild runs reaches the new index too.
        Api.as("officer").body(Map.of("category", "4"))
                .put("/api/cases/" + caseId + "/media/" + before + "/categorisation").then().statusCode(200);
        String during = upload(caseId, seizureId, MediaFixture.uniquePng(), "during.png", "/r");
        var job = org.vidcase.testsupport.Jobs.awaitEnd(jobId, "supervisor");
        assertThat(job.getString("state")).isEqualTo("SUCCEEDED");
        assertThat(job.getString("result.index")).isNotEqualTo(servedBefore);
        assertThat(served()).isEqualTo(job.getString("result.index"));

        awaitDocument(before, d -> "4".equals(d.get("category")));
        awaitDocument(during, d -> true);
        client.indices().refresh(r -> r.index("vidcase-media"));
        long inIndex = client.count(c -> c.index("vidcase-media")).count();
        assertThat(inIndex).isGreaterThanOrEqualTo(job.getLong("result.documents"));
        assertThat(client.indices().exists(e -> e.index(servedBefore)).value()).as("old index dropped").isFalse();
    }

    /** The concrete index behind the alias. */
    private String served() throws Exception {
        return client.indices().getAlias(a -> a.name("vidcase-media")).result().keySet().iterator().next();
    }

    /** Starts a rebuild once no other one runs (the role matrix may have started one). */
    private static String startRebuild() throws InterruptedException {
        long deadline = System.currentTimeMillis() + 120_000;
        while (System.currentTimeMillis() < deadline) {
            var response = Api.as("supervisor").post("/api/search/rebuild-jobs");
            if (response.statusCode() == 202) {
                return response.then().extract().path("id");
            }
            assertThat(response.statusCode()).isEqualTo(409);
            Thread.sleep(500);
        }
        throw new AssertionError("another rebuild did not end within two minutes");
    }

    private String upload(UUID caseId, UUID seizureId, byte[] bytes, String name, String path) {
        return given().auth().oauth2(Tokens.of("officer")).contentType("application/octet-stream").body(bytes)
                .queryParam("fileName", name).queryParam("path", path)
                .post("/api/cases/" + caseId + "/seizures/" + seizureId + "/media")
                .then().statusCode(org.hamcrest.Matchers.anyOf(org.hamcrest.Matchers.equalTo(200),
                        org.hamcrest.Matchers.equalTo(201))).extract().path("item.id");
    }

    private static byte[] fileOf(UUID caseId, String mediaId) {
        return Api.as("officer").queryParam("justification", "indexing test").accept("*/*")
                .get("/api/cases/" + caseId + "/media/" + mediaId + "/content").then().statusCode(200)
                .extract().asByteArray();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private Map<String, Object> awaitDocument(String id, Predicate<Map<String, Object>> ready) throws Exception {
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline) {
            try {
                GetResponse<Map> response = client.get(g -> g.index("vidcase-media").id(id), Map.class);
                if (response.found() && ready.test(response.source())) {
                    return response.source();
                }
            } catch (co.elastic.clients.elasticsearch._types.ElasticsearchException notYet) {
                // The index does not exist before the first document.
            }
            Thread.sleep(200);
        }
        throw new AssertionError("document " + id + " did not reach the search index as expected within 60 s");
    }
}
