package org.vidcase.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Bodies of operations that take files: evidence uploads (raw and multipart), forensic-export and
 * hash-set imports, probe pictures. The valid one is a small synthetic picture or a one-record
 * export; the hostile ones are broken pictures and exports, hostile multipart forms and file names.
 */
final class FileBodies {

    private static final String BOUNDARY = "fuzzBoundary7MA4YWxkTrZu0gW";

    private FileBodies() {
    }

    /** Whether the operation's files are exports to import rather than pictures. */
    static boolean imports(ApiOperation op) {
        return op.path().endsWith("/imports");
    }

    /** The content type a valid request sends: a picture's or a CSV's before JSON, multipart last. */
    static String preferredType(ApiOperation op) {
        for (String type : List.of("text/csv", "application/octet-stream", "image/*", "image/png", "multipart/form-data",
                "application/json", "text/plain")) {
            if (op.takes(type)) {
                return type;
            }
        }
        return op.bodies().keySet().iterator().next();
    }

    static byte[] valid(ApiOperation op, String type, String format, long seed) {
        if (type.startsWith("multipart/")) {
            return multipart(List.of(filePart("IMG_0001.png", picture(seed)), textPart("path", "/DCIM/100APPLE")));
        }
        if (!imports(op)) {
            return picture(seed);
        }
        return exportFile(format == null ? (type.equals("text/csv") ? "CSV" : "VICS") : format, seed);
    }

    /** A one-record export in the named format (hash CSV, VICS, ICSE or a plain list), new hashes each call. */
    static byte[] exportFile(String format, long seed) {
        String md5 = md5(seed);
        return (switch (format.toUpperCase(Locale.ROOT)) {
            case "CSV" -> "MD5,FileName\r\n" + md5 + ",IMG_0001.jpg\r\n";
            case "ICSE" -> "MD5;SHA1;ZZ40;PhotoDNA;Lace;Image ID;Is distributed;Victim identified;Offender identified;"
                    + "Series name;Investigation name;Agency;Number of submissions;File Available;Media Type;Baseline\r\n"
                    + md5 + ";;;;;1;N;N;N;;;;1;True;Image;No\r\n";
            case "PLAIN", "NSRL" -> md5 + "\n";
            default -> BrokenExports.vics(List.of(md5), "IMG_0001.jpg", "C:\\\\DCIM");
        }).getBytes(StandardCharsets.UTF_8);
    }

    /** {@code seed} makes the pictures and hashes of this operation's inputs; each call of the generator's valid() a new one. */
    static void hostile(ApiOperation op, HostileInputs generator, HostileInputs.Builder inputs, SplittableRandom random,
                        long seed) {
        HttpRequestSpec valid = generator.valid(op);
        if (op.bodies().keySet().stream().anyMatch(t -> t.startsWith("multipart/"))) {
            multipartInputs(valid, inputs, seed, random);
        }
        if (imports(op)) {
            exportInputs(op, valid, inputs, seed);
        } else {
            List<String> pictureTypes = op.bodies().keySet().stream()
                    .filter(t -> t.startsWith("image/") || t.equals("application/octet-stream"))
                    .map(HostileInputs::concrete).toList();
            if (!pictureTypes.isEmpty()) {
                pictureInputs(valid, pictureTypes, inputs, seed, random);
            }
        }
        String type = HostileInputs.concrete(preferredType(op));
        inputs.add(InputClass.CHUNKED_BODY, "the valid file, chunked", valid.chunkedBody());
        inputs.refuse(InputClass.CHUNKED_BODY, "6 MB chunked, over the test's upload limit",
                valid.withBody(type.startsWith("multipart/") ? "application/octet-stream" : type, new byte[6 * 1024 * 1024])
                        .chunkedBody());
        inputs.refuse(InputClass.HUGE_VALUE, "6 MB announced, over the test's upload limit",
                valid.withBody(type.startsWith("multipart/") ? "application/octet-stream" : type, new byte[6 * 1024 * 1024]));
        inputs.refuse(InputClass.WRONG_CONTENT_TYPE, "text/html", valid.withBody("text/html", valid.body()));
        inputs.add(InputClass.WRONG_CONTENT_TYPE, "no Content-Type", valid.withBody(null, valid.body()));
        inputs.refuse(InputClass.WRONG_CONTENT_TYPE, "a form", valid.withBody("application/x-www-form-urlencoded",
                "file=x".getBytes(StandardCharsets.US_ASCII)));
        inputs.add(InputClass.EMPTY_VALUE, "an empty body", valid.withBody(type.startsWith("multipart/")
                ? "multipart/form-data; boundary=" + BOUNDARY : type, new byte[0]));
    }

