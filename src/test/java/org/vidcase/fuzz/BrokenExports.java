package org.vidcase.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Forensic exports (VICS JSON, hash CSV) and hash-set files (ICSE CSV, plain lists) with broken
 * structure, wrong encodings and hostile values, each with what an import must make of it: the
 * records that are whole and valid, and whether the file as a whole must be refused (then nothing
 * of it may be stored). Hashes are random per seed; no real material.
 */
public final class BrokenExports {

    /** What importing the file must give. */
    public enum Outcome {
        /** Imported: exactly {@link BrokenFile#good()} stored, {@link BrokenFile#bad()} records reported. */
        RECORDS,
        /** Refused as a whole (422 at once, or a failed job): nothing of it stored. */
        REFUSED
    }

    public enum Kind { VICS, CSV, ICSE, PLAIN }

    /** @param good MD5s of the records that must be stored; @param bad how many records must be reported */
    public record BrokenFile(String name, Kind kind, byte[] bytes, Outcome outcome, List<String> good, int bad) {
        @Override
        public String toString() {
            return kind + " " + name + " (" + bytes.length + " bytes)";
        }
    }

    private final SplittableRandom random;

    private BrokenExports(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** Forensic-export cases: imported through {@code POST .../seizures/{id}/imports}. */
    public static List<BrokenFile> forensicExports(long seed) {
        BrokenExports g = new BrokenExports(seed);
        List<BrokenFile> files = new ArrayList<>();
        files.addAll(g.vicsCases());
        files.addAll(g.csvCases());
        return files;
    }

    /** Hash-set cases: imported through {@code POST /api/hash-sets/{id}/imports}. */
    public static List<BrokenFile> hashSetFiles(long seed) {
        return new BrokenExports(seed).hashSetCases();
    }

    // --- VICS ----------------------------------------------------------------------------------

    private List<BrokenFile> vicsCases() {
        List<BrokenFile> files = new ArrayList<>();
        List<String> md5 = md5s(3);
        String whole = vics(md5, "a.jpg", "C:\\\\Users\\\\x");
        files.add(vics("whole", utf8(whole), Outcome.RECORDS, md5, 0));
        files.add(vics("truncated in a record", utf8(whole.substring(0, whole.indexOf(md5.get(1)) + 10)), Outcome.REFUSED));
        files.add(vics("truncated after the last record", utf8(whole.substring(0, whole.lastIndexOf('}', whole.length() - 4))),
                Outcome.REFUSED));
        files.add(vics("cut to its header", utf8(whole.substring(0, whole.indexOf("\"value\"") + 10)), Outcome.REFUSED));
        files.add(vics("value is an object", utf8(whole.replaceFirst("\"value\": \\[", "\"value\": {\"x\": [")
                .replaceFirst("]}$", "]}}")), Outcome.REFUSED));
        files.add(vics("metadata key after value", utf8("{\"value\": [], \"@odata.context\": \""
                + "http://github.com/VICSDATAMODEL/ProjectVic/DataModels/2.0.xml/US/$metadata#Cases\"}"), Outcome.REFUSED));
        files.add(vics("brackets that do not balance", utf8(whole.replaceFirst("\\]\\}\\]\\}$", "}]}]}")), Outcome.REFUSED));
        files.add(vics("media records as strings", utf8(whole.replace("\"Media\": [{", "\"Media\": [\"x\", {")), Outcome.RECORDS,
                md5, 1));
        files.add(vics("UTF-8 byte-order mark", concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, utf8(whole)),
                Outcome.RECORDS, md5, 0));
        files.add(vics("UTF-16LE with byte-order mark", concat(new byte[] {(byte) 0xFF, (byte) 0xFE},
                whole.getBytes(StandardCharsets.UTF_16LE)), Outcome.RECORDS, md5, 0));
        files.add(vics("UTF-16BE without byte-order mark", whole.getBytes(StandardCharsets.UTF_16BE), Outcome.RECORDS, md5, 0));
        files.add(vics("Latin-1 bytes in a file name", latin1(vics(md5, "M\u00e4dchen.jpg", "C:\\\\Bilder")), Outcome.REFUSED));
        files.add(vics("a raw NUL byte in a string", utf8(vics(md5, "a\u0000.jpg", "C:\\\\x")), Outcome.REFUSED));
        List<String> nul = md5s(3);
        files.add(vics("an escaped NUL in one file name", utf8(vics(nul, List.of("ok.jpg", "bad\\u0000.jpg", "ok2.jpg"))),
                Outcome.RECORDS, List.of(nul.get(0), nul.get(2)), 1));
        List<String> surrogate = md5s(3);
        files.add(vics("a lone surrogate in one file name", utf8(vics(surrogate, List.of("ok.jpg", "bad\\ud800.jpg", "ok2.jpg"))),
                Outcome.RECORDS, List.of(surrogate.get(0), surrogate.get(2)), 1));
        List<String> longName = md5s(3);
        files.add(vics("a file name of 5,000 characters", utf8(vics(longName, List.of("ok.jpg", "n".repeat(5000), "ok2.jpg"))),
                Outcome.RECORDS, List.of(longName.get(0), longName.get(2)), 1));
        files.add(vics("a string of 2 MB", utf8(vics(md5s(3), List.of("ok.jpg", "x".repeat(2_100_000), "ok2.jpg"))),
                Outcome.REFUSED));
        files.add(vics("nested 5,000 levels deep", utf8(whole.replace("\"Media\": [{", "\"Media\": [{\"Deep\": "
                + "[".repeat(5000) + "]".repeat(5000) + ", ")), Outcome.REFUSED));
        List<String> duplicate = md5s(3);
        String twice = vics(duplicate, "a.jpg", "C:\\\\x").replace("\"MD5\": \"" + duplicate.get(1) + "\"",
                "\"MD5\": \"" + duplicate.get(1) + "\", \"MD5\": \"" + md5s(1).get(0) + "\"");
        files.add(vics("one record with MD5 twice, different values", utf8(twice), Outcome.RECORDS,
                List.of(duplicate.get(0), duplicate.get(2)), 1));
        List<String> formulas = md5s(6);
        List<String> names = List.of("=HYPERLINK(\"http://x.invalid\")", "+1+1.jpg", "-2+3.jpg", "@SUM(A1).jpg",
                "\tcmd.jpg", "\rcmd.jpg");
        files.add(vics("formula prefixes in file names", utf8(vics(formulas, names.stream().map(BrokenExports::jsonText).toList())),
                Outcome.RECORDS, formulas, 0));
        files.add(vics("not JSON at all", randomBytes(4096), Outcome.REFUSED));
        files.add(vics("empty", new byte[0], Outcome.REFUSED));
        return files;
    }

