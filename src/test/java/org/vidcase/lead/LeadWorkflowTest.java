package org.vidcase.lead;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.vidcase.lead.domain.LeadStatus;
import org.vidcase.lead.domain.LeadWorkflow;
import org.vidcase.lead.domain.LeadWorkflow.Trigger;

/** The transition table, move by move: what the issue and docs/data-model.md say, nothing more. */
class LeadWorkflowTest {

    @Test
    void exactlyTheDocumentedMovesAreAllowed() {
        Set<String> allowed = EnumSet.allOf(LeadStatus.class).stream()
                .flatMap(from -> EnumSet.allOf(LeadStatus.class).stream()
                        .flatMap(to -> EnumSet.allOf(Trigger.class).stream()
                                .filter(t -> LeadWorkflow.allows(from, to, t))
                                .map(t -> from + ">" + to + ":" + t)))
                .collect(Collectors.toSet());
        assertThat(allowed).containsExactlyInAnyOrder(
                "OPEN>ASSIGNED:REQUEST", "ASSIGNED>IN_PROGRESS:REQUEST",
                "IN_PROGRESS>REFERRED:REFERRAL_SENT", "REFERRED>IN_PROGRESS:REFERRAL_RETURNED",
                "OPEN>CLOSED:CLOSE", "ASSIGNED>CLOSED:CLOSE", "IN_PROGRESS>CLOSED:CLOSE", "REFERRED>CLOSED:CLOSE",
                "CLOSED>OPEN:REOPEN", "CLOSED>ASSIGNED:REOPEN", "CLOSED>IN_PROGRESS:REOPEN", "CLOSED>REFERRED:REOPEN");
    }

    @Test
    void noStateMovesToItselfAndClosedLeavesOnlyByReopening() {
        for (LeadStatus s : LeadStatus.values()) {
            for (Trigger t : Trigger.values()) {
                assertThat(LeadWorkflow.allows(s, s, t)).as(s + " " + t).isFalse();
            }
        }
        assertThat(LeadWorkflow.from(LeadStatus.CLOSED)).allSatisfy(t -> assertThat(t.trigger()).isEqualTo(Trigger.REOPEN));
        assertThat(LeadWorkflow.table()).filteredOn(t -> t.trigger() == Trigger.REQUEST)
                .noneMatch(t -> t.to() == LeadStatus.REFERRED || t.to() == LeadStatus.CLOSED);
    }

    @Test
    void theErrorTextNamesEachAllowedMoveAndHow() {
        assertThat(LeadWorkflow.describeFrom(LeadStatus.IN_PROGRESS))
                .isEqualTo("REFERRED (when a referral is sent), CLOSED (closed with at least one outcome)");
        assertThat(LeadWorkflow.describeFrom(LeadStatus.OPEN)).startsWith("ASSIGNED (on request)");
    }
}
