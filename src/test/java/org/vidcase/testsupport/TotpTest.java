package org.vidcase.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The test vectors of RFC 6238 (SHA-1), truncated to 6 digits as authenticator apps show them. */
class TotpTest {

    private static final byte[] KEY = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

    @Test
    void matchesTheRfcVectors() {
        assertThat(Totp.code(KEY, 59)).isEqualTo("287082");
        assertThat(Totp.code(KEY, 1111111109)).isEqualTo("081804");
        assertThat(Totp.code(KEY, 1234567890)).isEqualTo("005924");
        assertThat(Totp.code(KEY, 2000000000)).isEqualTo("279037");
    }
}
