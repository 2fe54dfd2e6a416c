package org.vidcase.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vidcase.matching.HashSetKind;
import org.vidcase.matching.HashSetSource;

class MatchPrecedenceTest {

    private static final List<HashSetSource> ORDER = List.of(HashSetSource.NATIONAL, HashSetSource.PROJECT_VIC,
            HashSetSource.CAID, HashSetSource.ICSE, HashSetSource.CUSTOM, HashSetSource.NSRL);

    private static RecordedMatch match(long entry, MatchType type, int distance, HashSetKind kind, HashSetSource source,
                                       String category) {
        return new RecordedMatch(entry, "set " + entry, type, distance, kind, source, category, null, null, null, null);
    }

    @Test
    void anExactAlertMatchBeatsANearOneAndANationalSetBeatsAnInternationalOne() {
        MatchPrecedence p = new MatchPrecedence(List.of("exact", "source", "nearest"), ORDER);
        RecordedMatch nearNational = match(1, MatchType.PDQ, 4, HashSetKind.ALERT, HashSetSource.NATIONAL, "1");
        RecordedMatch exactIcse = match(2, MatchType.MD5, 0, HashSetKind.ALERT, HashSetSource.ICSE, "2");
        RecordedMatch exactNational = match(3, MatchType.SHA1, 0, HashSetKind.ALERT, HashSetSource.NATIONAL, "3");

        assertThat(p.decisive(List.of(nearNational, exactIcse))).contains(exactIcse);
        assertThat(p.decisive(List.of(nearNational, exactIcse, exactNational))).contains(exactNational);
        assertThat(p.ordered(List.of(nearNational, exactIcse, exactNational)))
                .containsExactly(exactNational, exactIcse, nearNational);
    }

    @Test
    void theRuleOrderIsConfigurable() {
        MatchPrecedence sourceFirst = new MatchPrecedence(List.of("source", "exact", "nearest"), ORDER);
        RecordedMatch nearNational = match(1, MatchType.PDQ, 4, HashSetKind.ALERT, HashSetSource.NATIONAL, "1");
        RecordedMatch exactIcse = match(2, MatchType.MD5, 0, HashSetKind.ALERT, HashSetSource.ICSE, "2");
        assertThat(sourceFirst.decisive(List.of(exactIcse, nearNational))).contains(nearNational);

        MatchPrecedence nearestFirst = new MatchPrecedence(List.of("nearest"), ORDER);
        RecordedMatch near9 = match(5, MatchType.PDQ, 9, HashSetKind.ALERT, HashSetSource.ICSE, "1");
        RecordedMatch near3 = match(6, MatchType.PDQ, 3, HashSetKind.ALERT, HashSetSource.CUSTOM, "2");
        assertThat(nearestFirst.decisive(List.of(near9, near3))).contains(near3);
    }

    @Test
    void alertAlwaysBeatsIgnorableAndMatchesWithoutACategoryDoNotDecideIt() {
        MatchPrecedence p = new MatchPrecedence(List.of("exact", "source", "nearest"), ORDER);
        RecordedMatch nsrl = match(1, MatchType.SHA256, 0, HashSetKind.IGNORABLE, HashSetSource.NSRL, null);
        RecordedMatch nearAlert = match(2, MatchType.PDQ, 30, HashSetKind.ALERT, HashSetSource.CUSTOM, "1");
        RecordedMatch uncategorised = match(3, MatchType.MD5, 0, HashSetKind.ALERT, HashSetSource.NATIONAL, null);

        assertThat(p.status(List.of(nsrl))).contains(MatchStatus.IGNORABLE);
        assertThat(p.status(List.of(nsrl, nearAlert))).contains(MatchStatus.ALERT);
        assertThat(p.status(List.of())).isEmpty();
        assertThat(p.decisive(List.of(nsrl, nearAlert, uncategorised))).contains(nearAlert);
        assertThat(p.decisive(List.of(nsrl, uncategorised))).isEmpty();
        assertThat(p.status(List.of(nsrl, uncategorised))).contains(MatchStatus.ALERT);
    }

    @Test
    void tiesGoToTheLowerEntryWhateverTheOrderFound() {
        MatchPrecedence p = new MatchPrecedence(List.of("exact"), ORDER);
        RecordedMatch a = match(10, MatchType.MD5, 0, HashSetKind.ALERT, HashSetSource.ICSE, "1");
        RecordedMatch b = match(11, MatchType.MD5, 0, HashSetKind.ALERT, HashSetSource.ICSE, "2");
        assertThat(p.decisive(List.of(b, a))).contains(a);
        assertThat(p.decisive(List.of(a, b))).contains(a);
    }

    @Test
    void unknownOrRepeatedRulesAreRefusedAtStartUp() {
        assertThatThrownBy(() -> new MatchPrecedence(List.of("exact", "newest"), ORDER))
                .hasMessageContaining("newest").hasMessageContaining("known rules");
        assertThatThrownBy(() -> new MatchPrecedence(List.of("exact", "exact"), ORDER)).hasMessageContaining("twice");
    }
}
