package org.vidcase.shared.crypto;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The master keys that wrap per-object data keys, by key id. New data keys are wrapped under the
 * active key; unwrapping picks the key named in the {@link WrappedKey}, so rotating is adding a
 * key, making it active, and keeping the old one until everything wrapped under it is re-wrapped.
 *
 * <p>Wrapping is AES Key Wrap (RFC 3394, NIST SP 800-38F "KW", JCE {@code AESWrap}) rather than
 * AES-GCM: it is deterministic, so there is no nonce to get wrong and no bound on how many keys one
 * master key may wrap (GCM with random nonces is limited to 2^32 per key); it carries its own
 * integrity check; its output is 40 bytes instead of 60; and it is the mechanism HSMs and cloud
 * KMSs offer (PKCS#11 {@code CKM_AES_KEY_WRAP}), so master keys can move into one without
 * re-wrapping. Its determinism reveals only whether two wrapped keys are equal, and data keys are
 * random and never reused.
 *
 * <p>Messages name key ids and entry positions but never key material, since they end up in
 * start-up logs. Immutable and thread-safe.
 */
public final class MasterKeyring {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, SecretKey> keys;
    private final String activeKeyId;

    private MasterKeyring(Map<String, SecretKey> keys, String activeKeyId) {
        this.keys = Collections.unmodifiableMap(keys);
        this.activeKeyId = activeKeyId;
    }

    /**
     * @param masterKeys  comma-separated {@code keyId:base64} entries, each a 32-byte key, e.g.
     *                    {@code k2026a:BASE64,k2025b:BASE64}
     * @param activeKeyId the id of the key that wraps new data keys
     * @throws IllegalArgumentException naming the faulty entry or id, never the key material
     */
    public static MasterKeyring parse(String masterKeys, String activeKeyId) {
        if (masterKeys == null || masterKeys.isBlank()) {
            throw new IllegalArgumentException("No master keys configured; expected keyId:base64[,keyId:base64...]");
        }
        Map<String, SecretKey> keys = new LinkedHashMap<>();
        String[] entries = masterKeys.split(",", -1);
        for (int i = 0; i < entries.length; i++) {
            addEntry(keys, i + 1, entries[i].strip());
        }
        if (activeKeyId == null || activeKeyId.isBlank()) {
            throw new IllegalArgumentException("No active master key id configured");
        }
        if (!WrappedKey.isValidKeyId(activeKeyId)) {
            throw new IllegalArgumentException("Active master key id must be " + WrappedKey.KEY_ID_RULE);
        }
        if (!keys.containsKey(activeKeyId)) {
            throw new IllegalArgumentException("Active master key id '" + activeKeyId
                    + "' is not among the configured master keys " + keys.keySet());
        }
        return new MasterKeyring(keys, activeKeyId);
    }

    private static void addEntry(Map<String, SecretKey> keys, int position, String entry) {
        int colon = entry.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("Master key entry " + position + " is not of the form keyId:base64");
        }
        String keyId = entry.substring(0, colon).strip();
        if (!WrappedKey.isValidKeyId(keyId)) {
            throw new IllegalArgumentException("Master key entry " + position + ": the key id must be "
                    + WrappedKey.KEY_ID_RULE);
        }
        if (keys.containsKey(keyId)) {
            throw new IllegalArgumentException("Master key id '" + keyId + "' is configured more than once");
        }
        byte[] material;
        try {
            material = Base64.getDecoder().decode(entry.substring(colon + 1).strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Master key '" + keyId + "' is not valid Base64");
        }
        try {
            if (material.length != AesKeys.KEY_LENGTH) {
                throw new IllegalArgumentException("Master key '" + keyId + "' is " + material.length
                        + " bytes; it must be " + AesKeys.KEY_LENGTH + " (AES-256)");
            }
            keys.put(keyId, new SecretKeySpec(material, "AES"));
        } finally {
            Arrays.fill(material, (byte) 0);
        }
    }

    /**
     * A fresh entry {@code keyId:base64} for operators to append to the configuration; equivalent
     * to {@code echo "keyId:$(openssl rand -base64 32)"}.
     */
    public static String generateEntry(String keyId) {
        if (!WrappedKey.isValidKeyId(keyId)) {
            throw new IllegalArgumentException("Master key id must be " + WrappedKey.KEY_ID_RULE);
        }
        byte[] material = new byte[AesKeys.KEY_LENGTH];
        RANDOM.nextBytes(material);
        try {
            return keyId + ':' + Base64.getEncoder().encodeToString(material);
        } finally {
            Arrays.fill(material, (byte) 0);
        }
    }

    public String activeKeyId() {
        return activeKeyId;
    }

    public Set<String> keyIds() {
        return keys.keySet();
    }

    /** A fresh random AES-256 key for one object. */
    public SecretKey newDataKey() {
        byte[] material = new byte[AesKeys.KEY_LENGTH];
        RANDOM.nextBytes(material);
        try {
            return new SecretKeySpec(material, "AES");
        } finally {
            Arrays.fill(material, (byte) 0);
        }
    }

    /** Wraps {@code dataKey} under the active master key. */
    public WrappedKey wrap(SecretKey dataKey) {
        AesKeys.requireAes256(dataKey, "Data key");
        return new WrappedKey(activeKeyId, KeyWrap.wrap(keys.get(activeKeyId), dataKey));
    }

    /**
     * @throws UnknownMasterKeyException if the keyring has no key with the wrapped key's id
     * @throws IllegalArgumentException  if the wrapped key fails its integrity check
     */
    public SecretKey unwrap(WrappedKey wrappedKey) {
        Objects.requireNonNull(wrappedKey, "wrappedKey");
        SecretKey masterKey = keys.get(wrappedKey.keyId());
        if (masterKey == null) {
            throw new UnknownMasterKeyException(wrappedKey.keyId(), keys.keySet());
        }
        return KeyWrap.unwrap(masterKey, wrappedKey);
    }

    /** Whether {@code keyId} names one of this keyring's master keys. */
    public boolean holds(String keyId) {
        return keys.containsKey(keyId);
    }

    /** Ids only: the keys themselves must never reach a log. */
    @Override
    public String toString() {
        return "MasterKeyring[active=" + activeKeyId + ", ids=" + keys.keySet() + "]";
    }
}
