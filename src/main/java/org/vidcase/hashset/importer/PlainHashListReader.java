package org.vidcase.hashset.importer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Plain hash lists, one hash per line, streamed. The type follows from the length (32 hex digits
 * MD5, 40 SHA-1, 64 SHA-256) unless the line names it ({@code pdq:…}, {@code sha256:…}); 64 digits
 * are read as SHA-256 because that is what plain lists carry. Blank lines and {@code #} comments
 * are skipped; anything after the first whitespace is ignored, so md5sum/sha256sum output reads
 * as it is.
 */
public final class PlainHashListReader {

    private PlainHashListReader() {
    }

    /** Reads the whole list; returns the number of entries delivered. */
    public static long read(InputStream in, Consumer<ReferenceEntry> onEntry, Consumer<EntryError> onError)
            throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
        long lineNumber = 0;
        long delivered = 0;
        String line;
        while ((line = reader.readLine()) != null) {
            lineNumber++;
            String text = lineNumber == 1 && line.startsWith("\uFEFF") ? line.substring(1) : line;
            text = text.strip();
            if (text.isEmpty() || text.startsWith("#")) {
                continue;
            }
            int space = indexOfWhitespace(text);
            String token = space < 0 ? text : text.substring(0, space);
            try {
                onEntry.accept(entry(token));
                delivered++;
            } catch (IllegalArgumentException e) {
                onError.accept(new EntryError(lineNumber, e.getMessage()));
            }
        }
        return delivered;
    }

    static ReferenceEntry entry(String token) {
        int colon = token.indexOf(':');
        if (colon > 0) {
            HashType type = typeNamed(token.substring(0, colon));
            return ReferenceEntry.ofHash(type, token.substring(colon + 1));
        }
        return switch (token.length()) {
            case 32 -> ReferenceEntry.ofHash(HashType.MD5, token);
            case 40 -> ReferenceEntry.ofHash(HashType.SHA1, token);
            case 64 -> ReferenceEntry.ofHash(HashType.SHA256, token);
            default -> throw new IllegalArgumentException("not a hash: " + token.length()
                    + " characters (MD5 has 32 hex digits, SHA-1 40, SHA-256 64)");
        };
    }

    private static HashType typeNamed(String name) {
        return switch (name.toLowerCase(Locale.ROOT).replace("-", "")) {
            case "md5" -> HashType.MD5;
            case "sha1" -> HashType.SHA1;
            case "sha256" -> HashType.SHA256;
            case "pdq" -> HashType.PDQ;
            default -> throw new IllegalArgumentException("unknown hash type " + name);
        };
    }

    private static int indexOfWhitespace(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isWhitespace(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }
}
