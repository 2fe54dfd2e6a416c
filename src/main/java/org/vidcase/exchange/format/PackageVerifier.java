package org.vidcase.exchange.format;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jose.util.JSONObjectUtils;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.ParseException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.vidcase.exchange.format.PackageRejectedException.Reason;

/**
 * Checks a compact JWS package as a hub must before it stores anything: size, header (ES256 only,
 * the package's type, a key id, no critical extensions), the key (known, not revoked), the
 * signature, then the payload (bounded inflation, strict canonical JSON, the format's rules).
 */
public final class PackageVerifier {

    private static final Set<String> ALLOWED_HEADER = Set.of("alg", "kid", "typ", "cty");

    /** The public key registered under a key id, and when it was revoked (null: it was not). */
    public record RegisteredKey(JWK key, Instant revokedAt) {
    }

    /** Looks a key id up among the sender's keys; null when the sender has no key with that id. */
    @FunctionalInterface
    public interface KeyResolver {
        RegisteredKey resolve(String keyId);
    }

    /** A package that passed every check: its payload, the key that signed it, and the SHA-256 of its canonical JSON. */
    public record Verified(HashPackage payload, String keyId, String payloadSha256) {
    }

    private PackageVerifier() {
    }

    public static Verified verify(String compact, KeyResolver keys, PackageLimits limits, LocalDate today)
            throws PackageRejectedException {
        if (compact == null || compact.isBlank()) {
            throw new PackageRejectedException(Reason.MALFORMED, "The body is empty: send the package as a compact JWS");
        }
        String text = compact.strip();
        if (text.length() > limits.maxPackageBytes()) {
            throw new PackageRejectedException(Reason.OVERSIZE, "The package has " + text.length()
                    + " bytes; at most " + limits.maxPackageBytes() + " are accepted");
        }
        String[] parts = text.split("\\.", -1);
        if (parts.length == 5) {
            throw new PackageRejectedException(Reason.MALFORMED, "The package is an encrypted JWE; send a signed JWS");
        }
        if (parts.length != 3) {
            throw new PackageRejectedException(Reason.MALFORMED,
                    "The package is not a compact JWS (three base64url parts separated by dots)");
        }
        Map<String, Object> header = header(parts[0]);
        Object alg = header.get("alg");
        if (alg == null || "none".equalsIgnoreCase(String.valueOf(alg)) || parts[2].isEmpty()) {
            throw new PackageRejectedException(Reason.UNSIGNED, "The package is not signed; packages must be signed "
                    + "with ES256 by a key registered for the sending node");
        }
        if (!JWSAlgorithm.ES256.getName().equals(alg)) {
            throw new PackageRejectedException(Reason.UNSUPPORTED_ALGORITHM, "Signature algorithm " + alg
                    + " is not accepted; packages are signed with ES256");
        }
        for (String name : header.keySet()) {
            if (!ALLOWED_HEADER.contains(name)) {
                throw new PackageRejectedException(Reason.UNSUPPORTED_ALGORITHM, "Header parameter '" + name
                        + "' is not part of the package format; the header holds only alg, kid, typ and cty");
            }
        }
        if (!PackageSigner.TYPE.equals(header.get("typ")) || !PackageSigner.CONTENT_TYPE.equals(header.get("cty"))) {
            throw new PackageRejectedException(Reason.MALFORMED, "The header must say typ \"" + PackageSigner.TYPE
                    + "\" and cty \"" + PackageSigner.CONTENT_TYPE + "\"");
        }
        Object kid = header.get("kid");
        if (!(kid instanceof String keyId) || !SigningKeys.isKeyId(keyId)) {
            throw new PackageRejectedException(Reason.UNKNOWN_KEY, "The header names no well-formed key id (kid)");
        }
        RegisteredKey registered = keys.resolve(keyId);
        if (registered == null) {
            throw new PackageRejectedException(Reason.UNKNOWN_KEY, "Key " + keyId
                    + " is not registered for the sending node");
        }
        if (registered.revokedAt() != null) {
            throw new PackageRejectedException(Reason.REVOKED_KEY, "Key " + keyId + " was revoked on "
                    + registered.revokedAt() + "; packages it signed are no longer accepted");
        }
        JWSObject jws;
        try {
            jws = JWSObject.parse(text);
        } catch (ParseException e) {
            throw new PackageRejectedException(Reason.MALFORMED, "The package is not a readable JWS: " + e.getMessage());
        }
        if (!verifies(jws, registered.key())) {
            throw new PackageRejectedException(Reason.BAD_SIGNATURE, "The signature does not verify with key " + keyId
                    + ": the package was changed after signing, or signed with another key");
        }
        byte[] json = Gzip.decompress(jws.getPayload().toBytes(), limits.maxPayloadBytes());
        HashPackage payload = PackageJson.read(json);
        if (payload.entries().size() > limits.maxEntries() || payload.feedback().size() > limits.maxEntries()
                || payload.revocations().size() > limits.maxEntries()) {
            throw new PackageRejectedException(Reason.OVERSIZE, "The package holds more than " + limits.maxEntries()
                    + " entries, feedback items or revocations; split it");
        }
        List<Violation> violations = PackageRules.check(payload, limits, today);
        if (!violations.isEmpty()) {
            throw new PackageRejectedException(Reason.INVALID, "The package breaks the format's rules: "
                    + violations.get(0) + (violations.size() > 1 ? " (and " + (violations.size() - 1) + " more)" : ""),
                    violations);
        }
        return new Verified(payload, keyId, sha256(json));
    }

    private static Map<String, Object> header(String part) throws PackageRejectedException {
        try {
            return JSONObjectUtils.parse(new Base64URL(part).decodeToString());
        } catch (ParseException | RuntimeException e) {
            throw new PackageRejectedException(Reason.MALFORMED, "The JWS header is not base64url-encoded JSON");
        }
    }

    private static boolean verifies(JWSObject jws, JWK key) throws PackageRejectedException {
        if (!(key instanceof ECKey ec) || !Curve.P_256.equals(ec.getCurve())) {
            throw new PackageRejectedException(Reason.UNSUPPORTED_ALGORITHM, "Key " + key.getKeyID()
                    + " is not an EC P-256 key");
        }
        try {
            return jws.verify(new ECDSAVerifier(ec.toPublicJWK()));
        } catch (JOSEException e) {
            return false;
        }
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
