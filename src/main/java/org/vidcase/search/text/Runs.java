package org.vidcase.search.text;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits text into runs of letters and digits, and each run into its parts. The text must still
 * have its original case, since camel case is what shows where a run like "HolidayPics" breaks.
 */
final class Runs {

    /** A run as written, and its parts in order; a run without inner boundaries is its only part. */
    record Run(String whole, List<String> parts) {
    }

    private Runs() {
    }

    static List<Run> of(String text) {
        List<Run> runs = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            int start = i;
            while (i < text.length() && isLetterOrDigit(text.codePointAt(i))) {
                i += Character.charCount(text.codePointAt(i));
            }
            if (i > start) {
                runs.add(split(text.substring(start, i)));
            } else {
                i += Character.charCount(text.codePointAt(i));
            }
        }
        return runs;
    }

    private static boolean isLetterOrDigit(int cp) {
        return Character.isLetter(cp) || Character.isDigit(cp);
    }

    private static Run split(String run) {
        int[] cps = run.codePoints().toArray();
        List<String> parts = new ArrayList<>();
        int start = 0;
        for (int k = 1; k < cps.length; k++) {
            if (breaksBefore(cps, k)) {
                parts.add(new String(cps, start, k - start));
                start = k;
            }
        }
        parts.add(new String(cps, start, cps.length - start));
        return new Run(run, List.copyOf(parts));
    }

    private static boolean breaksBefore(int[] cps, int k) {
        int previous = cps[k - 1];
        int current = cps[k];
        if (Character.isDigit(previous) != Character.isDigit(current)) {
            return true;
        }
        if (Character.isDigit(current)) {
            return false;
        }
        boolean camelHump = Character.isLowerCase(previous) && isUpper(current);
        // The last capital of an acronym starts the next word: "JPEGFile" is "JPEG" + "File".
        boolean acronymEnd = isUpper(previous) && isUpper(current) && k + 1 < cps.length
                && Character.isLowerCase(cps[k + 1]);
        return camelHump || acronymEnd || scriptChanges(previous, current);
    }

    private static boolean isUpper(int cp) {
        return Character.isUpperCase(cp) || Character.isTitleCase(cp);
    }

    /**
     * Caseless scripts have no camel case, so a change of script is their only visible word
     * boundary ("旅行Paris"). Letters shared by scripts, such as the kana length mark, never break.
     */
    private static boolean scriptChanges(int previous, int current) {
        Character.UnicodeScript a = Character.UnicodeScript.of(previous);
        Character.UnicodeScript b = Character.UnicodeScript.of(current);
        return a != b && isSpecific(a) && isSpecific(b);
    }

    private static boolean isSpecific(Character.UnicodeScript script) {
        return script != Character.UnicodeScript.COMMON && script != Character.UnicodeScript.INHERITED
                && script != Character.UnicodeScript.UNKNOWN;
    }
}
