package org.vidcase.hashing;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Counts the scans of a JPEG as its bytes go to the decoder and stops the stream past a limit. A
 * progressive JPEG may repeat scans without end; each costs the decoder a pass over every block of
 * the picture, so a few kilobytes of repeated scans keep a core busy for minutes (libjpeg-turbo
 * bounds this with its scan limit). Real encoders write 1 to about 20 scans; an EXIF thumbnail adds
 * its own. Only a stream that starts like a JPEG is counted: elsewhere the marker bytes mean nothing.
 */
final class JpegScanLimit extends FilterInputStream {

    /** Well above any encoder's progression (libjpeg: 10, mozjpeg: up to about 20, plus thumbnails). */
    static final int DEFAULT_MAX_SCANS = 200;

    private final int maxScans;
    private long position;
    private boolean jpeg;
    private int previous = -1;
    private int scans;

    JpegScanLimit(InputStream in, int maxScans) {
        super(in);
        this.maxScans = maxScans;
    }

    /** Thrown when the limit is passed; the decoder reports it as the reason it failed. */
    static final class TooManyScansException extends IOException {
        TooManyScansException(int limit) {
            super("more than " + limit + " (a file made to keep the decoder busy)");
        }
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            see(b);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        for (int i = 0; i < n; i++) {
            see(buffer[offset + i] & 0xFF);
        }
        return n;
    }

    /** Skipped bytes are not decoded either, so they cost nothing; counting starts again after them. */
    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(n);
        position += skipped;
        previous = -1;
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    private void see(int b) throws TooManyScansException {
        if (position < 3) {
            jpeg = position == 0 ? b == 0xFF : jpeg && b == (position == 1 ? 0xD8 : 0xFF);
        } else if (jpeg && previous == 0xFF && b == 0xDA && ++scans > maxScans) {
            throw new TooManyScansException(maxScans);
        }
        position++;
        previous = b;
    }
}
