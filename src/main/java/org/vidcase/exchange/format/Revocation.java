package org.vidcase.exchange.format;

import java.util.UUID;

/**
 * A node withdraws something it sent: a whole package ({@code packageId}) or one entry (its hashes).
 * Exactly one of the two is given.
 */
public record Revocation(UUID packageId, String md5, String sha1, String sha256, RevocationReason reason) {

    public static Revocation ofPackage(UUID packageId, RevocationReason reason) {
        return new Revocation(packageId, null, null, null, reason);
    }

    public static Revocation ofEntry(HashKey key, RevocationReason reason) {
        return new Revocation(null, key.md5(), key.sha1(), key.sha256(), reason);
    }

    public boolean wholePackage() {
        return packageId != null;
    }

    public HashKey key() {
        return new HashKey(md5, sha1, sha256);
    }
}
