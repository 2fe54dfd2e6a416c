package org.vidcase.shared.crypto;

import java.io.InputStream;
import java.security.SecureRandom;
import java.util.Objects;
import javax.crypto.SecretKey;

/**
 * Client-side encryption of evidence blobs of any size with memory bounded by two segments:
 * AES-256-GCM applied segment by segment in the STREAM construction (Hoang, Reyhanitabar, Rogaway,
 * Vizár 2015), as in Tink's AES-GCM streaming AEAD. Single-shot GCM cannot be used because Java
 * buffers the whole ciphertext before it releases any plaintext.
 *
 * <h2>Format, version 1</h2>
 * <pre>
 * stream      = header || segment[0] || ... || segment[n-1]                       n &gt;= 1
 * header      = "VIDC" || version 0x01 || S: segment size, int32 big-endian || prefix: 7 random bytes
 * segment[i]  = AES-256-GCM(data key, nonce[i], AAD = header, plain[i]) = ciphertext || 16-byte tag
 * nonce[i]    = prefix || i as uint32 big-endian || 0x01 if i = n-1, else 0x00    12 bytes
 * |plain[i]|  = S for i &lt; n-1; 1..S for the final segment; 0 only for an empty plaintext (n = 1)
 * length      = 16 + plaintext length + 16 n                                       {@link #ciphertextLength}
 * </pre>
 * The index in the nonce rejects reordered and duplicated segments; the final flag rejects a stream
 * cut at a segment boundary and data appended after the end; the header as AAD binds the segment
 * size and prefix. Every object has its own random data key, so nonces never repeat under a key;
 * the random prefix keeps them apart even if a data key were ever reused.
 *
 * <p>A decrypting stream releases a segment's plaintext only after its tag verifies, but the
 * stream as a whole is authentic only once it has been read to its end without an
 * {@link EvidenceIntegrityException}; a consumer must discard what it received from a stream
 * that failed.
 *
 * <p>Immutable and thread-safe; each stream it returns belongs to one reader.
 */
public final class EvidenceCipher {

    public static final int DEFAULT_SEGMENT_SIZE = 1 << 20;
    public static final int MIN_SEGMENT_SIZE = 1 << 10;
    /** Bounds what a decrypting stream allocates for a segment size read from storage. */
    public static final int MAX_SEGMENT_SIZE = 1 << 24;

    private static final SecureRandom RANDOM = new SecureRandom();

    private final int segmentSize;

    public EvidenceCipher() {
        this(DEFAULT_SEGMENT_SIZE);
    }

    /** @param segmentSize plaintext bytes per segment; decryption reads it from each stream's header */
    public EvidenceCipher(int segmentSize) {
        if (segmentSize < MIN_SEGMENT_SIZE || segmentSize > MAX_SEGMENT_SIZE) {
            throw new IllegalArgumentException("Segment size " + segmentSize + " is outside "
                    + MIN_SEGMENT_SIZE + ".." + MAX_SEGMENT_SIZE);
        }
        this.segmentSize = segmentSize;
    }

    public int segmentSize() {
        return segmentSize;
    }

    /**
     * The ciphertext of {@code plaintext}, produced as it is read. The plaintext is read once, from
     * the first read of the returned stream on, and closed with it.
     */
    public InputStream encrypting(InputStream plaintext, SecretKey dataKey) {
        Objects.requireNonNull(plaintext, "plaintext");
        AesKeys.requireAes256(dataKey, "Data key");
        StreamHeader header = StreamHeader.random(segmentSize, RANDOM);
        return new EncryptingInputStream(plaintext, new SegmentCipher(dataKey, header), header);
    }

    /**
     * The verified plaintext of {@code ciphertext}; reads fail with {@link EvidenceIntegrityException}
     * as soon as a segment, the header or the end of the stream is not authentic.
     */
    public InputStream decrypting(InputStream ciphertext, SecretKey dataKey) {
        Objects.requireNonNull(ciphertext, "ciphertext");
        AesKeys.requireAes256(dataKey, "Data key");
        return new DecryptingInputStream(ciphertext, dataKey);
    }

    /** The exact ciphertext length for this segment size, e.g. for a Content-Length or a quota check. */
    public long ciphertextLength(long plaintextLength) {
        if (plaintextLength < 0) {
            throw new IllegalArgumentException("Plaintext length must not be negative: " + plaintextLength);
        }
        long fullSegments = plaintextLength / segmentSize;
        long segments = plaintextLength % segmentSize == 0 ? Math.max(1, fullSegments) : fullSegments + 1;
        return Math.addExact(Math.addExact(StreamHeader.LENGTH, plaintextLength),
                Math.multiplyExact(segments, (long) SegmentCipher.TAG_LENGTH));
    }
}
