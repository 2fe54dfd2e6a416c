package org.vidcase.shared.crypto;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * AES-GCM over single segments of one stream: derives each segment's nonce from the header's
 * prefix, the segment index and the last-segment flag, and authenticates the header as AAD.
 * One {@link Cipher} is re-initialised per segment rather than looked up again from the providers
 * each time. Not thread-safe: one instance per stream.
 */
final class SegmentCipher {

    static final int TAG_LENGTH = 16;
    /** The index is a 32-bit unsigned field of the nonce. */
    static final long MAX_SEGMENTS = 1L << 32;

    private static final int NONCE_LENGTH = 12;
    private static final int INDEX_OFFSET = StreamHeader.NONCE_PREFIX_LENGTH;
    private static final int LAST_FLAG_OFFSET = INDEX_OFFSET + Integer.BYTES;

    private final Cipher cipher;
    private final SecretKey key;
    private final byte[] aad;
    private final byte[] nonce = new byte[NONCE_LENGTH];
    private final ByteBuffer nonceFields = ByteBuffer.wrap(nonce);

    SegmentCipher(SecretKey key, StreamHeader header) {
        this.key = key;
        this.aad = header.encoded();
        nonceFields.put(0, header.noncePrefix());
        try {
            this.cipher = Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/GCM/NoPadding is not available in this JVM", e);
        }
    }

    /** Encrypts {@code plaintext[0, length)} into {@code out}, returning the sealed length (length + tag). */
    int seal(long index, boolean last, byte[] plaintext, int length, byte[] out) {
        try {
            init(Cipher.ENCRYPT_MODE, index, last);
            return cipher.doFinal(plaintext, 0, length, out, 0);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        }
    }

    /** Verifies and decrypts {@code sealed[0, length)} into {@code out}, returning the plaintext length. */
    int open(long index, boolean last, byte[] sealed, int length, byte[] out) throws AEADBadTagException {
        try {
            init(Cipher.DECRYPT_MODE, index, last);
            return cipher.doFinal(sealed, 0, length, out, 0);
        } catch (AEADBadTagException e) {
            throw e;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM decryption failed", e);
        }
    }

    /** Whether the segment would verify with these position fields; used only to explain a failure. */
    boolean opens(long index, boolean last, byte[] sealed, int length, byte[] out) {
        try {
            open(index, last, sealed, length, out);
            return true;
        } catch (AEADBadTagException e) {
            return false;
        }
    }

    private void init(int mode, long index, boolean last) throws GeneralSecurityException {
        nonceFields.putInt(INDEX_OFFSET, (int) index).put(LAST_FLAG_OFFSET, last ? (byte) 1 : (byte) 0);
        cipher.init(mode, key, new GCMParameterSpec(TAG_LENGTH * Byte.SIZE, nonce));
        cipher.updateAAD(aad);
    }
}
