package org.vidcase.media.vics;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Hex-encoded digests as VIDCase stores them: lower case and of the exact length of their algorithm. */
final class HexDigests {

    static final int MD5 = 32;
    static final int SHA1 = 40;
    static final int SHA256 = 64;
    static final int PDQ = 64;

    private static final char[] DIGITS = "0123456789abcdef".toCharArray();

    /*
     * Hex digits in a digest are random, so "is it 0-9 or a-f" branches are mispredicted about every other
     * character; table lookups keep the checks several times faster on million-record imports.
     */
    private static final byte[] LOWER_CASE_OF = new byte[128];
    private static final byte[] NOT_LOWER_HEX = new byte[128];

    static {
        Arrays.fill(NOT_LOWER_HEX, (byte) 1);
        for (char c : "0123456789abcdef".toCharArray()) {
            LOWER_CASE_OF[c] = (byte) c;
            LOWER_CASE_OF[Character.toUpperCase(c)] = (byte) c;
            NOT_LOWER_HEX[c] = 0;
        }
    }

    private HexDigests() {
    }

    /** Tools disagree on case (VICS samples are upper case), so both are accepted and lower case is returned. */
    static String normalize(String value, int hexLength, String name) {
        return value == null ? null : normalize(value.toCharArray(), 0, value.length(), hexLength, name);
    }

    /**
     * Works on the parser's character buffer: an import of millions of records would otherwise create a string
     * for the text as read and another for its lower-case form.
     */
    static String normalize(char[] text, int offset, int length, int hexLength, String name) {
        if (length != hexLength) {
            throw new IllegalArgumentException(name + " must be " + hexLength + " hex digits, found " + length
                    + " characters");
        }
        byte[] lower = new byte[hexLength];
        for (int i = 0; i < hexLength; i++) {
            char c = text[offset + i];
            byte digit = c < 128 ? LOWER_CASE_OF[c] : 0;
            if (digit == 0) {
                throw new IllegalArgumentException(name + " is not hexadecimal: '" + c + "' at position " + i);
            }
            lower[i] = digit;
        }
        return new String(lower, StandardCharsets.ISO_8859_1);
    }

    /** The check a record makes of digests it is given: no copy when they are already as stored. */
    static String requireNormalized(String value, int hexLength, String name) {
        if (value == null) {
            return null;
        }
        int invalid = value.length() ^ hexLength;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            invalid |= c >>> 7 | NOT_LOWER_HEX[c & 0x7f];
        }
        return invalid == 0 ? value : normalize(value, hexLength, name);
    }

    static boolean isHex(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (Character.digit(value.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
    }

    static byte[] decode(String hex) {
        byte[] bytes = new byte[hex.length() / 2];
        for (int i = 0; i < bytes.length; i++) {
            int high = Character.digit(hex.charAt(2 * i), 16);
            bytes[i] = (byte) (high << 4 | Character.digit(hex.charAt(2 * i + 1), 16));
        }
        return bytes;
    }

    static String encode(byte[] bytes) {
        char[] hex = new char[bytes.length * 2];
        for (int i = 0; i < bytes.length; i++) {
            hex[2 * i] = DIGITS[(bytes[i] >> 4) & 0xf];
            hex[2 * i + 1] = DIGITS[bytes[i] & 0xf];
        }
        return new String(hex);
    }
}
