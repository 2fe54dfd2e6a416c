package org.vidcase.hashing;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * An immutable 256-bit PDQ hash.
 *
 * <p>Bit {@code k} (0..255) is the DCT coefficient at row {@code k / 16}, column {@code k % 16}.
 * The hex form is the one the reference {@code pdq-photo-hasher} prints: the hash read as a
 * 256-bit big-endian number in which bit {@code k} has weight 2<sup>k</sup>, so bit 255 is the top
 * bit of the first hex digit. {@link #toBytes()} and the word accessors use the same order.
 */
public final class PdqHash {

    public static final int BITS = 256;
    public static final int BYTES = BITS / 8;
    public static final int HEX_LENGTH = BITS / 4;

    private static final HexFormat HEX = HexFormat.of();

    /** Words in hex order: {@code words[0]} holds bits 255..192. */
    private final long[] words;

    private PdqHash(long[] words) {
        this.words = words;
    }

    /** Builds a hash from its four 64-bit words, most significant (bits 255..192) first. */
    public static PdqHash fromWords(long w0, long w1, long w2, long w3) {
        return new PdqHash(new long[] {w0, w1, w2, w3});
    }

    /** Parses the 64-digit hex form; either letter case is accepted. */
    public static PdqHash fromHex(String hex) {
        if (hex == null || hex.length() != HEX_LENGTH) {
            throw new IllegalArgumentException("PDQ hash must be " + HEX_LENGTH + " hex digits: " + hex);
        }
        try {
            return fromBytes(HEX.parseHex(hex));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("PDQ hash is not hexadecimal: " + hex, e);
        }
    }

    /** Reads the 32-byte big-endian form produced by {@link #toBytes()}. */
    public static PdqHash fromBytes(byte[] bytes) {
        if (bytes.length != BYTES) {
            throw new IllegalArgumentException("PDQ hash must be " + BYTES + " bytes, got " + bytes.length);
        }
        long[] words = new long[4];
        for (int i = 0; i < BYTES; i++) {
            words[i >>> 3] = (words[i >>> 3] << 8) | (bytes[i] & 0xFF);
        }
        return new PdqHash(words);
    }

    /** Builds a hash from bit flags indexed as in the reference (row * 16 + column). */
    static PdqHash fromBits(boolean[] bits) {
        long[] words = new long[4];
        for (int k = 0; k < BITS; k++) {
            if (bits[k]) {
                words[3 - (k >>> 6)] |= 1L << (k & 63);
            }
        }
        return new PdqHash(words);
    }

    /** The all-zero hash the reference reports for images too small to hash. */
    static PdqHash zero() {
        return new PdqHash(new long[4]);
    }

    /** Word {@code index} (0..3) in hex order, most significant first. */
    public long word(int index) {
        return words[index];
    }

    public boolean bit(int k) {
        if (k < 0 || k >= BITS) {
            throw new IndexOutOfBoundsException(k);
        }
        return (words[3 - (k >>> 6)] >>> (k & 63) & 1L) != 0;
    }

    public int bitCount() {
        return Long.bitCount(words[0]) + Long.bitCount(words[1])
                + Long.bitCount(words[2]) + Long.bitCount(words[3]);
    }

    public int hammingDistance(PdqHash other) {
        return Long.bitCount(words[0] ^ other.words[0]) + Long.bitCount(words[1] ^ other.words[1])
                + Long.bitCount(words[2] ^ other.words[2]) + Long.bitCount(words[3] ^ other.words[3]);
    }

    /** Lower-case hex, exactly as the reference prints it. */
    public String toHex() {
        StringBuilder hex = new StringBuilder(HEX_LENGTH);
        for (long word : words) {
            hex.append(HEX.toHexDigits(word));
        }
        return hex.toString();
    }

    public byte[] toBytes() {
        byte[] bytes = new byte[BYTES];
        for (int i = 0; i < BYTES; i++) {
            bytes[i] = (byte) (words[i >>> 3] >>> (56 - 8 * (i & 7)));
        }
        return bytes;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PdqHash other && Arrays.equals(words, other.words);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(words);
    }

    @Override
    public String toString() {
        return toHex();
    }
}
