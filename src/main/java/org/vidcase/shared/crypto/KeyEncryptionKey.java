package org.vidcase.shared.crypto;

import java.util.Objects;

import javax.crypto.SecretKey;

/**
 * A key that wraps data keys under an id of its own, e.g. a case's key-encryption key: data keys of
 * the evidence a case holds are wrapped under it, so that destroying it makes them unreadable.
 */
public final class KeyEncryptionKey {

    private final String keyId;
    private final SecretKey key;

    public KeyEncryptionKey(String keyId, SecretKey key) {
        if (!WrappedKey.isValidKeyId(keyId)) {
            throw new IllegalArgumentException("Key id must be " + WrappedKey.KEY_ID_RULE);
        }
        this.keyId = keyId;
        this.key = AesKeys.requireAes256(key, "Key-encryption key");
    }

    public String keyId() {
        return keyId;
    }

    public WrappedKey wrap(SecretKey dataKey) {
        return new WrappedKey(keyId, KeyWrap.wrap(key, dataKey));
    }

    /** @throws IllegalArgumentException if the wrapped key names another id or fails its integrity check */
    public SecretKey unwrap(WrappedKey wrapped) {
        Objects.requireNonNull(wrapped, "wrapped");
        if (!keyId.equals(wrapped.keyId())) {
            throw new IllegalArgumentException("Wrapped key names key '" + wrapped.keyId() + "', not '" + keyId + "'");
        }
        return KeyWrap.unwrap(key, wrapped);
    }

    /** The id only: key material must never reach a log. */
    @Override
    public String toString() {
        return "KeyEncryptionKey[" + keyId + "]";
    }
}
