package org.vidcase.shared.crypto;

import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;

/**
 * Pulls plaintext and serves the header, then sealed segments, so that an upload can read the
 * ciphertext without knowing its length. Holds one plaintext and one sealed segment.
 */
final class EncryptingInputStream extends InputStream {

    private static final int NO_BYTE = -1;

    private final InputStream plaintext;
    private final SegmentCipher cipher;
    private final byte[] plainSegment;
    private final byte[] sealedSegment;

    private byte[] output;
    private int outputPosition;
    private int outputLimit;
    private long nextIndex;
    private boolean finalSealed;
    /** A full segment is final only if the plaintext ends right after it, so one byte is read ahead. */
    private int lookahead = NO_BYTE;

    EncryptingInputStream(InputStream plaintext, SegmentCipher cipher, StreamHeader header) {
        this.plaintext = plaintext;
        this.cipher = cipher;
        this.plainSegment = new byte[header.segmentSize()];
        this.sealedSegment = new byte[header.segmentSize() + SegmentCipher.TAG_LENGTH];
        this.output = header.encoded();
        this.outputLimit = output.length;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        Objects.checkFromIndexSize(offset, length, buffer.length);
        if (length == 0) {
            return 0;
        }
        while (outputPosition == outputLimit) {
            if (finalSealed) {
                return -1;
            }
            sealNextSegment();
        }
        int count = Math.min(length, outputLimit - outputPosition);
        System.arraycopy(output, outputPosition, buffer, offset, count);
        outputPosition += count;
        return count;
    }

    @Override
    public int available() {
        return outputLimit - outputPosition;
    }

    @Override
    public void close() throws IOException {
        plaintext.close();
    }

    private void sealNextSegment() throws IOException {
        if (nextIndex == SegmentCipher.MAX_SEGMENTS) {
            throw new IOException("Plaintext exceeds " + SegmentCipher.MAX_SEGMENTS + " segments of "
                    + plainSegment.length + " bytes; use a larger segment size");
        }
        int length = 0;
        if (lookahead != NO_BYTE) {
            plainSegment[length++] = (byte) lookahead;
            lookahead = NO_BYTE;
        }
        length += plaintext.readNBytes(plainSegment, length, plainSegment.length - length);
        if (length == plainSegment.length) {
            lookahead = plaintext.read();
        }
        boolean last = lookahead == NO_BYTE;
        outputLimit = cipher.seal(nextIndex, last, plainSegment, length, sealedSegment);
        output = sealedSegment;
        outputPosition = 0;
        nextIndex++;
        finalSealed = last;
    }
}
