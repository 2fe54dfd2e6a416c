package org.vidcase.hashing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import javax.imageio.stream.ImageInputStream;

/**
 * Content type from a file's leading bytes, never from its name: evidence files are often
 * misnamed or have no extension at all.
 */
public final class MagicBytes {

    static final String EMPTY = "application/x-empty";
    static final String UNKNOWN = "application/octet-stream";

    /** Enough for an MPEG transport stream's second sync byte and the EBML header's doc type. */
    private static final int HEADER_LENGTH = 192;
    private static final int TS_PACKET = 188;

    private MagicBytes() {
    }

    /** Peeks at the stream's first bytes and leaves its position unchanged. */
    static String mimeType(ImageInputStream in) throws IOException {
        byte[] header = new byte[HEADER_LENGTH];
        in.mark();
        int length = 0;
        try {
            int n;
            while (length < header.length && (n = in.read(header, length, header.length - length)) > 0) {
                length += n;
            }
        } finally {
            in.reset();
        }
        return mimeType(header, length);
    }

    static String mimeType(byte[] h, int length) {
        if (length == 0) {
            return EMPTY;
        }
        if (startsWith(h, length, 0, 0xFF, 0xD8, 0xFF)) {
            return "image/jpeg";
        }
        if (startsWith(h, length, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return "image/png";
        }
        if (startsWith(h, length, 0, 'G', 'I', 'F', '8', '7', 'a') || startsWith(h, length, 0, 'G', 'I', 'F', '8', '9', 'a')) {
            return "image/gif";
        }
        if (startsWith(h, length, 0, 'I', 'I', 0x2A, 0x00) || startsWith(h, length, 0, 'M', 'M', 0x00, 0x2A)
                || startsWith(h, length, 0, 'I', 'I', 0x2B, 0x00) || startsWith(h, length, 0, 'M', 'M', 0x00, 0x2B)) {
            return "image/tiff";
        }
        if (startsWith(h, length, 0, 'B', 'M')) {
            return "image/bmp";
        }
        if (startsWith(h, length, 0, 'R', 'I', 'F', 'F')) {
            return riffType(ascii(h, length, 8, 4));
        }
        if (startsWith(h, length, 4, 'f', 't', 'y', 'p')) {
            return isoMediaType(ascii(h, length, 8, 4));
        }
        if (startsWith(h, length, 0, '8', 'B', 'P', 'S')) {
            return "image/vnd.adobe.photoshop";
        }
        if (startsWith(h, length, 0, '%', 'P', 'D', 'F', '-')) {
            return "application/pdf";
        }
        if (startsWith(h, length, 0, 'P', 'K', 0x03, 0x04)) {
            return "application/zip";
        }
        if (startsWith(h, length, 0, 0x1F, 0x8B)) {
            return "application/gzip";
        }
        if (startsWith(h, length, 0, '7', 'z', 0xBC, 0xAF, 0x27, 0x1C)) {
            return "application/x-7z-compressed";
        }
        if (startsWith(h, length, 0, 0x1A, 0x45, 0xDF, 0xA3)) {
            return ascii(h, length, 0, Math.min(length, 64)).contains("webm") ? "video/webm" : "video/x-matroska";
        }
        if (startsWith(h, length, 0, 0x30, 0x26, 0xB2, 0x75, 0x8E, 0x66, 0xCF, 0x11)) {
            return "video/x-ms-asf";
        }
        if (length > TS_PACKET && (h[0] & 0xFF) == 0x47 && (h[TS_PACKET] & 0xFF) == 0x47) {
            return "video/mp2t";
        }
        if (startsWith(h, length, 0, 0x00, 0x00, 0x01, 0xBA) || startsWith(h, length, 0, 0x00, 0x00, 0x01, 0xB3)) {
            return "video/mpeg";
        }
        if (startsWith(h, length, 0, 'F', 'L', 'V', 0x01)) {
            return "video/x-flv";
        }
        if (startsWith(h, length, 0, 'I', 'D', '3')) {
            return "audio/mpeg";
        }
        if (startsWith(h, length, 0, 'O', 'g', 'g', 'S')) {
            return "audio/ogg";
        }
        return UNKNOWN;
    }

    /** Content the video decoder should try: the containers above that carry video. */
    public static boolean isVideo(String mimeType) {
        return mimeType != null && mimeType.startsWith("video/");
    }

    static boolean isImage(String mimeType) {
        return mimeType.startsWith("image/");
    }

    private static String riffType(String form) {
        return switch (form) {
            case "WEBP" -> "image/webp";
            case "AVI " -> "video/x-msvideo";
            case "WAVE" -> "audio/wav";
            default -> UNKNOWN;
        };
    }

    /** ISO base media files (MP4, MOV, HEIF, AVIF) name their flavour in the ftyp brand. */
    private static String isoMediaType(String brand) {
        return switch (brand) {
            case "heic", "heix", "hevc", "hevx", "heim", "heis", "mif1", "msf1" -> "image/heif";
            case "avif", "avis" -> "image/avif";
            case "qt  " -> "video/quicktime";
            case "M4A " -> "audio/mp4";
            case "3gp4", "3gp5", "3gp6", "3gp7", "3g2a", "3g2b", "3g2c" -> "video/3gpp";
            default -> "video/mp4";
        };
    }

    private static boolean startsWith(byte[] h, int length, int offset, int... expected) {
        if (offset + expected.length > length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if ((h[offset + i] & 0xFF) != expected[i]) {
                return false;
            }
        }
        return true;
    }

    private static String ascii(byte[] h, int length, int offset, int count) {
        if (offset + count > length) {
            return "";
        }
        return new String(h, offset, count, StandardCharsets.ISO_8859_1);
    }
}
