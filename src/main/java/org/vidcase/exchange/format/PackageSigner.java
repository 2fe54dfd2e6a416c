package org.vidcase.exchange.format;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.ECKey;
import java.time.LocalDate;
import java.util.List;

/**
 * Signs a package: the canonical payload, gzip-compressed, as a compact JWS (ES256) whose protected
 * header names the key ({@code kid}), the object type and the payload's content type.
 */
public final class PackageSigner {

    /** {@code typ} of every package. */
    public static final String TYPE = "vidcase-package+jws";
    /** {@code cty}: the payload is the canonical JSON, gzip-compressed. */
    public static final String CONTENT_TYPE = "vidcase-package+json;gzip";

    private PackageSigner() {
    }

    /**
     * @throws IllegalArgumentException if the package breaks the format's rules: a node never signs what a hub
     *                                  would refuse
     */
    public static String sign(HashPackage p, ECKey key, PackageLimits limits) {
        List<Violation> violations = PackageRules.check(p, limits, LocalDate.now(java.time.ZoneOffset.UTC));
        if (!violations.isEmpty()) {
            throw new IllegalArgumentException("the package breaks the format's rules: " + violations);
        }
        return signUnchecked(PackageJson.canonical(p), key);
    }

    /** Signs payload bytes as they are; for tests that need packages a hub must refuse. */
    public static String signUnchecked(byte[] payloadJson, ECKey key) {
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID())
                .type(new JOSEObjectType(TYPE)).contentType(CONTENT_TYPE).build();
        JWSObject jws = new JWSObject(header, new Payload(Gzip.compress(payloadJson)));
        try {
            jws.sign(new ECDSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("signing with key " + key.getKeyID() + " failed: " + e.getMessage(), e);
        }
        return jws.serialize();
    }
}
