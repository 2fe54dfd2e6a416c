package org.vidcase.index;

/** The cryptographic digests an {@link ExactHashIndex} can hold, by length. */
public enum DigestType {
    MD5(16),
    SHA1(20),
    SHA256(32);

    private final int bytes;

    DigestType(int bytes) {
        this.bytes = bytes;
    }

    public int bytes() {
        return bytes;
    }

    /** 64-bit words per stored digest; SHA-1's last word is half padding. */
    int words() {
        return (bytes + 7) / 8;
    }
}
