package org.vidcase.media.infra;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/** Keeps the first bytes that pass through, to recognise the format without reading the file twice. */
public final class HeadCapture extends FilterInputStream {

    private static final int HEAD = 256 * 1024;

    private final byte[] head = new byte[HEAD];
    private int length;

    public HeadCapture(InputStream in) {
        super(in);
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0 && length < HEAD) {
            head[length++] = (byte) b;
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n > 0 && length < HEAD) {
            int keep = Math.min(n, HEAD - length);
            System.arraycopy(b, off, head, length, keep);
            length += keep;
        }
        return n;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    public byte[] bytes() {
        return Arrays.copyOf(head, length);
    }
}
