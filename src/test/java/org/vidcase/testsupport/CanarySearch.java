package org.vidcase.testsupport;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * Looks for canary strings in anything that left a server, in every form they could hide in: the
 * raw text, JSON with its escapes undone, base64 and base64url tokens decoded (the parts of a JWS),
 * PostgreSQL's hex form of bytea, and gzip inflated, recursively. Case does not matter.
 */
public final class CanarySearch {

    private static final Pattern BASE64 = Pattern.compile("[A-Za-z0-9_+/-]{16,}={0,2}");
    private static final Pattern PG_HEX = Pattern.compile("\\\\\\\\?x([0-9a-fA-F]{16,})");
    private static final Pattern UNICODE_ESCAPE = Pattern.compile("\\\\u([0-9a-fA-F]{4})");
    private static final int DEPTH = 4;

    private CanarySearch() {
    }

    /** The canaries found in the data, in any of its readable forms. */
    public static Set<String> found(byte[] data, Collection<String> canaries) {
        List<String> views = new ArrayList<>();
        views(data, DEPTH, views);
        Set<String> found = new TreeSet<>();
        for (String view : views) {
            String lower = view.toLowerCase(Locale.ROOT);
            for (String canary : canaries) {
                if (lower.contains(canary.toLowerCase(Locale.ROOT))) {
                    found.add(canary);
                }
            }
        }
        return found;
    }

    public static Set<String> found(String text, Collection<String> canaries) {
        return found(text.getBytes(StandardCharsets.UTF_8), canaries);
    }

    private static void views(byte[] data, int depth, List<String> out) {
        if (isGzip(data)) {
            byte[] inflated = gunzip(data);
            if (inflated != null) {
                views(inflated, depth, out);
            }
        }
        String text = new String(data, StandardCharsets.UTF_8);
        out.add(text);
        out.add(new String(data, StandardCharsets.ISO_8859_1));
        String unescaped = unescapeJson(text);
        if (!unescaped.equals(text)) {
            out.add(unescaped);
        }
        if (depth == 0) {
            return;
        }
        for (String source : unescaped.equals(text) ? List.of(text) : List.of(text, unescaped)) {
            Matcher hex = PG_HEX.matcher(source);
            while (hex.find()) {
                String digits = hex.group(1);
                if (digits.length() % 2 == 0) {
                    views(HexFormat.of().parseHex(digits), depth - 1, out);
                }
            }
            Matcher token = BASE64.matcher(source);
            while (token.find()) {
                for (byte[] decoded : decodings(token.group())) {
                    if (isGzip(decoded) || mostlyText(decoded)) {
                        views(decoded, depth - 1, out);
                    }
                }
            }
        }
    }

    private static List<byte[]> decodings(String token) {
        List<byte[]> out = new ArrayList<>(2);
        String bare = token.replace("=", "");
        try {
            out.add(Base64.getUrlDecoder().decode(bare.replace('+', '-').replace('/', '_')));
        } catch (IllegalArgumentException ignored) {
            // Not base64url.
        }
        // Tokens found inside longer runs may start mid-quantum: try the other alignments too.
        for (int shift = 1; shift < 4 && bare.length() - shift >= 16; shift++) {
            try {
                out.add(Base64.getUrlDecoder().decode(bare.substring(shift).replace('+', '-').replace('/', '_')));
            } catch (IllegalArgumentException ignored) {
                // Not at this alignment.
            }
        }
        return out;
    }

    private static boolean isGzip(byte[] data) {
        return data.length > 2 && (data[0] & 0xff) == 0x1f && (data[1] & 0xff) == 0x8b;
    }

    private static byte[] gunzip(byte[] data) {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(data))) {
            return in.readNBytes(256 << 20);
        } catch (IOException e) {
            return null;
        }
    }

    private static boolean mostlyText(byte[] data) {
        if (data.length == 0) {
            return false;
        }
        int printable = 0;
        for (byte b : data) {
            if ((b >= 0x20 && b < 0x7f) || b == '\n' || b == '\r' || b == '\t') {
                printable++;
            }
        }
        return printable >= data.length * 0.8;
    }

    private static String unescapeJson(String text) {
        Matcher m = UNICODE_ESCAPE.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(String.valueOf((char) Integer.parseInt(m.group(1), 16))));
        }
        m.appendTail(out);
        return out.toString().replace("\\/", "/").replace("\\\"", "\"").replace("\\\\", "\\").replace("\\n", "\n");
    }
}
