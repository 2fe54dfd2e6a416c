package org.vidcase.exchange.format;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A node's name for one of its series abroad: HMAC-SHA256 of the series id under the node's
 * secret, base64url without padding. Stable across exports (the same series always gives the same
 * pseudonym), meaningless without the secret, and different at every node.
 */
public final class SeriesPseudonym {

    /** Keeps these HMACs apart from any other use of the same secret. */
    private static final String DOMAIN = "vidcase-series-pseudonym-v1:";
    public static final int MIN_SECRET_BYTES = 32;

    private final SecretKeySpec key;

    public SeriesPseudonym(byte[] secret) {
        if (secret == null || secret.length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("the series-pseudonym secret must have at least " + MIN_SECRET_BYTES
                    + " bytes");
        }
        this.key = new SecretKeySpec(secret.clone(), "HmacSHA256");
    }

    public String of(UUID seriesId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] digest = mac.doFinal((DOMAIN + seriesId).getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
