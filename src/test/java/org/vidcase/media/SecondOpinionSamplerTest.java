package org.vidcase.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.vidcase.media.service.SecondOpinionSampler;

class SecondOpinionSamplerTest {

    @Test
    void picksTheConfiguredShareOfDecisionsAndAlwaysTheSameOnes() {
        long picked = IntStream.range(0, 20_000).mapToObj(i -> UUID.randomUUID())
                .filter(id -> SecondOpinionSampler.picked(id, 0.1)).count();
        assertThat(picked).isBetween(1_800L, 2_200L);
        UUID decision = UUID.randomUUID();
        boolean first = SecondOpinionSampler.picked(decision, 0.5);
        assertThat(IntStream.range(0, 10).mapToObj(i -> SecondOpinionSampler.picked(decision, 0.5))).containsOnly(first);
    }

    @Test
    void aShareOfZeroPicksNoneAndOfOneEvery() {
        assertThat(IntStream.range(0, 1_000).mapToObj(i -> UUID.randomUUID()))
                .noneMatch(id -> SecondOpinionSampler.picked(id, 0))
                .allMatch(id -> SecondOpinionSampler.picked(id, 1));
        assertThat(SecondOpinionSampler.picked(new UUID(0, 0), 0.0001)).isTrue();
        assertThat(SecondOpinionSampler.picked(new UUID(-1, -1), 0.9999)).isFalse();
    }
}
