package org.vidcase.media.vics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TimestampsTest {

    @Test
    void agreesWithJavaTimeOnRandomInstantsAcrossCenturies() {
        SplittableRandom random = new SplittableRandom(1);
        for (int i = 0; i < 100_000; i++) {
            Instant instant = Instant.ofEpochSecond(random.nextLong(-5_000_000_000L, 10_000_000_000L),
                    random.nextInt(1_000_000_000));
            assertThat(Timestamps.parse(instant.toString())).isEqualTo(instant);
        }
    }

    @ParameterizedTest
    @CsvSource({
            "2024-02-29T12:00:00Z, 2024-02-29T12:00:00Z",
            "2000-02-29 00:00:00, 2000-02-29T00:00:00Z",
            "2024-01-02T03:04:05.8300Z, 2024-01-02T03:04:05.830Z",
            "'  2024-01-02T03:04:05+05:30  ', 2024-01-01T21:34:05Z",
            "2024-01-02T03:04:05+01, 2024-01-02T02:04:05Z",
            "/Date(1704164645000)/, 2024-01-02T03:04:05Z",
            "/Date(1704164645000+0100)/, 2024-01-02T03:04:05Z",
            "/Date(-1000)/, 1969-12-31T23:59:59Z"})
    void readsTheSpellingsExportersUse(String text, String expected) {
        assertThat(Timestamps.parse(text)).isEqualTo(Instant.parse(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2023-02-29T00:00:00Z", "2100-02-29T00:00:00Z", "2024-13-01T00:00:00Z",
            "2024-04-31T00:00:00Z", "2024-01-01T24:00:00Z", "2024-01-01T00:00:00.Z", "2024-01-01T00:00:00+25:00",
            "2024-01-01", "01/02/2024 03:04:05", "2024-01-01T00:00:00Zjunk", "/Date()/", "/Date(12"})
    void refusesWhatIsNotADateTime(String text) {
        assertThatThrownBy(() -> Timestamps.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(text);
    }

    @Test
    void readsBlankAsUnknown() {
        assertThat(Timestamps.parse("  ")).isNull();
    }
}
