package org.vidcase.hashset.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * Writes a synthetic ICSE hash-set CSV export: random digests (no real material behind them), the
 * export's header and flag spellings, PhotoDNA on 70 % of rows, SHA-1 on 80 %.
 */
public final class IcseFileGenerator {

    private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);

    private IcseFileGenerator() {
    }

    public static void generate(OutputStream out, long rows, long seed) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        out.write(("MD5;SHA1;ZZ40;PhotoDNA;Lace;Image ID;Is distributed;Victim identified;Offender identified;"
                + "Series name;Investigation name;Agency;Number of submissions;File Available;Media Type;Baseline\n")
                .getBytes(StandardCharsets.US_ASCII));
        byte[] line = new byte[1024];
        for (long i = 0; i < rows; i++) {
            int n = 0;
            n = hex(line, n, random, 32);
            line[n++] = ';';
            if (random.nextInt(10) < 8) {
                n = hex(line, n, random, 40);
            }
            line[n++] = ';';
            line[n++] = ';';
            if (random.nextInt(10) < 7) {
                n = hex(line, n, random, 288);
            }
            line[n++] = ';';
            line[n++] = ';';
            n = text(line, n, Long.toString(1_000_000 + i));
            n = text(line, n, random.nextBoolean() ? ";Y" : ";N");
            n = text(line, n, random.nextInt(4) == 0 ? ";Y" : ";N");
            n = text(line, n, random.nextInt(8) == 0 ? ";Y" : ";N");
            n = text(line, n, random.nextInt(10) == 0 ? ";Series " + random.nextInt(5000) : ";");
            n = text(line, n, ";Operation " + random.nextInt(900) + ";Agency " + random.nextInt(60));
            n = text(line, n, ";" + (1 + random.nextInt(40)));
            n = text(line, n, random.nextBoolean() ? ";True;Image" : ";False;Image");
            n = text(line, n, random.nextInt(20) == 0 ? ";Yes\n" : ";No\n");
            out.write(line, 0, n);
        }
    }

    private static int hex(byte[] line, int n, SplittableRandom random, int digits) {
        for (int i = 0; i < digits; i += 16) {
            long bits = random.nextLong();
            for (int j = 0; j < 16 && i + j < digits; j++) {
                line[n++] = HEX[(int) (bits >>> (4 * j)) & 15];
            }
        }
        return n;
    }

    private static int text(byte[] line, int n, String s) {
        for (int i = 0; i < s.length(); i++) {
            line[n++] = (byte) s.charAt(i);
        }
        return n;
    }
}
