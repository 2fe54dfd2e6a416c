package org.vidcase.clustering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class PairwiseEvaluationTest {

    @Test
    void countsPairsPutTogetherAgainstTheTruth() {
        // truth: {0,1,2} {3,4}; predicted: {0,1} {2,3,4}
        PairwiseEvaluation e = PairwiseEvaluation.of(List.of("a", "a", "a", "b", "b"), List.of(1, 1, 2, 2, 2));

        assertThat(e.truePairs()).isEqualTo(4);
        assertThat(e.predictedPairs()).isEqualTo(4);
        assertThat(e.correctPairs()).isEqualTo(2);
        assertThat(e.precision()).isEqualTo(0.5);
        assertThat(e.recall()).isEqualTo(0.5);
        assertThat(e.f1()).isCloseTo(0.5, within(1e-12));
    }

    @Test
    void puttingNothingTogetherIsPreciseButRecallsNothing() {
        PairwiseEvaluation e = PairwiseEvaluation.of(List.of("a", "a", "b"), List.of(1, 2, 3));

        assertThat(e.precision()).isEqualTo(1.0);
        assertThat(e.recall()).isEqualTo(0.0);
        assertThat(e.f1()).isEqualTo(0.0);
    }
}
