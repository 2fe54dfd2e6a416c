package org.vidcase.search.text;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The query syntax behind {@link SearchText#parseQuery}. */
final class QueryParser {

    private static final int MAX_LENGTH = 500;
    private static final int MAX_TERMS = 32;
    private static final int MIN_PREFIX_LENGTH = 2;

    private record Word(String text, boolean quoted) {
    }

    private final Set<String> required = new LinkedHashSet<>();
    private final Set<String> prefixes = new LinkedHashSet<>();
    private final Set<String> excluded = new LinkedHashSet<>();

    private QueryParser() {
    }

    static SearchText.Query parse(String q) {
        if (q == null || q.isBlank()) {
            return null;
        }
        String text = q.strip();
        if (text.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("q: at most " + MAX_LENGTH + " characters");
        }
        QueryParser parser = new QueryParser();
        words(text).forEach(parser::add);
        return parser.query();
    }

    /** Splits at white space and at double quotes, which switch quoting on and off. */
    private static List<Word> words(String text) {
        List<Word> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean quoted = false;
        for (char c : text.toCharArray()) {
            if (c == '"' || Character.isWhitespace(c)) {
                if (!word.isEmpty()) {
                    words.add(new Word(word.toString(), quoted));
                    word.setLength(0);
                }
                quoted ^= c == '"';
            } else {
                word.append(c);
            }
        }
        if (!word.isEmpty()) {
            words.add(new Word(word.toString(), quoted));
        }
        return words;
    }

    private void add(Word word) {
        String text = word.text();
        if (word.quoted()) {
            required.addAll(SearchText.queryTokens(text));
        } else if (text.startsWith("-")) {
            excluded.addAll(SearchText.queryTokens(text.substring(1)));
        } else if (text.endsWith("*")) {
            addPrefix(text);
        } else {
            required.addAll(SearchText.queryTokens(text));
        }
    }

    private void addPrefix(String word) {
        // Not queryTokens: dropping repeats could make an earlier part look like the last one.
        List<String> parts = SearchText.finestParts(word);
        String prefix = parts.isEmpty() ? "" : parts.remove(parts.size() - 1);
        if (prefix.codePointCount(0, prefix.length()) < MIN_PREFIX_LENGTH) {
            throw new IllegalArgumentException(
                    "q: a prefix needs at least " + MIN_PREFIX_LENGTH + " letters or digits before '*'");
        }
        parts.forEach(part -> SearchText.addToken(required, part));
        SearchText.addToken(prefixes, prefix);
    }

    private SearchText.Query query() {
        if (required.size() + prefixes.size() + excluded.size() > MAX_TERMS) {
            throw new IllegalArgumentException("q: at most " + MAX_TERMS + " search terms");
        }
        if (required.isEmpty() && prefixes.isEmpty()) {
            throw new IllegalArgumentException(excluded.isEmpty()
                    ? "q: nothing to search for; use letters or digits"
                    : "q: besides the words excluded with '-', give at least one word to search for");
        }
        return new SearchText.Query(new ArrayList<>(required), new ArrayList<>(prefixes), new ArrayList<>(excluded));
    }
}
