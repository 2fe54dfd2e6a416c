package org.vidcase.hashing;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Passes a stream through and keeps a copy of its first bytes, where files keep their metadata. */
final class HeadCapture extends FilterInputStream {

    private final byte[] head;
    private int captured;

    HeadCapture(InputStream in, int limit) {
        super(in);
        this.head = new byte[limit];
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0 && captured < head.length) {
            head[captured++] = (byte) b;
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n > 0 && captured < head.length) {
            int copy = Math.min(n, head.length - captured);
            System.arraycopy(b, off, head, captured, copy);
            captured += copy;
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        // Skipped bytes must be seen to be kept: read them instead.
        byte[] buffer = new byte[(int) Math.min(n, 8192)];
        int read = read(buffer, 0, buffer.length);
        return Math.max(read, 0);
    }

    byte[] head() {
        return head;
    }

    int length() {
        return captured;
    }
}