    /** Light cases, each once, the operation's picture types in turn; the whole corpus is HostileEvidenceTest's. */
    private static void pictureInputs(HttpRequestSpec valid, List<String> types, HostileInputs.Builder inputs, long seed,
                                      SplittableRandom random) {
        int n = 0;
        for (HostileImages.HostileFile file : HostileImages.all(ApiFuzzSeeds.DEFAULT)) {
            String name = file.name();
            if (name.startsWith("empty") || name.startsWith("truncated-half") || name.startsWith("header-only.")
                    || name.startsWith("polyglot-") || name.contains("huge-dimensions") || name.startsWith("not-an-image")) {
                String type = types.get(n++ % types.size());
                inputs.add(InputClass.HOSTILE_FILE, type + ": " + file, valid.withBody(type, file.bytes()));
            }
        }
        String type = types.get(0);
        byte[] noise = new byte[65_536];
        for (int i = 0; i < noise.length; i++) {
            noise[i] = (byte) random.nextInt(256);
        }
        inputs.add(InputClass.HOSTILE_FILE, type + ": 64 KB of random bytes", valid.withBody(type, noise));
    }

    /** Each broken file once, as the type that fits it best among those the operation takes. */
    private static void exportInputs(ApiOperation op, HttpRequestSpec valid, HostileInputs.Builder inputs, long seed) {
        List<BrokenExports.BrokenFile> files = new java.util.ArrayList<>(BrokenExports.forensicExports(seed));
        files.addAll(BrokenExports.hashSetFiles(seed));
        for (BrokenExports.BrokenFile file : files) {
            if (file.bytes().length > 1_000_000) {
                continue;
            }
            String type = switch (file.kind()) {
                case CSV, ICSE -> op.takes("text/csv") ? "text/csv" : "application/octet-stream";
                case VICS -> op.takes("application/json") ? "application/json" : "application/octet-stream";
                case PLAIN -> op.takes("text/plain") ? "text/plain" : "application/octet-stream";
            };
            inputs.add(InputClass.HOSTILE_FILE, type + ": " + file, valid.withBody(type, file.bytes()));
        }
    }

