package org.vidcase.shared.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WrappedKeyTest {

    @Test
    void storageFormRoundTrips() {
        WrappedKey key = new WrappedKey("k2026a", new byte[] {1, 2, 3, (byte) 0xff});

        assertThat(key.storageForm()).isEqualTo("k2026a:AQID/w==");
        assertThat(WrappedKey.parse(key.storageForm())).isEqualTo(key).hasSameHashCodeAs(key);
        assertThat(key).hasToString(key.storageForm());
    }

    @Test
    void bytesAreCopiedInAndOut() {
        byte[] bytes = {1, 2, 3};
        WrappedKey key = new WrappedKey("k1", bytes);

        bytes[0] = 9;
        key.wrapped()[1] = 9;

        assertThat(key.wrapped()).containsExactly(1, 2, 3);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "k1", "k1AQID", ":AQID", "k 1:AQID", "k1:AQ!D", "k1:", "k/1:AQID",
            "k12345678901234567890123456789012:AQID"})
    void malformedStorageFormsAreRefused(String storageForm) {
        assertThatThrownBy(() -> WrappedKey.parse(storageForm)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void thirtyTwoCharacterIdsAreAllowed() {
        String id = "a".repeat(32);

        assertThat(WrappedKey.parse(id + ":AQID").keyId()).isEqualTo(id);
    }
}
