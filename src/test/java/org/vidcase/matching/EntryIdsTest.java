package org.vidcase.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class EntryIdsTest {

    @Test
    void anIdNamesItsSetAndSetsOccupyDisjointRanges() {
        long id = EntryIds.of(3, 2_999_999);
        assertThat(EntryIds.setOf(id)).isEqualTo(3);
        assertThat(id).isGreaterThanOrEqualTo(EntryIds.first(3)).isLessThan(EntryIds.end(3));
        assertThat(EntryIds.end(3)).isEqualTo(EntryIds.first(4));
        int last = EntryIds.MAX_SETS - 1;
        assertThat(EntryIds.setOf(EntryIds.of(last, EntryIds.MAX_ORDINAL))).isEqualTo(last);
        assertThat(EntryIds.end(last)).isPositive();
    }

    @Test
    void outOfRangeParts() {
        assertThatThrownBy(() -> EntryIds.of(0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EntryIds.of(EntryIds.MAX_SETS, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EntryIds.of(1, EntryIds.MAX_ORDINAL + 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EntryIds.of(1, -1)).isInstanceOf(IllegalArgumentException.class);
    }
}
