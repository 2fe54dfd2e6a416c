package org.vidcase.exchange.format;

/**
 * A country's view of an entry it received from the hub: whether a person there agrees with the
 * hub's {@code category} and, if not, the category they gave instead ({@code proposed}, optional).
 * Feedback counts towards the entry's trust, never as an independent submission.
 */
public record Feedback(String md5, String sha1, String sha256, String category, boolean agree, String proposed) {

    public HashKey key() {
        return new HashKey(md5, sha1, sha256);
    }
}
