package org.vidcase.hub.trust;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrustRulesTest {

    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
    private final TrustRules rules = new TrustRules(3);

    private static Instant at(int minutes) {
        return T0.plusSeconds(60L * minutes);
    }

    @Test
    void trustedOnceThreeCountriesAgreeWithAgreeingFeedbackCounting() {
        TrustGrade two = rules.grade(List.of(Opinion.submitted("NL", "1", at(0)), Opinion.submitted("DE", "1", at(1))), null);
        assertThat(two.status()).isEqualTo(TrustGrade.Status.CANDIDATE);
        assertThat(two.agreeingCountries()).isEqualTo(2);
        TrustGrade three = rules.grade(List.of(Opinion.submitted("NL", "1", at(0)), Opinion.submitted("DE", "1", at(1)),
                Opinion.agreed("BE", "1", at(2))), null);
        assertThat(three.status()).isEqualTo(TrustGrade.Status.TRUSTED);
        assertThat(three.category()).isEqualTo("1");
        assertThat(three.submittingCountries()).as("feedback is no independent submission").isEqualTo(2);
        assertThat(three.agreeingCountries()).isEqualTo(3);
    }

    @Test
    void aCountryCountsOnceWithItsLatestOpinion() {
        TrustGrade g = rules.grade(List.of(Opinion.submitted("NL", "1", at(0)), Opinion.agreed("NL", "1", at(5)),
                Opinion.submitted("DE", "1", at(1))), null);
        assertThat(g.agreeingCountries()).isEqualTo(2);
        assertThat(g.status()).isEqualTo(TrustGrade.Status.CANDIDATE);
        TrustGrade changed = rules.grade(List.of(Opinion.submitted("NL", "1", at(0)), Opinion.submitted("DE", "2", at(1)),
                Opinion.disagreed("DE", "2", "1", at(6)), Opinion.submitted("BE", "1", at(2))), null);
        assertThat(changed.status()).isEqualTo(TrustGrade.Status.TRUSTED);
    }

    @Test
    void disagreementIsAConflictNamingTheDissentersAndKeepingTheLeadingCategory() {
        TrustGrade g = rules.grade(List.of(Opinion.submitted("NL", "1", at(0)), Opinion.submitted("DE", "1", at(1)),
                Opinion.submitted("BE", "1", at(2)), Opinion.submitted("FR", "2", at(3))), null);
        assertThat(g.status()).isEqualTo(TrustGrade.Status.CONFLICT);
        assertThat(g.category()).isEqualTo("1");
        assertThat(g.dissentingCountries()).containsExactly("FR");
        TrustGrade dispute = rules.grade(List.of(Opinion.submitted("NL", "2", at(0)),
                Opinion.disagreed("DE", "2", null, at(1))), null);
        assertThat(dispute.status()).isEqualTo(TrustGrade.Status.CONFLICT);
        assertThat(dispute.dissentingCountries()).containsExactly("DE");
        TrustGrade tie = rules.grade(List.of(Opinion.submitted("NL", "3", at(0)), Opinion.submitted("DE", "2", at(1))), null);
        assertThat(tie.category()).as("ties go to the lowest code").isEqualTo("2");
    }

    @Test
    void aReviewersDecisionSettlesTheConflictUntilSomeoneContradictsItAfresh() {
        List<Opinion> opinions = List.of(Opinion.submitted("NL", "1", at(0)), Opinion.submitted("DE", "2", at(1)),
                Opinion.submitted("BE", "1", at(2)), Opinion.agreed("FR", "1", at(3)));
        TrustGrade settled = rules.grade(opinions, new TrustRules.Resolution("1", at(10)));
        assertThat(settled.status()).isEqualTo(TrustGrade.Status.TRUSTED);
        assertThat(settled.reviewed()).isTrue();
        List<Opinion> later = new java.util.ArrayList<>(opinions);
        later.add(Opinion.submitted("IT", "3", at(11)));
        TrustGrade reopened = rules.grade(later, new TrustRules.Resolution("1", at(10)));
        assertThat(reopened.status()).isEqualTo(TrustGrade.Status.CONFLICT);
        assertThat(reopened.dissentingCountries()).containsExactly("IT");
    }
}
