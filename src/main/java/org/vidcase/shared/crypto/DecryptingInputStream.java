package org.vidcase.shared.crypto;

import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;
import javax.crypto.AEADBadTagException;
import javax.crypto.SecretKey;

/**
 * Reads the header, then verifies each segment before serving its plaintext. Which segment is the
 * final one is decided by the end of the input, so a stream cut at a segment boundary fails the
 * final-flag check. Holds one sealed and one plaintext segment. After an integrity failure every
 * further read fails too, so that a careless caller cannot read past it.
 */
final class DecryptingInputStream extends InputStream {

    private static final int NO_BYTE = -1;

    private final InputStream ciphertext;
    private final SecretKey dataKey;

    private SegmentCipher cipher;
    private byte[] sealedSegment;
    private byte[] plainSegment;
    private int plainPosition;
    private int plainLimit;
    private long nextIndex;
    private boolean finalOpened;
    /** Reading one byte past a full segment tells whether it must carry the final flag. */
    private int lookahead = NO_BYTE;
    private EvidenceIntegrityException failure;

    DecryptingInputStream(InputStream ciphertext, SecretKey dataKey) {
        this.ciphertext = ciphertext;
        this.dataKey = dataKey;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        Objects.checkFromIndexSize(offset, length, buffer.length);
        if (failure != null) {
            throw failure;
        }
        if (length == 0) {
            return 0;
        }
        try {
            if (cipher == null) {
                start(StreamHeader.read(ciphertext));
            }
            while (plainPosition == plainLimit) {
                if (finalOpened) {
                    return -1;
                }
                openNextSegment();
            }
        } catch (EvidenceIntegrityException e) {
            failure = e;
            throw e;
        }
        int count = Math.min(length, plainLimit - plainPosition);
        System.arraycopy(plainSegment, plainPosition, buffer, offset, count);
        plainPosition += count;
        return count;
    }

    @Override
    public int available() {
        return plainLimit - plainPosition;
    }

    @Override
    public void close() throws IOException {
        ciphertext.close();
    }

    private void start(StreamHeader header) {
        cipher = new SegmentCipher(dataKey, header);
        sealedSegment = new byte[header.segmentSize() + SegmentCipher.TAG_LENGTH];
        plainSegment = new byte[header.segmentSize()];
    }

    private void openNextSegment() throws IOException {
        if (nextIndex == SegmentCipher.MAX_SEGMENTS) {
            throw new EvidenceIntegrityException("Evidence stream has more than " + SegmentCipher.MAX_SEGMENTS
                    + " segments");
        }
        int length = 0;
        if (lookahead != NO_BYTE) {
            sealedSegment[length++] = (byte) lookahead;
            lookahead = NO_BYTE;
        }
        length += ciphertext.readNBytes(sealedSegment, length, sealedSegment.length - length);
        if (length == sealedSegment.length) {
            lookahead = ciphertext.read();
        }
        boolean last = lookahead == NO_BYTE;
        if (length < SegmentCipher.TAG_LENGTH) {
            throw new EvidenceIntegrityException("Truncated evidence stream: segment " + nextIndex + " has "
                    + length + " bytes, fewer than its " + SegmentCipher.TAG_LENGTH + "-byte tag");
        }
        try {
            plainLimit = cipher.open(nextIndex, last, sealedSegment, length, plainSegment);
        } catch (AEADBadTagException e) {
            throw explainRejected(length, last);
        }
        plainPosition = 0;
        nextIndex++;
        finalOpened = last;
    }

    /** Tells the two boundary attacks apart from other failures, for the operator reading the log. */
    private EvidenceIntegrityException explainRejected(int length, boolean last) {
        boolean full = length == sealedSegment.length;
        if (last && full && cipher.opens(nextIndex, false, sealedSegment, length, plainSegment)) {
            return new EvidenceIntegrityException("Truncated evidence stream: it ends after segment " + nextIndex
                    + ", which is not the final segment");
        }
        if (!last && cipher.opens(nextIndex, true, sealedSegment, length, plainSegment)) {
            return new EvidenceIntegrityException("Trailing data after the final segment " + nextIndex
                    + " of the evidence stream");
        }
        return new EvidenceIntegrityException("Evidence stream segment " + nextIndex + " failed authentication:"
                + " wrong data key, or modified, reordered, duplicated or truncated data");
    }
}
