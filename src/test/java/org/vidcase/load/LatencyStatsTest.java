package org.vidcase.load;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LatencyStatsTest {

    @Test
    void percentilesAreNearestRank() {
        LatencyStats stats = new LatencyStats();
        for (int ms = 100; ms >= 1; ms--) {
            stats.add(ms * 1_000_000L, ms % 10 == 0);
        }
        LatencyStats.Summary s = stats.summary();
        assertThat(s.count()).isEqualTo(100);
        assertThat(s.errors()).isEqualTo(10);
        assertThat(s.p50()).isEqualTo(50.0);
        assertThat(s.p95()).isEqualTo(95.0);
        assertThat(s.p99()).isEqualTo(99.0);
        assertThat(s.max()).isEqualTo(100.0);
        assertThat(s.throughput(10)).isEqualTo(10.0);
    }

    @Test
    void fewOrNoValues() {
        LatencyStats one = new LatencyStats();
        one.add(7_000_000L, false);
        assertThat(one.summary().p50()).isEqualTo(7.0);
        assertThat(one.summary().p99()).isEqualTo(7.0);
        assertThat(new LatencyStats().summary().count()).isZero();
        assertThat(new LatencyStats().summary().p99()).isZero();
    }
}
