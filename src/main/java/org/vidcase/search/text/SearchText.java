package org.vidcase.search.text;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Normalises file names, folder paths and free text for the search index.
 *
 * <p>The index only has Elasticsearch's core {@code whitespace} analyzer (no asciifolding, no
 * word_delimiter, no path_hierarchy), so all normalisation happens here. Documents and queries must
 * go through these same methods, or their tokens will not meet.
 */
public final class SearchText {

    /** Longer tokens are never indexed, so they are dropped from queries too. */
    static final int MAX_TOKEN_LENGTH = 100;

    private static final int MAX_EXTENSION_LENGTH = 10;
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    /**
     * A parsed query: documents must have every {@code required} token, a token starting with each
     * of the {@code prefixes}, and none of the {@code excluded} tokens.
     */
    public record Query(List<String> required, List<String> prefixes, List<String> excluded) {

        public Query {
            required = List.copyOf(required);
            prefixes = List.copyOf(prefixes);
            excluded = List.copyOf(excluded);
        }
    }

    private SearchText() {
    }

    /** Accent-free, lower-case form of {@code s}: "Ålesund Straße" is "alesund strasse"; null is "". */
    public static String fold(String s) {
        return lower(decompose(s));
    }

    /**
     * Tokens to index for {@code text}: each run of letters and digits whole, and also its parts when
     * it has any ("HolidayPics2019" gives holidaypics2019, holiday, pics, 2019), and numbers with
     * leading zeros also without them ("0042" gives 0042 and 42).
     */
    public static List<String> indexTokens(String text) {
        Set<String> tokens = new LinkedHashSet<>();
        for (Runs.Run run : Runs.of(decompose(text))) {
            addIndexToken(tokens, lower(run.whole()));
            if (run.parts().size() > 1) {
                run.parts().forEach(part -> addIndexToken(tokens, lower(part)));
            }
        }
        return List.copyOf(tokens);
    }

    /**
     * Tokens to look up for {@code text}: only the finest parts, as typed ("IMG0042" gives img and
     * 0042), each of which {@link #indexTokens} also produces for the same text.
     */
    public static List<String> queryTokens(String text) {
        Set<String> tokens = new LinkedHashSet<>();
        finestParts(text).forEach(part -> addToken(tokens, part));
        return List.copyOf(tokens);
    }

    /** The whole file name, folded, for exact matches; null when there is no name. */
    public static String fileNameKey(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        String key = fold(name.strip());
        return key.isEmpty() ? null : key;
    }

    /**
     * The folded text after the last dot ("archive.tar.gz" gives gz), or null when there is none,
     * when it is not 1 to 10 letters or digits, or when the name is a dot file such as ".bashrc".
     */
    public static String extension(String name) {
        if (name == null) {
            return null;
        }
        String trimmed = name.strip();
        int dot = trimmed.lastIndexOf('.');
        if (dot <= 0) {
            return null;
        }
        String extension = fold(trimmed.substring(dot + 1));
        int length = extension.codePointCount(0, extension.length());
        boolean valid = length >= 1 && length <= MAX_EXTENSION_LENGTH
                && extension.codePoints().allMatch(Character::isLetterOrDigit);
        return valid ? extension : null;
    }

    /**
     * The folders of a folder path from the top down, each as its full normalised path, so that "in
     * this folder or below" is an exact match on one of them. "C:\Users\Bob" gives c:, c:/users and
     * c:/users/bob; "/DCIM/100APPLE" gives /dcim and /dcim/100apple. Backslashes count as slashes,
     * repeated and trailing slashes are ignored. The root alone, a blank path and null give none.
     */
    public static List<String> folders(String path) {
        if (path == null) {
            return List.of();
        }
        // Folded first: compatibility forms such as the full-width solidus become separators too.
        String normal = fold(path.strip()).replace('\\', '/');
        List<String> folders = new ArrayList<>();
        String current = normal.startsWith("/") ? "/" : "";
        for (String segment : normal.split("/")) {
            if (segment.isEmpty()) {
                continue;
            }
            current = current.isEmpty() || current.equals("/") ? current + segment : current + "/" + segment;
            folders.add(current);
        }
        return List.copyOf(folders);
    }

