package org.vidcase.index;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Conversion of digests to the 64-bit words the exact index stores: big-endian, so comparing
 * words compares the digest bytes in order, and the first word is a uniformly spread key.
 */
final class Digests {

    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);

    private Digests() {
    }

    static long[] fromBytes(DigestType type, byte[] digest) {
        if (digest == null || digest.length != type.bytes()) {
            throw new IllegalArgumentException(type + " digest must be " + type.bytes() + " bytes, got "
                    + (digest == null ? "null" : digest.length));
        }
        long[] words = new long[type.words()];
        int whole = digest.length / 8;
        for (int w = 0; w < whole; w++) {
            words[w] = (long) LONG.get(digest, 8 * w);
        }
        if (whole < words.length) {
            // SHA-1: the last four bytes fill the upper half of the last word.
            words[whole] = (long) (int) INT.get(digest, 8 * whole) << 32;
        }
        return words;
    }

    /** Parses hex of either letter case, rejecting anything else. */
    static long[] fromHex(DigestType type, String hex) {
        if (hex == null || hex.length() != 2 * type.bytes()) {
            throw new IllegalArgumentException(type + " digest must be " + 2 * type.bytes() + " hex digits, got "
                    + (hex == null ? "null" : hex.length() + " characters"));
        }
        long[] words = new long[type.words()];
        for (int i = 0; i < hex.length(); i++) {
            int nibble = hexValue(hex.charAt(i));
            if (nibble < 0) {
                throw new IllegalArgumentException(type + " digest is not hexadecimal: " + hex);
            }
            words[i >>> 4] |= (long) nibble << (60 - 4 * (i & 15));
        }
        return words;
    }

    /** Only ASCII hex digits; {@link Character#digit} would also accept other scripts' digits. */
    private static int hexValue(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }
}
