package org.vidcase.media.vics;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;

/**
 * Follows the quoting of a CSV text as the parser reads it, to tell a quoted field that never
 * closes. The parser takes such a field to the end of the file, so every row after the stray quote
 * would vanish into one value; with this the import refuses the file instead. A quote opens a field
 * only at its start (elsewhere it is a character, as the parser reads it) and {@code ""} inside a
 * quoted field is a quote.
 */
final class CsvQuotes extends FilterReader {

    private final char separator;
    private boolean fieldStart = true;
    private boolean quoted;
    private boolean quoteSeen;
    private boolean ended;
    private long line = 1;
    private long openedOnLine;

    CsvQuotes(Reader in, char separator) {
        super(in);
        this.separator = separator;
    }

    /** Whether the text ended inside a quoted field. */
    boolean unterminated() {
        return ended && quoted && !quoteSeen;
    }

    /** The line on which the field that never closed was opened. */
    long openedOnLine() {
        return openedOnLine;
    }

    @Override
    public int read() throws IOException {
        int c = super.read();
        see(c);
        return c;
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n < 0) {
            ended = true;
        }
        for (int i = 0; i < n; i++) {
            see(buffer[offset + i]);
        }
        return n;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    private void see(int c) {
        if (c < 0) {
            ended = true;
            return;
        }
        if (c == '\n') {
            line++;
        }
        if (quoted) {
            if (quoteSeen) {
                quoteSeen = false;
                if (c == '"') {
                    return;
                }
                quoted = false;
                fieldStart = c == separator || c == '\n' || c == '\r';
            } else if (c == '"') {
                quoteSeen = true;
            }
            return;
        }
        if (fieldStart && c == '"') {
            quoted = true;
            openedOnLine = line;
            fieldStart = false;
        } else {
            fieldStart = c == separator || c == '\n' || c == '\r';
        }
    }
}