    private static BrokenFile vics(String name, byte[] bytes, Outcome outcome) {
        return new BrokenFile(name, Kind.VICS, bytes, outcome, List.of(), 0);
    }

    private static BrokenFile vics(String name, byte[] bytes, Outcome outcome, List<String> good, int bad) {
        return new BrokenFile(name, Kind.VICS, bytes, outcome, good, bad);
    }

    /** A VICS 2.0 case export of one record per MD5, each at the given file name (JSON-escaped text). */
    static String vics(List<String> md5s, String fileName, String folder) {
        return vics(md5s, md5s.stream().map(m -> fileName).toList(), folder);
    }

    private static String vics(List<String> md5s, List<String> fileNames) {
        return vics(md5s, fileNames, "C:\\\\x");
    }

    private static String vics(List<String> md5s, List<String> fileNames, String folder) {
        StringBuilder media = new StringBuilder();
        for (int i = 0; i < md5s.size(); i++) {
            if (i > 0) {
                media.append(", ");
            }
            media.append("{\"MediaID\": ").append(i + 1).append(", \"MD5\": \"").append(md5s.get(i))
                    .append("\", \"Category\": 2, \"MediaFiles\": [{\"FileName\": \"").append(fileNames.get(i))
                    .append("\", \"FilePath\": \"").append(folder).append("\"}]}");
        }
        return "{\"@odata.context\": \"http://github.com/VICSDATAMODEL/ProjectVic/DataModels/2.0.xml/US/$metadata#Cases\", "
                + "\"value\": [{\"CaseNumber\": \"SRC-1\", \"Media\": [" + media + "]}]}";
    }

    // --- hash CSV --------------------------------------------------------------------------------

