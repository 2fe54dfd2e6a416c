package org.vidcase.exchange.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SeriesPseudonymTest {

    @Test
    void stableForANodeDifferentBetweenNodesAndAcceptedByTheFormat() {
        byte[] secretA = new byte[32];
        byte[] secretB = new byte[32];
        secretB[0] = 1;
        UUID series = UUID.randomUUID();
        String a = new SeriesPseudonym(secretA).of(series);
        assertThat(new SeriesPseudonym(secretA).of(series)).isEqualTo(a);
        assertThat(new SeriesPseudonym(secretB).of(series)).isNotEqualTo(a);
        assertThat(new SeriesPseudonym(secretA).of(UUID.randomUUID())).isNotEqualTo(a);
        assertThat(a).hasSize(43).doesNotContain(series.toString().substring(0, 8));
        PackageEntry e = PackageFixture.entry(1);
        HashPackage p = new HashPackage(UUID.randomUUID(), "NL", PackageFixture.TODAY, List.of(new PackageEntry(e.md5(),
                null, null, null, null, null, List.of(), "1", false, a, null, null, null, MediaKind.IMAGE,
                PackageFixture.TODAY, "NL")), List.of(), List.of(), List.of());
        assertThat(PackageRules.check(p, PackageLimits.DEFAULT, PackageFixture.TODAY)).isEmpty();
    }

    @Test
    void aShortSecretIsRefused() {
        assertThatThrownBy(() -> new SeriesPseudonym(new byte[16])).hasMessageContaining("at least 32 bytes");
    }
}
