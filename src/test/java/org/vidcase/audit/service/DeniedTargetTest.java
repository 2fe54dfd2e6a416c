package org.vidcase.audit.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class DeniedTargetTest {

    private static final UUID CASE = UUID.fromString("0f8fad5b-d9cb-469f-a165-70867728950e");
    private static final UUID MEDIA = UUID.fromString("7c9e6679-7425-40de-944b-e07fc1f90ae7");

    @Test
    void theInnermostIdNamesTheTarget() {
        assertThat(DeniedTarget.of("/api/cases/" + CASE + "/media/" + MEDIA + "/content"))
                .isEqualTo(new DeniedTarget("media", MEDIA.toString(), CASE));
        assertThat(DeniedTarget.of("/api/cases/" + CASE)).isEqualTo(new DeniedTarget("case", CASE.toString(), CASE));
        assertThat(DeniedTarget.of("/api/hash-sets/" + MEDIA + "/active"))
                .isEqualTo(new DeniedTarget("hash-set", MEDIA.toString(), null));
    }

    @Test
    void aCollectionIsNamedByItsPath() {
        assertThat(DeniedTarget.of("/api/audit/events")).isEqualTo(new DeniedTarget("endpoint", "/api/audit/events", null));
        assertThat(DeniedTarget.of("/api/cases/not-an-id/media"))
                .isEqualTo(new DeniedTarget("endpoint", "/api/cases/not-an-id/media", null));
        assertThat(DeniedTarget.of(null)).isEqualTo(new DeniedTarget("endpoint", null, null));
    }
}
