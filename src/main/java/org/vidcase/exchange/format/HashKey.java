package org.vidcase.exchange.format;

/** The cryptographic hashes that name an entry in feedback and revocations; at least one is given. */
public record HashKey(String md5, String sha1, String sha256) {

    /** The strongest hash, as {@code sha256:<hex>}, {@code sha1:<hex>} or {@code md5:<hex>}; null without any. */
    public String strongest() {
        if (sha256 != null) {
            return "sha256:" + sha256;
        }
        if (sha1 != null) {
            return "sha1:" + sha1;
        }
        return md5 == null ? null : "md5:" + md5;
    }
}
