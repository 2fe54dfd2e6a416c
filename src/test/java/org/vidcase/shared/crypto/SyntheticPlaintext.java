package org.vidcase.shared.crypto;

import java.io.InputStream;
import java.util.Objects;
import java.util.Random;

/**
 * A long plaintext generated as it is read, so that large round trips need no large arrays. It
 * repeats a pseudo-random block of a prime length, which no segment size divides, so a segment
 * served in the wrong place would not go unnoticed. Refuses to be read past its end, which proves
 * that a consumer reads it exactly once.
 */
final class SyntheticPlaintext extends InputStream {

    private static final int BLOCK_LENGTH = 1_000_003;

    private final byte[] block = new byte[BLOCK_LENGTH];
    private final long length;
    private long served;
    private boolean endReported;
    private boolean closed;

    SyntheticPlaintext(long length, long seed) {
        this.length = length;
        new Random(seed).nextBytes(block);
    }

    @Override
    public int read() {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int count) {
        Objects.checkFromIndexSize(offset, count, buffer.length);
        if (endReported) {
            throw new IllegalStateException("read again after the end was reported");
        }
        if (served == length) {
            endReported = true;
            return -1;
        }
        int blockOffset = (int) (served % BLOCK_LENGTH);
        int n = (int) Math.min(Math.min(count, length - served), BLOCK_LENGTH - blockOffset);
        System.arraycopy(block, blockOffset, buffer, offset, n);
        served += n;
        return n;
    }

    @Override
    public void close() {
        closed = true;
    }

    long served() {
        return served;
    }

    boolean isClosed() {
        return closed;
    }
}
