package org.vidcase.search;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.JsonData;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.vidcase.localstack.LocalStackTestResource;
import org.vidcase.search.infra.MediaSearchIndex;
import org.vidcase.search.service.SearchIndexUpgrade;
import org.vidcase.testsupport.Api;
import org.vidcase.testsupport.CaseFixture;
import org.vidcase.testsupport.MediaFixture;
import org.vidcase.testsupport.Tokens;

/** A server meeting an index of older documents rebuilds it on its own; searches say so meanwhile. */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, restrictToAnnotatedClass = false)
class SearchIndexUpgradeTest {

    @Inject
    ElasticsearchClient client;
    @Inject
    MediaSearchIndex index;
    @Inject
    SearchIndexUpgrade upgrade;
    @Inject
    org.vidcase.jobs.domain.JobRepository jobs;

    @Test
    void anIndexOfOlderDocumentsIsRebuiltWithoutAnyoneAsking() throws Exception {
        UUID caseId = CaseFixture.openCase("officer");
        String word = "upgradeword" + Long.toString(System.nanoTime(), 36).replaceAll("[0-9]", "");
        String item = given().auth().oauth2(Tokens.of("officer")).contentType("application/octet-stream")
                .body(MediaFixture.uniquePng()).queryParam("fileName", word + ".png")
                .post("/api/cases/" + caseId + "/seizures/" + MediaFixture.seizure(caseId, "officer") + "/media")
                .then().statusCode(201).extract().path("item.id");
        assertThat(awaitSearch(caseId, word, 200)).contains(item);

        // What an index written by the previous version looks like: documents version 1 in its mapping.
        String current = client.indices().getAlias(a -> a.name(index.alias())).result().keySet().iterator().next();
        client.indices().putMapping(p -> p.index(current).meta("documents_version", JsonData.of(1)));
        index.forget();
        Api.as("officer").queryParam("q", word).get("/api/cases/" + caseId + "/media").then().statusCode(503)
                .contentType("application/problem+json").body("detail", Matchers.containsString("being rebuilt"));
        // Find similar and plain lists go on meanwhile.
        Api.as("officer").get("/api/cases/" + caseId + "/media").then().statusCode(200).body("id", Matchers.hasItem(item));

        upgrade.check();
        List<String> found = awaitSearch(caseId, word, 120);
        assertThat(found).containsExactly(item);
        String rebuilt = client.indices().getAlias(a -> a.name(index.alias())).result().keySet().iterator().next();
        assertThat(rebuilt).isNotEqualTo(current);
        assertThat(index.documentsVersion()).isEqualTo(MediaSearchIndex.DOCUMENTS_VERSION);
        assertThat(jobs.list("type", "search-rebuild")).anyMatch(j -> j.owner.contains("search index upgrade")
                && j.state == org.vidcase.jobs.domain.JobState.SUCCEEDED);
    }

    /** Searches until the answer is 200 and holds the item, for at most that many seconds. */
    private static List<String> awaitSearch(UUID caseId, String word, int seconds) throws InterruptedException {
        long deadline = System.currentTimeMillis() + seconds * 1000L;
        while (true) {
            var response = Api.as("officer").queryParam("q", word).get("/api/cases/" + caseId + "/media");
            if (response.statusCode() == 200) {
                List<String> ids = response.then().extract().path("id");
                if (!ids.isEmpty() || System.currentTimeMillis() > deadline) {
                    return ids;
                }
            } else if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("search still answers " + response.statusCode() + ": " + response.asString());
            }
            Thread.sleep(500);
        }
    }
}