    private static void multipartInputs(HttpRequestSpec valid, HostileInputs.Builder inputs, long seed,
                                        SplittableRandom random) {
        String form = "multipart/form-data; boundary=" + BOUNDARY;
        java.util.function.BiConsumer<String, byte[]> add = (what, body) ->
                inputs.add(what.contains("../") || what.contains("..\\") || what.contains("absolute")
                        ? InputClass.PATH_TRAVERSAL : what.contains("NUL") || what.contains("CR LF")
                        ? InputClass.CONTROL_CHARACTERS : what.contains("UTF-8") ? InputClass.INVALID_UTF8
                        : InputClass.HOSTILE_FILE, "multipart: " + what, valid.withBody(form, body));
        add.accept("file name ../../../../etc/passwd", multipart(List.of(filePart("../../../../etc/passwd", picture(seed)))));
        add.accept("file name ..\\..\\windows\\win.ini", multipart(List.of(filePart("..\\..\\windows\\win.ini", picture(seed)))));
        add.accept("an absolute file name /etc/cron.d/x", multipart(List.of(filePart("/etc/cron.d/x", picture(seed)))));
        add.accept("folders ../ in the path part", multipart(List.of(filePart("a.png", picture(seed)),
                textPart("path", "../../../../tmp"))));
        add.accept("a NUL in the file name", multipart(List.of(filePartRaw(ascii("a\u0000b.png"), picture(seed)))));
        add.accept("a file name that is no UTF-8", multipart(List.of(filePartRaw(new byte[] {'a', (byte) 0xC3, 0x28,
                (byte) 0xFF, '.', 'p', 'n', 'g'}, picture(seed)))));
        add.accept("CR LF and a header injected into the file name", multipart(List.of(filePartRaw(
                ascii("a.png\"\r\nContent-Type: text/html\r\nX-Injected: \"1"), picture(seed)))));
        add.accept("an RFC 5987 file name with a bidi override", multipart(List.of(part(
                "Content-Disposition: form-data; name=\"file\"; filename*=UTF-8''photo%E2%80%AEgpj.exe\r\n"
                        + "Content-Type: application/octet-stream", picture(seed)))));
        add.accept("a file name of 5,000 characters", multipart(List.of(filePart("n".repeat(5000) + ".png", picture(seed)))));
        add.accept("an empty file name", multipart(List.of(filePart("", picture(seed)))));
        add.accept("a file part without a file name", multipart(List.of(part(
                "Content-Disposition: form-data; name=\"file\"\r\nContent-Type: application/octet-stream", picture(seed)))));
        add.accept("only a path part, no file", multipart(List.of(textPart("path", "/DCIM"))));
        add.accept("a file under another part name", multipart(List.of(part(
                "Content-Disposition: form-data; name=\"upload\"; filename=\"a.png\"\r\nContent-Type: image/png", picture(seed)))));
        add.accept("two files and three paths", multipart(List.of(filePart("a.png", picture(seed)), filePart("b.png",
                picture(seed)), textPart("path", "/1"), textPart("path", "/2"), textPart("path", "/3"))));
        add.accept("an empty file", multipart(List.of(filePart("empty.png", new byte[0]))));
        add.accept("a broken picture", multipart(List.of(filePart("broken.jpg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0}))));
        add.accept("no closing boundary", java.util.Arrays.copyOf(multipart(List.of(filePart("a.png", picture(seed)))),
                multipart(List.of(filePart("a.png", picture(seed)))).length - BOUNDARY.length() - 6));
        add.accept("a part header of 20,000 characters", multipart(List.of(part(
                "Content-Disposition: form-data; name=\"file\"; filename=\"a.png\"\r\nX-Padding: " + "p".repeat(20_000),
                picture(seed)))));
        add.accept("garbage between the boundaries", ascii("--" + BOUNDARY + "\r\nnot a header at all\r\n\r\nxyz\r\n--"
                + BOUNDARY + "--\r\n"));
        inputs.add(InputClass.WRONG_CONTENT_TYPE, "multipart without a boundary",
                valid.withBody("multipart/form-data", multipart(List.of(filePart("a.png", picture(seed))))));
        inputs.add(InputClass.WRONG_CONTENT_TYPE, "multipart with another boundary than the body's",
                valid.withBody("multipart/form-data; boundary=other", multipart(List.of(filePart("a.png", picture(seed))))));
    }

    // --- multipart -----------------------------------------------------------------------------

    private static byte[] filePart(String fileName, byte[] content) {
        return filePartRaw(fileName.getBytes(StandardCharsets.UTF_8), content);
    }

    private static byte[] filePartRaw(byte[] fileName, byte[] content) {
        ByteArrayOutputStream headers = new ByteArrayOutputStream();
        headers.writeBytes(ascii("Content-Disposition: form-data; name=\"file\"; filename=\""));
        headers.writeBytes(fileName);
        headers.writeBytes(ascii("\"\r\nContent-Type: application/octet-stream"));
        return part(headers.toByteArray(), content);
    }

    private static byte[] textPart(String name, String value) {
        return part("Content-Disposition: form-data; name=\"" + name + "\"", value.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] part(String headers, byte[] content) {
        return part(headers.getBytes(StandardCharsets.UTF_8), content);
    }

    private static byte[] part(byte[] headers, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(headers);
        out.writeBytes(ascii("\r\n\r\n"));
        out.writeBytes(content);
        return out.toByteArray();
    }

    static byte[] multipart(List<byte[]> parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(ascii("--" + BOUNDARY + "\r\n"));
            out.writeBytes(part);
            out.writeBytes(ascii("\r\n"));
        }
        out.writeBytes(ascii("--" + BOUNDARY + "--\r\n"));
        return out.toByteArray();
    }

    static String multipartType() {
        return "multipart/form-data; boundary=" + BOUNDARY;
    }

    /** A small synthetic PNG, a different one for each value of {@code unique}. */
    static byte[] picture(long unique) {
        return HostileImages.validPng(unique);
    }

    private static String md5(long unique) {
        SplittableRandom random = new SplittableRandom(unique);
        byte[] b = new byte[16];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) random.nextInt(256);
        }
        return HexFormat.of().formatHex(b);
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }
}
