package org.vidcase.lead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.vidcase.lead.domain.ClueKeys;
import org.vidcase.lead.domain.ClueType;

/** Which clue values of two cases count as equal, and how far apart two positions are. */
class ClueKeysTest {

    @Test
    void serialsCompareByTheirLettersAndDigitsWithoutTheLabel() {
        String key = ClueKeys.key(ClueType.DEVICE, "S/N 0123-4567-AB");
        assertThat(ClueKeys.key(ClueType.DEVICE, "sn01234567ab")).isEqualTo(key);
        assertThat(ClueKeys.key(ClueType.DEVICE, "Serial No: 0123 4567 ab")).isEqualTo(key);
        assertThat(ClueKeys.key(ClueType.DEVICE, "0123-4567-AB")).isEqualTo(key);
        assertThat(ClueKeys.key(ClueType.DEVICE, "0123-4567-AC")).isNotEqualTo(key);
        assertThat(ClueKeys.key(ClueType.DEVICE, "Canon EOS 5D, serial 0123-4567-ab (body)")).isEqualTo(key);
        assertThat(ClueKeys.key(ClueType.DEVICE, "Nikon D750 S/N: 0123 4567 AB, lens 50mm")).isEqualTo(key);
        // A serial that happens to start with SN keeps it when it is not a label.
        assertThat(ClueKeys.key(ClueType.DEVICE, "SNA12345")).isNotEqualTo(ClueKeys.key(ClueType.DEVICE, "A12345"));
    }

    @Test
    void accountsIgnoreCaseTheAtSignAndSpaces() {
        assertThat(ClueKeys.key(ClueType.ONLINE_ACCOUNT, "@Shadow_Fox")).isEqualTo(ClueKeys.key(ClueType.ONLINE_ACCOUNT, "shadow_fox"));
        assertThat(ClueKeys.key(ClueType.ONLINE_ACCOUNT, "shadow_fox")).isNotEqualTo(ClueKeys.key(ClueType.ONLINE_ACCOUNT, "shadowfox"));
    }

    @Test
    void placesAndProductsCompareFoldedTextExactly() {
        assertThat(ClueKeys.key(ClueType.LOCATION, "Café  de la Gare, Ghent"))
                .isEqualTo(ClueKeys.key(ClueType.LOCATION, "cafe de la gare ghent"));
        assertThat(ClueKeys.key(ClueType.OBJECT, "Teddy bear, brown")).isNotEqualTo(ClueKeys.key(ClueType.OBJECT, "Teddy bear"));
    }

    @Test
    void freeTextTypesAndTinyValuesAreNotCompared() {
        assertThat(ClueKeys.key(ClueType.TEXT, "Hello")).isNull();
        assertThat(ClueKeys.key(ClueType.CLOTHING, "School uniform")).isNull();
        assertThat(ClueKeys.key(ClueType.OTHER, "anything")).isNull();
        assertThat(ClueKeys.key(ClueType.DEVICE, "S/N 1")).isNull();
        assertThat(ClueKeys.key(ClueType.LOCATION, "  ")).isNull();
    }

    @Test
    void distancesAreGreatCircle() {
        // London to Paris, about 343.5 km.
        assertThat(ClueKeys.metresBetween(51.5074, -0.1278, 48.8566, 2.3522)).isCloseTo(343_500, within(1_500.0));
        assertThat(ClueKeys.metresBetween(10, 179.999, 10, -179.999)).isLessThan(250);
        assertThat(ClueKeys.latitudeSpan(250)).isCloseTo(0.002248, within(0.00001));
        assertThat(ClueKeys.longitudeSpan(250, 60)).isCloseTo(2 * ClueKeys.latitudeSpan(250), within(0.00001));
        assertThat(ClueKeys.longitudeSpan(250, 90)).isEqualTo(360);
    }
}
