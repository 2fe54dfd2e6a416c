package org.vidcase.matching;

import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.vidcase.localstack.LocalStackTestResource;
import org.vidcase.testsupport.HashSetFixture;

/**
 * The start-up path: a fresh index built from what PostgreSQL holds finds the entries of imported
 * sets, hides inactive ones, and agrees with the running server's index.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, restrictToAnnotatedClass = false)
class KnownHashIndexStartupTest {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    MatchingConfig config;

    @Inject
    KnownHashIndex running;

    @Test
    void aRestartedServerFindsWhatWasImportedAndKeepsInactiveSetsHidden() {
        Random random = new Random();
        String activeMd5 = hex(random, 32);
        String inactiveSha1 = hex(random, 40);
        String active = HashSetFixture.create("Restart active " + random.nextInt(), "CUSTOM", "ALERT", null);
        HashSetFixture.importAndWait(active, "PLAIN", (activeMd5 + "\n").getBytes(StandardCharsets.UTF_8));
        HashSetFixture.setActive(active, true);
        String inactive = HashSetFixture.create("Restart inactive " + random.nextInt(), "CUSTOM", "ALERT", null);
        HashSetFixture.importAndWait(inactive, "PLAIN", (inactiveSha1 + "\n").getBytes(StandardCharsets.UTF_8));

        KnownHashIndex restarted = new KnownHashIndex(dataSource, config);
        restarted.onStart(null);
        MatchQuery both = new MatchQuery(activeMd5, inactiveSha1, null, null, null, null, null);

        assertThat(restarted.match(both)).extracting(KnownMatch::type).containsExactly(MatchType.MD5);
        assertThat(restarted.isReady()).isTrue();
        assertThat(restarted.match(both)).isEqualTo(running.match(both));

        // Activated later, the inactive set shows up in both without a reload.
        HashSetFixture.setActive(inactive, true);
        assertThat(running.match(both)).extracting(KnownMatch::type).containsExactlyInAnyOrder(MatchType.MD5, MatchType.SHA1);
        HashSetFixture.setActive(inactive, false);
        assertThat(running.match(both)).extracting(KnownMatch::type).containsExactly(MatchType.MD5);
    }

    private static String hex(Random random, int digits) {
        StringBuilder s = new StringBuilder();
        while (s.length() < digits) {
            s.append(Integer.toHexString(random.nextInt(16)));
        }
        return s.toString();
    }
}
