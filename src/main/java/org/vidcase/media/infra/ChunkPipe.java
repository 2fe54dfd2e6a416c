package org.vidcase.media.infra;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A bounded hand-over of bytes from one thread to another: the writer blocks while the reader is
 * behind, so memory stays at a few chunks whatever the file size. Either side can abort the other.
 */
final class ChunkPipe {

    private static final byte[] END = new byte[0];
    private static final long STALL_SECONDS = 300;

    private final BlockingQueue<byte[]> chunks;
    private volatile IOException abortedBecause;

    ChunkPipe(int capacity) {
        this.chunks = new ArrayBlockingQueue<>(capacity);
    }

    void abort(IOException reason) {
        abortedBecause = reason;
        chunks.clear();
        chunks.offer(END);
    }

    OutputStream sink() {
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                if (len > 0) {
                    put(Arrays.copyOfRange(b, off, off + len));
                }
            }

            @Override
            public void close() throws IOException {
                put(END);
            }
        };
    }

    InputStream source() {
        return new InputStream() {
            private byte[] current = new byte[0];
            private int pos;
            private boolean ended;

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                int n = read(one, 0, 1);
                return n < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                while (pos == current.length) {
                    if (ended) {
                        return -1;
                    }
                    byte[] next = take();
                    if (next == END) {
                        ended = true;
                        return -1;
                    }
                    current = next;
                    pos = 0;
                }
                int n = Math.min(len, current.length - pos);
                System.arraycopy(current, pos, b, off, n);
                pos += n;
                return n;
            }
        };
    }

    private void put(byte[] chunk) throws IOException {
        checkAborted();
        try {
            if (!chunks.offer(chunk, STALL_SECONDS, TimeUnit.SECONDS)) {
                throw new IOException("the storage upload stalled");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while handing over evidence bytes");
        }
        checkAborted();
    }

    private byte[] take() throws IOException {
        checkAborted();
        try {
            byte[] chunk = chunks.poll(STALL_SECONDS, TimeUnit.SECONDS);
            if (chunk == null) {
                throw new IOException("the upload stalled");
            }
            checkAborted();
            return chunk;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while reading evidence bytes");
        }
    }

    private void checkAborted() throws IOException {
        IOException reason = abortedBecause;
        if (reason != null) {
            throw new IOException("aborted: " + reason.getMessage(), reason);
        }
    }
}
