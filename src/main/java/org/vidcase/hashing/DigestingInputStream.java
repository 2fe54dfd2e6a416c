package org.vidcase.hashing;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Feeds every byte that passes through into MD5, SHA-1 and SHA-256 and counts it. Cannot rewind,
 * so each byte is digested exactly once.
 *
 * <p>A read failure of the source is remembered and rethrown by every later read, so a consumer
 * that swallows it (an image decoder reporting "corrupt") cannot hide it from {@link #drain()}.
 */
final class DigestingInputStream extends FilterInputStream {

    private static final int DRAIN_BUFFER = 64 * 1024;

    private final MessageDigest md5 = digest("MD5");
    private final MessageDigest sha1 = digest("SHA-1");
    private final MessageDigest sha256 = digest("SHA-256");
    private final byte[] single = new byte[1];
    private long count;
    private IOException failure;

    DigestingInputStream(InputStream in) {
        super(in);
    }

    private static MessageDigest digest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides " + algorithm, e);
        }
    }

    @Override
    public int read() throws IOException {
        int n = read(single, 0, 1);
        return n == 1 ? single[0] & 0xFF : -1;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (failure != null) {
            throw failure;
        }
        int n;
        try {
            n = in.read(b, off, len);
        } catch (IOException e) {
            failure = e;
            throw e;
        }
        if (n > 0) {
            md5.update(b, off, n);
            sha1.update(b, off, n);
            sha256.update(b, off, n);
            count += n;
        }
        return n;
    }

    /** Reads instead of skipping: skipped bytes must be digested too. */
    @Override
    public long skip(long n) throws IOException {
        byte[] buffer = new byte[(int) Math.min(n, DRAIN_BUFFER)];
        long skipped = 0;
        while (skipped < n) {
            int read = read(buffer, 0, (int) Math.min(buffer.length, n - skipped));
            if (read < 0) {
                break;
            }
            skipped += read;
        }
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    @Override
    public synchronized void mark(int readlimit) {
        // Rewinding would digest bytes twice.
    }

    @Override
    public synchronized void reset() throws IOException {
        throw new IOException("mark/reset not supported");
    }

    /** Reads to the end so the digests cover every byte; rethrows any earlier read failure. */
    void drain() throws IOException {
        byte[] buffer = new byte[DRAIN_BUFFER];
        while (read(buffer, 0, buffer.length) >= 0) {
            // digesting happens in read
        }
    }

    long count() {
        return count;
    }

    String md5Hex() {
        return HexFormat.of().formatHex(md5.digest());
    }

    String sha1Hex() {
        return HexFormat.of().formatHex(sha1.digest());
    }

    String sha256Hex() {
        return HexFormat.of().formatHex(sha256.digest());
    }
}
