package org.vidcase.media.infra;

import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import javax.crypto.SecretKey;

import jakarta.enterprise.context.ApplicationScoped;
import org.vidcase.shared.crypto.KeyEncryptionKey;
import org.vidcase.shared.crypto.MasterKeyring;
import org.vidcase.shared.crypto.WrappedKey;

/**
 * Which key wraps an evidence object's data key. Evidence of a case is wrapped under that case's
 * key-encryption key (key id {@code c.<case>}), itself wrapped under the active master key in the
 * {@link CaseKeyStore}; what belongs to no case (a hash-set file while it is imported) is wrapped
 * under the master key directly. Unwrapping follows the key id, so objects filed before case keys
 * existed (master key ids) stay readable.
 */
@ApplicationScoped
public class EvidenceKeys {

    /**
     * Case keys in use are kept unwrapped in memory, at most this many and for at most
     * {@link #CACHE_FOR_NANOS}: a key another replica destroyed is forgotten here within that time.
     */
    private static final int CACHED_CASE_KEYS = 1_000;
    private static final long CACHE_FOR_NANOS = 10L * 60 * 1_000_000_000;
    private static final String CASE_PREFIX = "c.";

    private final MasterKeyring master;
    private final CaseKeyStore store;
    private final Map<UUID, Cached> cache = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<UUID, Cached> eldest) {
            return size() > CACHED_CASE_KEYS;
        }
    };

    public EvidenceKeys(EvidenceConfig config, CaseKeyStore store) {
        this.master = MasterKeyring.parse(config.masterKeys(), config.activeKeyId());
        if (master.keyIds().stream().anyMatch(id -> id.startsWith(CASE_PREFIX))) {
            throw new IllegalArgumentException("Master key ids must not start with '" + CASE_PREFIX
                    + "': that prefix names case keys");
        }
        this.store = store;
    }

    public SecretKey newDataKey() {
        return master.newDataKey();
    }

    /** Wraps the data key under the case's key, made (and stored) on first use. */
    public WrappedKey wrapForCase(UUID caseId, SecretKey dataKey) {
        return caseKey(caseId, true).wrap(dataKey);
    }

    /** Wraps a data key that belongs to no case under the active master key. */
    public WrappedKey wrapForNoCase(SecretKey dataKey) {
        return master.wrap(dataKey);
    }

    /**
     * @throws DestroyedCaseKeyException if the data key was wrapped under a case key since destroyed
     * @throws IllegalArgumentException   if the wrapped key is not valid under the key it names
     */
    public SecretKey unwrap(WrappedKey wrapped) {
        UUID caseId = caseOf(wrapped.keyId());
        if (caseId == null) {
            return master.unwrap(wrapped);
        }
        return caseKey(caseId, false).unwrap(wrapped);
    }

    public SecretKey unwrap(String storageForm) {
        return unwrap(WrappedKey.parse(storageForm));
    }

    /** Whether the wrapped key depends on no case key (it was wrapped under a master key). */
    public boolean isMasterWrapped(String storageForm) {
        return caseOf(WrappedKey.parse(storageForm).keyId()) == null;
    }

    /** Destroys the case's key (crypto-shredding); idempotent. Returns whether a key was there. */
    public boolean destroyCaseKey(UUID caseId) {
        synchronized (cache) {
            cache.remove(caseId);
        }
        return store.destroy(caseId);
    }

    public boolean caseKeyDestroyed(UUID caseId) {
        return store.isDestroyed(caseId);
    }

    private KeyEncryptionKey caseKey(UUID caseId, boolean create) {
        synchronized (cache) {
            Cached cached = cache.get(caseId);
            if (cached != null && System.nanoTime() - cached.loadedAt() < CACHE_FOR_NANOS) {
                return cached.key();
            }
        }
        String stored = store.find(caseId).orElse(null);
        if (stored == null) {
            if (!create) {
                throw new DestroyedCaseKeyException(caseId);
            }
            stored = store.putIfAbsent(caseId, master.wrap(master.newDataKey()).storageForm());
        }
        KeyEncryptionKey key = new KeyEncryptionKey(caseKeyId(caseId), master.unwrap(WrappedKey.parse(stored)));
        synchronized (cache) {
            cache.put(caseId, new Cached(key, System.nanoTime()));
        }
        return key;
    }

    private record Cached(KeyEncryptionKey key, long loadedAt) {
    }

    /** {@code c.} and the case id in 22 characters of Base64url: within the 32 a key id may have. */
    static String caseKeyId(UUID caseId) {
        ByteBuffer bytes = ByteBuffer.allocate(16).putLong(caseId.getMostSignificantBits())
                .putLong(caseId.getLeastSignificantBits());
        return CASE_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.array());
    }

    static UUID caseOf(String keyId) {
        if (!keyId.startsWith(CASE_PREFIX)) {
            return null;
        }
        byte[] bytes = Base64.getUrlDecoder().decode(keyId.substring(CASE_PREFIX.length()));
        if (bytes.length != 16) {
            throw new IllegalArgumentException("Case key id " + keyId + " does not name a case");
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        return new UUID(buffer.getLong(), buffer.getLong());
    }
}
