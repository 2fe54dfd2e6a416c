package org.vidcase.shared.request;

/**
 * Text the database can keep exactly as it came: no NUL (PostgreSQL text cannot hold it) and no
 * unpaired UTF-16 surrogate (it has no UTF-8 form, so the driver would store a '?' in its place).
 * Everything else, other control characters and formula prefixes included, is kept as sent.
 */
public final class StorableText {

    public static final String RULE = "must be text without NUL characters or unpaired surrogates";

    private StorableText() {
    }

    public static boolean isStorable(CharSequence text) {
        if (text == null) {
            return true;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u0000') {
                return false;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }
}
