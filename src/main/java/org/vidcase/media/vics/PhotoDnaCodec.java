package org.vidcase.media.vics;

import java.util.Base64;

/**
 * PhotoDNA is 144 bytes. VICS exports carry it as base64 (192 characters) and some tools as hex (288 characters);
 * 288 characters can only be hex, because base64 of that length would be 216 bytes.
 */
final class PhotoDnaCodec {

    static final int BYTES = 144;
    private static final int HEX_LENGTH = 2 * BYTES;

    private PhotoDnaCodec() {
    }

    static byte[] decode(String text) {
        String value = text.strip();
        byte[] bytes;
        if (value.length() == HEX_LENGTH && HexDigests.isHex(value)) {
            bytes = HexDigests.decode(value);
        } else {
            try {
                bytes = Base64.getDecoder().decode(value);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("PhotoDNA is neither base64 nor " + HEX_LENGTH + " hex digits");
            }
        }
        requireLength(bytes);
        return bytes;
    }

    static String encode(byte[] photoDna) {
        return Base64.getEncoder().encodeToString(photoDna);
    }

    static void requireLength(byte[] photoDna) {
        if (photoDna.length != BYTES) {
            throw new IllegalArgumentException("PhotoDNA must be " + BYTES + " bytes, found " + photoDna.length);
        }
    }
}
