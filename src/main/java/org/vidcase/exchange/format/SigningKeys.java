package org.vidcase.exchange.format;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A node's signing keys: a JWK set of EC P-256 private keys, each with a key id, and the id of the
 * one that signs now. Retired keys stay in the set so that their public halves can still be
 * published; the hub keeps verifying packages they signed until it revokes them.
 */
public final class SigningKeys {

    private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private final List<ECKey> keys;
    private final ECKey current;

    private SigningKeys(List<ECKey> keys, ECKey current) {
        this.keys = List.copyOf(keys);
        this.current = current;
    }

    /**
     * @throws IllegalArgumentException naming the key at fault (never key material) if the set is not
     *                                  JSON, a key is not an EC P-256 private key with a well-formed
     *                                  unique id, or {@code currentKeyId} is not in the set
     */
    public static SigningKeys parse(String jwkSetJson, String currentKeyId) {
        JWKSet set;
        try {
            set = JWKSet.parse(jwkSetJson);
        } catch (ParseException e) {
            throw new IllegalArgumentException("the signing keys are not a JWK set: " + e.getMessage());
        }
        List<ECKey> keys = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (JWK jwk : set.getKeys()) {
            String id = jwk.getKeyID();
            if (id == null || !KEY_ID.matcher(id).matches()) {
                throw new IllegalArgumentException("every signing key needs a key id of 1 to 64 letters, digits or . _ -");
            }
            if (!ids.add(id)) {
                throw new IllegalArgumentException("signing key id " + id + " appears twice");
            }
            if (!(jwk instanceof ECKey ec) || !Curve.P_256.equals(ec.getCurve()) || !ec.isPrivate()) {
                throw new IllegalArgumentException("signing key " + id + " must be an EC P-256 private key (ES256)");
            }
            keys.add(ec);
        }
        ECKey current = keys.stream().filter(k -> k.getKeyID().equals(currentKeyId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("the current signing key id " + currentKeyId
                        + " is not in the signing key set " + ids));
        return new SigningKeys(keys, current);
    }

    /** A fresh P-256 key for ES256 signatures with this key id. */
    public static ECKey generate(String keyId) {
        if (!KEY_ID.matcher(keyId).matches()) {
            throw new IllegalArgumentException("a key id is 1 to 64 letters, digits or . _ -");
        }
        try {
            return new ECKeyGenerator(Curve.P_256).keyID(keyId).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.ES256)
                    .generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("EC key generation is not available", e);
        }
    }

    public static boolean isKeyId(String value) {
        return value != null && KEY_ID.matcher(value).matches();
    }

    public ECKey current() {
        return current;
    }

    /** The public halves of every key, current and retired, to hand to the hub. */
    public JWKSet publicKeys() {
        return new JWKSet(keys.stream().map(k -> (JWK) k.toPublicJWK()).toList());
    }
}
