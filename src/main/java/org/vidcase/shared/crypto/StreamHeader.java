package org.vidcase.shared.crypto;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.Arrays;

/** The 16-byte header of an evidence stream; its bytes are the AAD of every segment. */
final class StreamHeader {

    static final int LENGTH = 16;
    static final int NONCE_PREFIX_LENGTH = 7;
    static final byte VERSION = 1;

    private static final byte[] MAGIC = {'V', 'I', 'D', 'C'};

    private final int segmentSize;
    private final byte[] encoded;

    private StreamHeader(int segmentSize, byte[] encoded) {
        this.segmentSize = segmentSize;
        this.encoded = encoded;
    }

    static StreamHeader random(int segmentSize, SecureRandom random) {
        byte[] noncePrefix = new byte[NONCE_PREFIX_LENGTH];
        random.nextBytes(noncePrefix);
        byte[] encoded = ByteBuffer.allocate(LENGTH)
                .put(MAGIC)
                .put(VERSION)
                .putInt(segmentSize)
                .put(noncePrefix)
                .array();
        return new StreamHeader(segmentSize, encoded);
    }

    /**
     * Reads and checks the header's structure. Its authenticity is established only by the first
     * segment, whose tag covers these bytes.
     */
    static StreamHeader read(InputStream in) throws IOException {
        byte[] encoded = in.readNBytes(LENGTH);
        if (encoded.length < LENGTH) {
            throw new EvidenceIntegrityException(
                    "Truncated evidence stream: header has " + encoded.length + " of " + LENGTH + " bytes");
        }
        if (!Arrays.equals(encoded, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            throw new EvidenceIntegrityException("Not an encrypted evidence stream: header does not start with VIDC");
        }
        ByteBuffer header = ByteBuffer.wrap(encoded);
        byte version = header.get(MAGIC.length);
        if (version != VERSION) {
            throw new EvidenceIntegrityException(
                    "Unsupported evidence stream format version " + version + "; this build reads version " + VERSION);
        }
        int segmentSize = header.getInt(MAGIC.length + 1);
        // Checked before anything is allocated: the size comes from storage, not from us.
        if (segmentSize < EvidenceCipher.MIN_SEGMENT_SIZE || segmentSize > EvidenceCipher.MAX_SEGMENT_SIZE) {
            throw new EvidenceIntegrityException("Evidence stream header declares segment size " + segmentSize
                    + ", outside " + EvidenceCipher.MIN_SEGMENT_SIZE + ".." + EvidenceCipher.MAX_SEGMENT_SIZE);
        }
        return new StreamHeader(segmentSize, encoded);
    }

    int segmentSize() {
        return segmentSize;
    }

    /** The header bytes themselves, not a copy; callers must not modify them. */
    byte[] encoded() {
        return encoded;
    }

    byte[] noncePrefix() {
        return Arrays.copyOfRange(encoded, LENGTH - NONCE_PREFIX_LENGTH, LENGTH);
    }
}
