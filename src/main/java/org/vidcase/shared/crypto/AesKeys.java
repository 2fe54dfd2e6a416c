package org.vidcase.shared.crypto;

import java.util.Arrays;
import java.util.Objects;
import javax.crypto.SecretKey;

/** The one key size used for evidence: AES-256, for both master and data keys. */
final class AesKeys {

    static final int KEY_LENGTH = 32;

    private AesKeys() {
    }

    /** Refuses keys that would silently give a weaker cipher, e.g. a 128-bit key from elsewhere. */
    static SecretKey requireAes256(SecretKey key, String role) {
        Objects.requireNonNull(key, role);
        byte[] encoded = key.getEncoded();
        try {
            if (!"AES".equalsIgnoreCase(key.getAlgorithm()) || encoded == null || encoded.length != KEY_LENGTH) {
                throw new IllegalArgumentException(role + " must be a 256-bit AES key");
            }
            return key;
        } finally {
            if (encoded != null) {
                Arrays.fill(encoded, (byte) 0);
            }
        }
    }
}
