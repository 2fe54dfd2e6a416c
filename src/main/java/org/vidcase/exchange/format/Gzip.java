package org.vidcase.exchange.format;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/** The payload's compression, with a bound on what a hostile package may inflate to. */
public final class Gzip {

    private Gzip() {
    }

    public static byte[] compress(byte[] plain) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(plain.length / 3 + 64);
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(plain);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * @throws PackageRejectedException OVERSIZE past {@code maxBytes}, MALFORMED if not gzip
     */
    public static byte[] decompress(byte[] compressed, long maxBytes) throws PackageRejectedException {
        ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(maxBytes, compressed.length * 4L + 64));
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(compressed), 8192)) {
            byte[] buffer = new byte[8192];
            long total = 0;
            for (int n; (n = in.read(buffer)) > 0; ) {
                total += n;
                if (total > maxBytes) {
                    throw new PackageRejectedException(PackageRejectedException.Reason.OVERSIZE,
                            "The payload inflates to more than " + maxBytes + " bytes");
                }
                out.write(buffer, 0, n);
            }
        } catch (IOException e) {
            throw new PackageRejectedException(PackageRejectedException.Reason.MALFORMED,
                    "The payload is not gzip-compressed data: " + e.getMessage());
        }
        return out.toByteArray();
    }
}
