package org.vidcase.hashing.video;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Recognises video containers whose streams are encrypted (Common Encryption in MP4/MOV/3GP,
 * PlayReady or Windows Media DRM in ASF/WMV, Matroska/WebM content encryption), which no decoder can
 * hash without the key. Looks at the structure, not at stray bytes: a box or object of a plausible
 * size, in the file's first and last 8 MiB (where MP4 keeps its index).
 */
public final class EncryptedContainerProbe {

    static final int WINDOW = 8 * 1024 * 1024;

    private static final byte[] ASF_HEADER = bytes(0x30, 0x26, 0xB2, 0x75, 0x8E, 0x66, 0xCF, 0x11);
    private static final byte[] ASF_CONTENT_ENCRYPTION = bytes(0xFB, 0xB3, 0x11, 0x22, 0x23, 0xBD, 0xD2, 0x11,
            0xB4, 0xB7, 0x00, 0xA0, 0xC9, 0x55, 0xFC, 0x6E);
    private static final byte[] ASF_EXTENDED_CONTENT_ENCRYPTION = bytes(0x14, 0xE6, 0x8A, 0x29, 0x22, 0x26, 0x17,
            0x4C, 0xB9, 0x35, 0xDA, 0xE0, 0x7E, 0xE9, 0x28, 0x9C);
    private static final byte[] EBML = bytes(0x1A, 0x45, 0xDF, 0xA3);

    private EncryptedContainerProbe() {
    }

    /** Why the file is taken for encrypted, or null. */
    public static String probe(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            byte[] head = read(channel, 0, (int) Math.min(size, WINDOW));
            byte[] tail = size > WINDOW ? read(channel, size - WINDOW, WINDOW) : new byte[0];
            if (startsWith(head, ASF_HEADER)) {
                return indexOf(head, ASF_CONTENT_ENCRYPTION) >= 0 || indexOf(head, ASF_EXTENDED_CONTENT_ENCRYPTION) >= 0
                        ? "encrypted: the ASF/WMV header carries a DRM content-encryption object" : null;
            }
            if (startsWith(head, EBML)) {
                return hasMatroskaEncryption(head) ? "encrypted: the Matroska/WebM track is content-encrypted" : null;
            }
            if (head.length >= 8 && head[4] == 'f' && head[5] == 't' && head[6] == 'y' && head[7] == 'p'
                    || hasBox(head, "moov")) {
                String why = isoEncryption(head);
                return why != null ? why : isoEncryption(tail);
            }
            return null;
        }
    }

    private static String isoEncryption(byte[] data) {
        for (String type : new String[] {"encv", "enca", "tenc", "pssh", "sinf"}) {
            if (hasBox(data, type)) {
                return "encrypted: the MP4/MOV track is protected (Common Encryption '" + type + "' box)";
            }
        }
        return null;
    }

    /** A box of this type whose 32-bit size is plausible for it (8 bytes to 1 MiB). */
    private static boolean hasBox(byte[] data, String type) {
        byte[] t = type.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        for (int i = 4; i + 4 <= data.length; i++) {
            if (data[i] == t[0] && data[i + 1] == t[1] && data[i + 2] == t[2] && data[i + 3] == t[3]) {
                long size = ByteBuffer.wrap(data, i - 4, 4).getInt() & 0xFFFFFFFFL;
                if (size >= 8 && size <= 1024 * 1024) {
                    return true;
                }
            }
        }
        return false;
    }

    /** ContentEncryption (0x5035) with an encryption algorithm (0x47E1) inside ContentEncodings (0x6D80). */
    private static boolean hasMatroskaEncryption(byte[] data) {
        for (int i = 0; i + 1 < data.length; i++) {
            if ((data[i] & 0xFF) == 0x6D && (data[i + 1] & 0xFF) == 0x80) {
                int end = Math.min(data.length - 1, i + 128);
                for (int j = i + 2; j < end; j++) {
                    if ((data[j] & 0xFF) == 0x50 && (data[j + 1] & 0xFF) == 0x35) {
                        for (int k = j + 2; k < Math.min(data.length - 1, j + 64); k++) {
                            if ((data[k] & 0xFF) == 0x47 && (data[k + 1] & 0xFF) == 0xE1) {
                                return true;
                            }
                        }
                    }
                }
            }
        }
        return false;
    }

    private static byte[] read(FileChannel channel, long position, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        while (buffer.hasRemaining() && channel.read(buffer, position + buffer.position()) > 0) {
            // Read until the window is full or the file ends.
        }
        return java.util.Arrays.copyOf(buffer.array(), buffer.position());
    }

    private static boolean startsWith(byte[] data, byte[] prefix) {
        return data.length >= prefix.length && java.util.Arrays.equals(data, 0, prefix.length, prefix, 0, prefix.length);
    }

    private static int indexOf(byte[] data, byte[] pattern) {
        outer:
        for (int i = 0; i + pattern.length <= data.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static byte[] bytes(int... values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) values[i];
        }
        return out;
    }
}
