package org.vidcase.media.vics;

/** Chooses the field separator from the header line: whichever of comma, semicolon and tab it uses most. */
final class CsvSeparator {

    private static final char[] CANDIDATES = {',', ';', '\t'};

    private CsvSeparator() {
    }

    /** Separators inside quoted header names do not count; a one-column header falls back to comma. */
    static char detect(String headerLine) {
        int[] counts = new int[CANDIDATES.length];
        boolean quoted = false;
        for (int i = 0; i < headerLine.length(); i++) {
            char c = headerLine.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            }
            for (int k = 0; k < CANDIDATES.length && !quoted; k++) {
                if (c == CANDIDATES[k]) {
                    counts[k]++;
                }
            }
        }
        int best = 0;
        for (int k = 1; k < CANDIDATES.length; k++) {
            if (counts[k] > counts[best]) {
                best = k;
            }
        }
        return CANDIDATES[best];
    }
}
