package org.vidcase.media.vics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GpsCoordinatesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "-33.8688| |-33.8688",
            "41 deg 53' 24.00\" N| |41.89",
            "41 deg 53' 24.00\"|S|-41.89",
            "41, 53, 24|North|41.89",
            "41/1, 53/1, 2400/100|n|41.89",
            "41°53'24\"N| |41.89",
            "12.5|Unknown|",
            "12.5|E|",
            "95| |",
            "41, 60, 0|N|",
            "north| |"})
    void readsLatitudes(String value, String reference, Double expected) {
        Double latitude = GpsCoordinates.latitude(value, reference);
        if (expected == null) {
            assertThat(latitude).isNull();
        } else {
            assertThat(latitude).isCloseTo(expected, within(1e-9));
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "87/1, 37/1, 48/1|W|-87.63",
            "151.2093| |151.2093",
            "179 deg 59' 59.99\" E| |179.99999722222",
            "181| |"})
    void readsLongitudes(String value, String reference, Double expected) {
        Double longitude = GpsCoordinates.longitude(value, reference);
        if (expected == null) {
            assertThat(longitude).isNull();
        } else {
            assertThat(longitude).isCloseTo(expected, within(1e-9));
        }
    }
}
