package org.vidcase.exchange.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.util.Base64URL;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vidcase.exchange.format.PackageRejectedException.Reason;

class PackageSignatureTest {

    private static final ECKey OLD = SigningKeys.generate("nl-2025");
    private static final ECKey CURRENT = SigningKeys.generate("nl-2026");
    private static final ECKey STRANGER = SigningKeys.generate("nl-2026");

    private final Map<String, PackageVerifier.RegisteredKey> registry = new HashMap<>(Map.of(
            "nl-2025", new PackageVerifier.RegisteredKey(OLD.toPublicJWK(), null),
            "nl-2026", new PackageVerifier.RegisteredKey(CURRENT.toPublicJWK(), null)));

    private PackageVerifier.Verified verify(String compact) throws PackageRejectedException {
        return PackageVerifier.verify(compact, registry::get, PackageLimits.DEFAULT, PackageFixture.TODAY);
    }

    private Reason refusal(String compact) {
        try {
            verify(compact);
        } catch (PackageRejectedException e) {
            return e.reason();
        }
        throw new AssertionError("accepted");
    }

    @Test
    void aSignedPackageVerifiesAndNamesItsKey() throws Exception {
        HashPackage p = PackageFixture.withEntries(3);
        String compact = PackageSigner.sign(p, CURRENT, PackageLimits.DEFAULT);
        PackageVerifier.Verified v = verify(compact);
        assertThat(v.payload()).isEqualTo(p);
        assertThat(v.keyId()).isEqualTo("nl-2026");
        assertThat(v.payloadSha256()).isEqualTo(PackageVerifier.sha256(PackageJson.canonical(p)));
        JWSHeader header = JWSObject.parse(compact).getHeader();
        assertThat(header.getAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
        assertThat(header.getType().getType()).isEqualTo(PackageSigner.TYPE);
        assertThat(header.getContentType()).isEqualTo(PackageSigner.CONTENT_TYPE);
        assertThat(header.toJSONObject()).containsOnlyKeys("alg", "kid", "typ", "cty");
    }

    @Test
    void aPackageSignedBeforeARotationStillVerifiesUntilItsKeyIsRevoked() throws Exception {
        String signedLastYear = PackageSigner.sign(PackageFixture.withEntries(1), OLD, PackageLimits.DEFAULT);
        assertThat(verify(signedLastYear).keyId()).isEqualTo("nl-2025");
        registry.put("nl-2025", new PackageVerifier.RegisteredKey(OLD.toPublicJWK(), Instant.parse("2026-11-30T10:00:00Z")));
        assertThatThrownBy(() -> verify(signedLastYear)).isInstanceOf(PackageRejectedException.class)
                .hasMessage("Key nl-2025 was revoked on 2026-11-30T10:00:00Z; packages it signed are no longer accepted");
    }

    @Test
    void aChangedPayloadOrHeaderOrAnotherKeyFailsTheSignature() {
        String compact = PackageSigner.sign(PackageFixture.withEntries(2), CURRENT, PackageLimits.DEFAULT);
        String[] parts = compact.split("\\.");
        String otherPayload = Base64URL.encode(Gzip.compress(PackageJson.canonical(PackageFixture.withEntries(3))))
                .toString();
        assertThat(refusal(parts[0] + "." + otherPayload + "." + parts[2])).isEqualTo(Reason.BAD_SIGNATURE);
        char[] sig = parts[2].toCharArray();
        sig[10] = sig[10] == 'A' ? 'B' : 'A';
        assertThat(refusal(parts[0] + "." + parts[1] + "." + new String(sig))).isEqualTo(Reason.BAD_SIGNATURE);
        assertThat(refusal(PackageSigner.sign(PackageFixture.withEntries(2), STRANGER, PackageLimits.DEFAULT)))
                .isEqualTo(Reason.BAD_SIGNATURE);
        String otherKid = Base64URL.encode(new String(new Base64URL(parts[0]).decode(), StandardCharsets.UTF_8)
                .replace("nl-2026", "nl-2025")).toString();
        assertThat(refusal(otherKid + "." + parts[1] + "." + parts[2])).isEqualTo(Reason.BAD_SIGNATURE);
    }

    @Test
    void unsignedForeignAlgorithmsUnknownKeysAndExtraHeadersAreRefused() throws Exception {
        byte[] payload = Gzip.compress(PackageJson.canonical(PackageFixture.withEntries(1)));
        String none = Base64URL.encode("{\"alg\":\"none\",\"kid\":\"nl-2026\"}") + "." + Base64URL.encode(payload) + ".";
        assertThat(refusal(none)).isEqualTo(Reason.UNSIGNED);
        JWSObject hmac = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("nl-2026").build(), new Payload(payload));
        hmac.sign(new MACSigner(new byte[32]));
        assertThat(refusal(hmac.serialize())).isEqualTo(Reason.UNSUPPORTED_ALGORITHM);
        assertThat(refusal(PackageSigner.sign(PackageFixture.withEntries(1), SigningKeys.generate("de-1"),
                PackageLimits.DEFAULT))).isEqualTo(Reason.UNKNOWN_KEY);
        JWSObject withJwk = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID("nl-2026")
                .type(new com.nimbusds.jose.JOSEObjectType(PackageSigner.TYPE)).contentType(PackageSigner.CONTENT_TYPE)
                .jwk(STRANGER.toPublicJWK()).build(), new Payload(payload));
        withJwk.sign(new com.nimbusds.jose.crypto.ECDSASigner(STRANGER));
        assertThat(refusal(withJwk.serialize())).isEqualTo(Reason.UNSUPPORTED_ALGORITHM);
        assertThat(refusal("not.a-jws")).isEqualTo(Reason.MALFORMED);
        assertThat(refusal("a.b.c.d.e")).isEqualTo(Reason.MALFORMED);
        assertThat(refusal("")).isEqualTo(Reason.MALFORMED);
    }

    @Test
    void aSignedPayloadThatBreaksTheRulesIsInvalidWithItsPointers() throws Exception {
        String json = new String(PackageJson.canonical(PackageFixture.withEntries(2)), StandardCharsets.UTF_8)
                .replaceFirst("\"category\":\"1\"", "\"category\":\"9\"");
        PackageRejectedException e = catchRefusal(PackageSigner.signUnchecked(json.getBytes(StandardCharsets.UTF_8), CURRENT));
        assertThat(e.reason()).isEqualTo(Reason.INVALID);
        assertThat(e.violations()).extracting(Violation::pointer).containsExactly("/entries/0/category");
        assertThat(e.getMessage()).contains("unknown category '9'");
    }

    @Test
    void oversizePackagesAndPayloadsThatInflateTooFarAreRefused() {
        PackageLimits small = new PackageLimits(4_000, 1 << 20, 10, 5);
        String big = PackageSigner.sign(PackageFixture.withEntries(11), CURRENT, PackageLimits.DEFAULT);
        assertThatThrownBy(() -> PackageVerifier.verify(big, registry::get, small, PackageFixture.TODAY))
                .isInstanceOf(PackageRejectedException.class).extracting(e -> ((PackageRejectedException) e).reason())
                .isEqualTo(Reason.OVERSIZE);
        PackageLimits entries = new PackageLimits(1 << 20, 1 << 20, 10, 5);
        assertThatThrownBy(() -> PackageVerifier.verify(big, registry::get, entries, PackageFixture.TODAY))
                .hasMessageContaining("more than 10 entries");
        // 64 MiB of spaces compress to a few kilobytes: a bomb is stopped at the inflation limit.
        byte[] bomb = new byte[64 << 20];
        java.util.Arrays.fill(bomb, (byte) ' ');
        String compact = PackageSigner.signUnchecked(bomb, CURRENT);
        assertThat(compact.length()).isLessThan(1 << 20);
        PackageLimits inflation = new PackageLimits(1 << 20, 1 << 20, 10, 5);
        assertThatThrownBy(() -> PackageVerifier.verify(compact, registry::get, inflation, PackageFixture.TODAY))
                .hasMessage("The payload inflates to more than 1048576 bytes");
    }

    @Test
    void signingKeysComeFromAJwkSetWithACurrentKey() {
        String set = new JWKSet(List.of(OLD, CURRENT)).toString(false);
        SigningKeys keys = SigningKeys.parse(set, "nl-2026");
        assertThat(keys.current().getKeyID()).isEqualTo("nl-2026");
        assertThat(keys.publicKeys().getKeys()).hasSize(2).allMatch(k -> !k.isPrivate());
        assertThatThrownBy(() -> SigningKeys.parse(set, "nl-2027")).hasMessageContaining("nl-2027 is not in the signing key set");
        String publicOnly = new JWKSet(List.of(CURRENT.toPublicJWK())).toString(false);
        assertThatThrownBy(() -> SigningKeys.parse(publicOnly, "nl-2026")).hasMessageContaining("private key");
        assertThatThrownBy(() -> SigningKeys.parse("{", "x")).hasMessageContaining("not a JWK set");
    }

    @Test
    void aNodeNeverSignsWhatAHubWouldRefuse() {
        HashPackage p = PackageFixture.withEntries(1);
        HashPackage wrong = new HashPackage(p.packageId(), "XX", p.created(), p.entries(), List.of(), List.of(), List.of());
        assertThatThrownBy(() -> PackageSigner.sign(wrong, CURRENT, PackageLimits.DEFAULT))
                .hasMessageContaining("/issuingCountry");
    }

    private PackageRejectedException catchRefusal(String compact) {
        try {
            verify(compact);
        } catch (PackageRejectedException e) {
            return e;
        }
        throw new AssertionError("accepted");
    }
}
