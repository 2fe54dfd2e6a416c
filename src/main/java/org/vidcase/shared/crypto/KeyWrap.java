package org.vidcase.shared.crypto;

import java.security.GeneralSecurityException;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;

/** AES Key Wrap (RFC 3394) of one AES-256 key under another: master keys and case keys alike. */
final class KeyWrap {

    private static final String ALGORITHM = "AESWrap";

    private KeyWrap() {
    }

    static byte[] wrap(SecretKey wrappingKey, SecretKey key) {
        AesKeys.requireAes256(key, "Wrapped key");
        try {
            Cipher cipher = Cipher.getInstance(ALGORITHM);
            cipher.init(Cipher.WRAP_MODE, wrappingKey);
            return cipher.wrap(key);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES key wrap failed", e);
        }
    }

    /** @throws IllegalArgumentException if the wrapped bytes fail their integrity check under this key */
    static SecretKey unwrap(SecretKey wrappingKey, WrappedKey wrapped) {
        Cipher cipher;
        try {
            cipher = Cipher.getInstance(ALGORITHM);
            cipher.init(Cipher.UNWRAP_MODE, wrappingKey);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES key unwrap is not available", e);
        }
        try {
            return AesKeys.requireAes256(
                    (SecretKey) cipher.unwrap(wrapped.wrapped(), "AES", Cipher.SECRET_KEY), "Unwrapped key");
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("Wrapped key does not unwrap under key '" + wrapped.keyId()
                    + "': it was modified, or that id names different key material now");
        }
    }
}