    /** The normalised full path as {@link #folders} has it last, or null when that has none. */
    public static String folderKey(String path) {
        List<String> folders = folders(path);
        return folders.isEmpty() ? null : folders.get(folders.size() - 1);
    }

    /**
     * Parses a search box query; null when {@code q} is null or blank, meaning no text search.
     *
     * <p>Words are separated by white space and match through their {@link #queryTokens}. A word
     * ending with {@code *} is a prefix: its last part must begin a token and its other parts are
     * required ("IMG00*" requires img and a token starting with 00). A word starting with {@code -}
     * excludes documents having any of its parts. Text in double quotes is just its words, all
     * required, with {@code -} and {@code *} taken literally; word positions are not indexed, so it
     * is not a phrase search.
     *
     * @throws IllegalArgumentException with a message starting "q: " when the query is longer than
     *     500 characters, has more than 32 terms, has a prefix of fewer than 2 letters or digits, or
     *     has nothing to search for
     */
    public static Query parseQuery(String q) {
        return QueryParser.parse(q);
    }

    /** The folded finest parts of {@code text} in order, repeats and over-long parts included. */
    static List<String> finestParts(String text) {
        List<String> parts = new ArrayList<>();
        for (Runs.Run run : Runs.of(decompose(text))) {
            run.parts().forEach(part -> parts.add(lower(part)));
        }
        return parts;
    }

    static void addToken(Set<String> tokens, String token) {
        if (token.length() <= MAX_TOKEN_LENGTH) {
            tokens.add(token);
        }
    }

    private static void addIndexToken(Set<String> tokens, String token) {
        addToken(tokens, token);
        String unpadded = withoutLeadingZeros(token);
        if (!unpadded.isEmpty()) {
            addToken(tokens, unpadded);
        }
    }

    /** The number without its leading zeros, or "" when {@code token} is no such number. */
    private static String withoutLeadingZeros(String token) {
        if (!token.startsWith("0") || !token.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return "";
        }
        int first = 0;
        while (first < token.length() && token.charAt(first) == '0') {
            first++;
        }
        return token.substring(first);
    }

    /**
     * Compatibility-decomposed text without combining marks, case kept. Recomposing afterwards
     * rejoins Hangul syllables, which NFKD splits into jamo that are letters, not marks.
     */
    private static String decompose(String s) {
        if (s == null) {
            return "";
        }
        String withoutMarks = MARKS.matcher(Normalizer.normalize(s, Normalizer.Form.NFKD)).replaceAll("");
        return Normalizer.normalize(withoutMarks, Normalizer.Form.NFC);
    }

    /** Lower case, with the letters that NFKD leaves alone spelled out and every digit made ASCII. */
    private static String lower(String decomposed) {
        String lower = decomposed.toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(lower.length());
        lower.codePoints().forEach(cp -> appendFolded(out, cp));
        return out.toString();
    }

    private static void appendFolded(StringBuilder out, int cp) {
        switch (cp) {
            case 'ß' -> out.append("ss");
            case 'æ' -> out.append("ae");
            case 'œ' -> out.append("oe");
            case 'þ' -> out.append("th");
            case 'ø' -> out.append('o');
            case 'ł' -> out.append('l');
            case 'đ', 'ð' -> out.append('d');
            case 'ı' -> out.append('i');
            // Lower-casing picks the final sigma from context, which a word part cut from its run lacks.
            case 'ς' -> out.append('σ');
            default -> {
                if (Character.isDigit(cp)) {
                    out.append((char) ('0' + Character.digit(cp, 10)));
                } else {
                    out.appendCodePoint(cp);
                }
            }
        }
    }
}
