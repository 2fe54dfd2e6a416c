package org.vidcase.shared.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.Base64;
import java.util.Random;
import java.util.stream.Stream;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MasterKeyringTest {

    private static final String OLD_KEY = base64(32, 1);
    private static final String NEW_KEY = base64(32, 2);

    @Test
    void wrapsUnderTheActiveKeyAndUnwraps() {
        MasterKeyring keyring = MasterKeyring.parse("k2025b:" + OLD_KEY + ",k2026a:" + NEW_KEY, "k2026a");
        SecretKey dataKey = keyring.newDataKey();

        WrappedKey wrapped = keyring.wrap(dataKey);

        assertThat(wrapped.keyId()).isEqualTo("k2026a");
        assertThat(wrapped.wrapped()).hasSize(40).isNotEqualTo(dataKey.getEncoded());
        assertThat(keyring.unwrap(wrapped).getEncoded()).isEqualTo(dataKey.getEncoded());
        assertThat(keyring.unwrap(WrappedKey.parse(wrapped.storageForm())).getEncoded())
                .isEqualTo(dataKey.getEncoded());
    }

    @Test
    void dataWrappedBeforeARotationStillUnwraps() {
        MasterKeyring before = MasterKeyring.parse("k2025b:" + OLD_KEY, "k2025b");
        SecretKey dataKey = before.newDataKey();
        WrappedKey wrappedBefore = before.wrap(dataKey);

        MasterKeyring after = MasterKeyring.parse("k2026a:" + NEW_KEY + ",k2025b:" + OLD_KEY, "k2026a");

        assertThat(after.unwrap(wrappedBefore).getEncoded()).isEqualTo(dataKey.getEncoded());
        WrappedKey rewrapped = after.wrap(after.unwrap(wrappedBefore));
        assertThat(rewrapped.keyId()).isEqualTo("k2026a");
        assertThat(after.unwrap(rewrapped).getEncoded()).isEqualTo(dataKey.getEncoded());
    }

    @Test
    void unknownKeyIdIsNamed() {
        MasterKeyring retired = MasterKeyring.parse("k2024:" + OLD_KEY, "k2024");
        WrappedKey wrapped = retired.wrap(retired.newDataKey());
        MasterKeyring current = MasterKeyring.parse("k2026a:" + NEW_KEY, "k2026a");

        assertThatThrownBy(() -> current.unwrap(wrapped))
                .isInstanceOf(UnknownMasterKeyException.class)
                .hasMessageContaining("'k2024'")
                .hasMessageContaining("[k2026a]")
                .satisfies(e -> assertThat(((UnknownMasterKeyException) e).keyId()).isEqualTo("k2024"));
    }

    @Test
    void keyIdReusedForOtherKeyMaterialIsDetected() {
        WrappedKey wrapped = MasterKeyring.parse("k1:" + OLD_KEY, "k1").wrap(new SecretKeySpec(new byte[32], "AES"));
        MasterKeyring reused = MasterKeyring.parse("k1:" + NEW_KEY, "k1");

        assertThatThrownBy(() -> reused.unwrap(wrapped))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("does not unwrap under key 'k1'");
    }

    @Test
    void modifiedWrappedKeyIsDetected() {
        MasterKeyring keyring = MasterKeyring.parse("k1:" + OLD_KEY, "k1");
        byte[] wrapped = keyring.wrap(keyring.newDataKey()).wrapped();
        wrapped[20] ^= 0x01;

        assertThatThrownBy(() -> keyring.unwrap(new WrappedKey("k1", wrapped)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("does not unwrap");
    }

    @Test
    void newDataKeysAreFreshAes256Keys() {
        MasterKeyring keyring = MasterKeyring.parse("k1:" + OLD_KEY, "k1");

        SecretKey first = keyring.newDataKey();
        SecretKey second = keyring.newDataKey();

        assertThat(first.getAlgorithm()).isEqualTo("AES");
        assertThat(first.getEncoded()).hasSize(32).isNotEqualTo(second.getEncoded());
    }

    @Test
    void wrapRefusesKeysOtherThanAes256() {
        MasterKeyring keyring = MasterKeyring.parse("k1:" + OLD_KEY, "k1");

        assertThatThrownBy(() -> keyring.wrap(new SecretKeySpec(new byte[16], "AES")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Data key must be a 256-bit AES key");
    }

    @Test
    void toleratesWhitespaceAroundEntries() {
        MasterKeyring keyring = MasterKeyring.parse(" k1 : " + OLD_KEY + " ,\n k.2_b-3:" + NEW_KEY + "\n", "k.2_b-3");

        assertThat(keyring.keyIds()).containsExactly("k1", "k.2_b-3");
        assertThat(keyring.activeKeyId()).isEqualTo("k.2_b-3");
    }

    static Stream<Arguments> badConfigurations() {
        return Stream.of(
                arguments(null, "k1", "No master keys configured"),
                arguments("  ", "k1", "No master keys configured"),
                arguments("k1" + OLD_KEY, "k1", "entry 1 is not of the form keyId:base64"),
                arguments("k1:" + OLD_KEY + ",", "k1", "entry 2 is not of the form keyId:base64"),
                arguments("k1:" + OLD_KEY + ",k 2:" + NEW_KEY, "k1", "entry 2: the key id must be 1 to 32 characters"),
                arguments(":" + OLD_KEY, "k1", "entry 1: the key id must be"),
                arguments(OLD_KEY + ":k1", "k1", "entry 1: the key id must be"),
                arguments("k1:" + OLD_KEY + ",k1:" + NEW_KEY, "k1", "Master key id 'k1' is configured more than once"),
                arguments("k1:" + OLD_KEY.replace('=', '!'), "k1", "Master key 'k1' is not valid Base64"),
                arguments("k1:" + base64(16, 3), "k1", "Master key 'k1' is 16 bytes; it must be 32 (AES-256)"),
                arguments("k1:" + base64(33, 3), "k1", "Master key 'k1' is 33 bytes; it must be 32 (AES-256)"),
                arguments("k1:" + OLD_KEY, null, "No active master key id configured"),
                arguments("k1:" + OLD_KEY, " ", "No active master key id configured"),
                arguments("k1:" + OLD_KEY, NEW_KEY, "Active master key id must be 1 to 32 characters"),
                arguments("k1:" + OLD_KEY + ",k2:" + NEW_KEY, "k3",
                        "Active master key id 'k3' is not among the configured master keys [k1, k2]"));
    }

    @ParameterizedTest
    @MethodSource("badConfigurations")
    void badConfigurationIsExplainedWithoutKeyMaterial(String masterKeys, String activeKeyId, String explanation) {
        assertThatThrownBy(() -> MasterKeyring.parse(masterKeys, activeKeyId))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(explanation)
                .message()
                .doesNotContain(OLD_KEY.substring(0, 12), NEW_KEY.substring(0, 12), base64(16, 3).substring(0, 12));
    }

    @Test
    void generatedEntriesAreFreshAndUsable() {
        String first = MasterKeyring.generateEntry("k2026a");
        String second = MasterKeyring.generateEntry("k2026a");

        assertThat(first).startsWith("k2026a:").isNotEqualTo(second);
        MasterKeyring keyring = MasterKeyring.parse(first, "k2026a");
        SecretKey dataKey = keyring.newDataKey();
        assertThat(keyring.unwrap(keyring.wrap(dataKey)).getEncoded()).isEqualTo(dataKey.getEncoded());
        assertThatThrownBy(() -> MasterKeyring.generateEntry("no spaces"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void toStringShowsIdsButNoKeyMaterial() {
        MasterKeyring keyring = MasterKeyring.parse("k1:" + OLD_KEY + ",k2:" + NEW_KEY, "k2");

        assertThat(keyring.toString())
                .isEqualTo("MasterKeyring[active=k2, ids=[k1, k2]]");
    }

    private static String base64(int length, int seed) {
        byte[] bytes = new byte[length];
        new Random(seed).nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }
}
