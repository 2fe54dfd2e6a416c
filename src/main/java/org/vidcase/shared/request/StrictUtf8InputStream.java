package org.vidcase.shared.request;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Passes bytes through and fails on the first that breaks UTF-8 (RFC 3629): overlong forms
 * ({@code C0 AF} for '/', the classic filter bypass), encoded surrogates, code points above
 * U+10FFFF, stray continuation bytes and sequences cut short. Jackson's own decoder lets the first of
 * these through, so a JSON body or a VICS export could otherwise carry a '/' or a '.' in disguise.
 */
public final class StrictUtf8InputStream extends FilterInputStream {

    /** The bytes are not UTF-8; the message says where. */
    public static final class NotUtf8Exception extends IOException {
        NotUtf8Exception(long offset) {
            super("not UTF-8 text at byte " + offset);
        }
    }

    private long offset;
    private int pending;
    private int codePoint;
    private int minimum;

    public StrictUtf8InputStream(InputStream in) {
        super(in);
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b < 0) {
            end();
        } else {
            see(b);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int off, int len) throws IOException {
        int n = super.read(buffer, off, len);
        if (n < 0) {
            end();
        }
        for (int i = 0; i < n; i++) {
            see(buffer[off + i] & 0xFF);
        }
        return n;
    }

    /** Skipped bytes are not read as text by anyone: the check starts again after them. */
    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(n);
        offset += skipped;
        pending = 0;
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    private void end() throws NotUtf8Exception {
        if (pending > 0) {
            throw new NotUtf8Exception(offset);
        }
    }

    private void see(int b) throws NotUtf8Exception {
        if (pending > 0) {
            if ((b & 0xC0) != 0x80) {
                throw new NotUtf8Exception(offset);
            }
            codePoint = codePoint << 6 | (b & 0x3F);
            if (--pending == 0 && (codePoint < minimum || codePoint > 0x10FFFF
                    || codePoint >= 0xD800 && codePoint <= 0xDFFF)) {
                throw new NotUtf8Exception(offset);
            }
        } else if (b >= 0x80) {
            if (b >= 0xC2 && b <= 0xDF) {
                start(b & 0x1F, 1, 0x80);
            } else if (b >= 0xE0 && b <= 0xEF) {
                start(b & 0x0F, 2, 0x800);
            } else if (b >= 0xF0 && b <= 0xF4) {
                start(b & 0x07, 3, 0x10000);
            } else {
                throw new NotUtf8Exception(offset);
            }
        }
        offset++;
    }

    private void start(int bits, int continuation, int min) {
        codePoint = bits;
        pending = continuation;
        minimum = min;
    }
}
