package org.vidcase.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.ECKey;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vidcase.exchange.format.PackageSigner;
import org.vidcase.exchange.format.SigningKeys;

/** The privacy test's search must find a canary however it is wrapped, or its silence proves nothing. */
class CanarySearchTest {

    private static final List<String> CANARIES = List.of("ZqxCanary7f3a", "zqxother91");

    @Test
    void findsACanaryInsideTheGzippedPayloadOfAJws() {
        ECKey key = SigningKeys.generate("k");
        String jws = PackageSigner.signUnchecked("{\"note\":\"zqxcanary7F3A\"}".getBytes(StandardCharsets.UTF_8), key);
        assertThat(CanarySearch.found("{\"body\":\"" + jws + "\"}", CANARIES)).containsExactly("ZqxCanary7f3a");
    }

    @Test
    void findsJsonEscapesHexByteaAndBase64() {
        assertThat(CanarySearch.found("{\"a\":\"\\u005aqxCanary7f3a\"}", CANARIES)).containsExactly("ZqxCanary7f3a");
        String bytea = "\\x" + HexFormat.of().formatHex("prefix zqxother91 suffix".getBytes(StandardCharsets.UTF_8));
        assertThat(CanarySearch.found("1\t" + bytea + "\t2", CANARIES)).containsExactly("zqxother91");
        String b64 = java.util.Base64.getEncoder().encodeToString("some text with zqxother91 in it".getBytes());
        assertThat(CanarySearch.found("x " + b64 + " y", CANARIES)).containsExactly("zqxother91");
        assertThat(CanarySearch.found("nothing here at all, only zqx", CANARIES)).isEmpty();
    }
}