    private List<BrokenFile> csvCases() {
        List<BrokenFile> files = new ArrayList<>();
        List<String> md5 = md5s(3);
        String whole = csv(",", md5, List.of("a.jpg", "b.jpg", "c.jpg"));
        files.add(csv("whole", utf8(whole), Outcome.RECORDS, md5, 0));
        files.add(csv("UTF-8 byte-order mark", concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, utf8(whole)),
                Outcome.RECORDS, md5, 0));
        files.add(csv("UTF-16LE with byte-order mark", concat(new byte[] {(byte) 0xFF, (byte) 0xFE},
                whole.getBytes(StandardCharsets.UTF_16LE)), Outcome.RECORDS, md5, 0));
        files.add(csv("semicolons", utf8(csv(";", md5, List.of("a.jpg", "b.jpg", "c.jpg"))), Outcome.RECORDS, md5, 0));
        files.add(csv("tabs", utf8(csv("\t", md5, List.of("a.jpg", "b.jpg", "c.jpg"))), Outcome.RECORDS, md5, 0));
        List<String> mixed = md5s(3);
        files.add(csv("a row with semicolons in a comma file", utf8("MD5,FileName\n" + mixed.get(0) + ",a.jpg\n"
                + mixed.get(1) + ";b.jpg\n" + mixed.get(2) + ",c.jpg\n"), Outcome.RECORDS,
                List.of(mixed.get(0), mixed.get(2)), 1));
        List<String> quote = md5s(3);
        files.add(csv("a quote that never closes", utf8("MD5,FileName\n" + quote.get(0) + ",a.jpg\n" + quote.get(1)
                + ",\"b.jpg\n" + quote.get(2) + ",c.jpg\n"), Outcome.REFUSED));
        List<String> stray = md5s(3);
        files.add(csv("a stray quote inside a field", utf8("MD5,FileName\n" + stray.get(0) + ",a.jpg\n" + stray.get(1)
                + ",b\"x\".jpg\n" + stray.get(2) + ",c.jpg\n"), Outcome.RECORDS, stray, 0));
        List<String> nul = md5s(3);
        files.add(csv("a NUL byte in one file name", utf8("MD5,FileName\n" + nul.get(0) + ",a.jpg\n" + nul.get(1)
                + ",b\u0000.jpg\n" + nul.get(2) + ",c.jpg\n"), Outcome.RECORDS, List.of(nul.get(0), nul.get(2)), 1));
        List<String> latin = md5s(3);
        files.add(csv("Latin-1 bytes in one file name", concat(concat(utf8("MD5,FileName\n" + latin.get(0) + ",a.jpg\n"
                + latin.get(1) + ",M"), new byte[] {(byte) 0xE4}), utf8("dchen.jpg\n" + latin.get(2) + ",c.jpg\n")),
                Outcome.RECORDS, List.of(latin.get(0), latin.get(2)), 1));
        List<String> huge = md5s(3);
        files.add(csv("a field of 4 MB", utf8("MD5,FileName\n" + huge.get(0) + ",a.jpg\n" + huge.get(1) + ","
                + "h".repeat(4_000_000) + "\n" + huge.get(2) + ",c.jpg\n"), Outcome.RECORDS,
                List.of(huge.get(0), huge.get(2)), 1));
        List<String> longName = md5s(3);
        files.add(csv("a file name of 5,000 characters", utf8("MD5,FileName\n" + longName.get(0) + ",a.jpg\n"
                + longName.get(1) + "," + "n".repeat(5000) + "\n" + longName.get(2) + ",c.jpg\n"), Outcome.RECORDS,
                List.of(longName.get(0), longName.get(2)), 1));
        List<String> formula = md5s(6);
        files.add(csv("formula prefixes in file names", utf8(csv(",", formula, List.of("\"=HYPERLINK(\"\"http://x.invalid\"\")\"",
                "+1+1.jpg", "-2+3.jpg", "@SUM(A1).jpg", "\"\tcmd.jpg\"", "\"\rcmd.jpg\""))), Outcome.RECORDS, formula, 0));
        List<String> short1 = md5s(3);
        files.add(csv("a short and a long row", utf8("MD5,FileName,Size\n" + short1.get(0) + ",a.jpg,1\n" + short1.get(1)
                + "\n" + short1.get(2) + ",c.jpg,3,extra\n"), Outcome.RECORDS, List.of(short1.get(0)), 2));
        files.add(csv("no hash column", utf8("FileName,Size\na.jpg,1\n"), Outcome.REFUSED));
        files.add(csv("binary", randomBytes(4096), Outcome.REFUSED));
        files.add(csv("empty", new byte[0], Outcome.REFUSED));
        return files;
    }

    private static BrokenFile csv(String name, byte[] bytes, Outcome outcome) {
        return new BrokenFile(name, Kind.CSV, bytes, outcome, List.of(), 0);
    }

    private static BrokenFile csv(String name, byte[] bytes, Outcome outcome, List<String> good, int bad) {
        return new BrokenFile(name, Kind.CSV, bytes, outcome, good, bad);
    }

    private static String csv(String separator, List<String> md5s, List<String> names) {
        StringBuilder s = new StringBuilder("MD5" + separator + "FileName" + separator + "Size\r\n");
        for (int i = 0; i < md5s.size(); i++) {
            s.append(md5s.get(i)).append(separator).append(names.get(i)).append(separator).append(100 + i).append("\r\n");
        }
        return s.toString();
    }

    // --- hash-set files -----------------------------------------------------------------------------

    private List<BrokenFile> hashSetCases() {
        List<BrokenFile> files = new ArrayList<>();
        String header = "MD5;SHA1;ZZ40;PhotoDNA;Lace;Image ID;Is distributed;Victim identified;Offender identified;"
                + "Series name;Investigation name;Agency;Number of submissions;File Available;Media Type;Baseline";
        List<String> md5 = md5s(3);
        String whole = header + "\r\n" + md5.stream().map(m -> m + ";;;;;1;Y;N;N;Lantern;Op X;Agency Y;1;True;Image;No")
                .reduce((a, b) -> a + "\r\n" + b).orElseThrow() + "\r\n";
        files.add(new BrokenFile("ICSE whole", Kind.ICSE, utf8(whole), Outcome.RECORDS, md5, 0));
        files.add(new BrokenFile("ICSE with a byte-order mark", Kind.ICSE, concat(new byte[] {(byte) 0xEF, (byte) 0xBB,
                (byte) 0xBF}, utf8(whole)), Outcome.RECORDS, md5, 0));
        files.add(new BrokenFile("ICSE truncated in a row", Kind.ICSE, utf8(whole.substring(0, whole.length() - 30)),
                Outcome.RECORDS, md5.subList(0, 2), 1));
        files.add(new BrokenFile("ICSE with a quote that never closes", Kind.ICSE, utf8(whole.replace(md5.get(1) + ";",
                md5.get(1) + ";\"")), Outcome.REFUSED, List.of(), 0));
        List<String> nul = md5s(3);
        files.add(new BrokenFile("ICSE with a NUL in a series name", Kind.ICSE, utf8(header + "\r\n" + nul.get(0)
                + ";;;;;1;Y;N;N;Lantern;;;1;True;Image;No\r\n" + nul.get(1) + ";;;;;1;Y;N;N;Lan\u0000tern;;;1;True;Image;No\r\n"
                + nul.get(2) + ";;;;;1;Y;N;N;Lantern;;;1;True;Image;No\r\n"), Outcome.RECORDS, List.of(nul.get(0), nul.get(2)), 1));
        List<String> formula = md5s(2);
        files.add(new BrokenFile("ICSE with formula prefixes in series names", Kind.ICSE, utf8(header + "\r\n"
                + formula.get(0) + ";;;;;1;Y;N;N;=HYPERLINK(\"\"x\"\");;;1;True;Image;No\r\n"
                + formula.get(1) + ";;;;;1;Y;N;N;@SUM(A1);;;1;True;Image;No\r\n"), Outcome.RECORDS, formula, 0));
        files.add(new BrokenFile("ICSE with commas instead of semicolons", Kind.ICSE, utf8(whole.replace(';', ',')),
                Outcome.REFUSED, List.of(), 0));
        List<String> plain = md5s(3);
        files.add(new BrokenFile("plain list with a bad line", Kind.PLAIN, utf8(plain.get(0) + "\n" + "zz-not-hex\n"
                + plain.get(1) + "\r\n" + plain.get(2) + "\n"), Outcome.RECORDS, plain, 1));
        files.add(new BrokenFile("plain list of binary", Kind.PLAIN, randomBytes(2048), Outcome.REFUSED, List.of(), 0));
        List<String> vics = md5s(3);
        files.add(new BrokenFile("VICS hash set truncated", Kind.VICS, utf8(vics(vics, "a.jpg", "C:\\\\x")
                .substring(0, 200)), Outcome.REFUSED, List.of(), 0));
        return files;
    }

    // --- helpers ----------------------------------------------------------------------------------

    private List<String> md5s(int n) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            byte[] b = new byte[16];
            for (int k = 0; k < 16; k++) {
                b[k] = (byte) random.nextInt(256);
            }
            out.add(HexFormat.of().formatHex(b));
        }
        return out;
    }

    private byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) random.nextInt(256);
        }
        b[0] = (byte) 0xFE;
        return b;
    }

    /** Text as the inside of a JSON string: quotes, backslashes and controls escaped. */
    static String jsonText(String s) {
        StringBuilder out = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] latin1(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(a);
        out.writeBytes(b);
        return out.toByteArray();
    }
}
