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

        KnownHashIndex restarted = new KnownHashIndex(dataSource, config, new org.vidcase.shared.cluster.Replica());
        restarted.onStart(null);
        MatchQuery both = new MatchQuery(activeMd5, inactiveSha1, null, null, null, null, null);

        assertThat(restarted.match(both)).extracting(KnownMatch::type).containsExactly(MatchType.MD5);
        assertThat(restarted.isReady()).isTrue();
        assertThat(restarted.match(both)).isEqualTo(running.match(both));

        // Activated later, the inactive set shows up in both without a reload: in the server's own index
        // at once, in the second one (a replica that never sees this replica's events) within its poll.
        HashSetFixture.setActive(inactive, true);
        assertThat(running.match(both)).extracting(KnownMatch::type).containsExactlyInAnyOrder(MatchType.MD5, MatchType.SHA1);
        assertThat(within5s(() -> restarted.match(both).size() == 2)).as("the other replica follows the activation").isTrue();
        HashSetFixture.setActive(inactive, false);
        assertThat(running.match(both)).extracting(KnownMatch::type).containsExactly(MatchType.MD5);
        assertThat(within5s(() -> restarted.match(both).size() == 1)).as("the other replica follows the deactivation").isTrue();
        assertThat(restarted.match(both)).extracting(KnownMatch::type).containsExactly(MatchType.MD5);
        restarted.onStop(null);
    }

    private static boolean within5s(java.util.function.BooleanSupplier condition) {
        long deadline = System.currentTimeMillis() + 5_000;
        while (System.currentTimeMillis() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return condition.getAsBoolean();
    }

    private static String hex(Random random, int digits) {
        StringBuilder s = new StringBuilder();
        while (s.length() < digits) {
            s.append(Integer.toHexString(random.nextInt(16)));
        }
        return s.toString();
    }
}
