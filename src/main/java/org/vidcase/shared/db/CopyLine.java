package org.vidcase.shared.db;

import java.time.Instant;
import java.util.HexFormat;

/** One row of PostgreSQL COPY … (FORMAT csv): unquoted empty is NULL, everything else quoted. */
public final class CopyLine {

    private final StringBuilder line = new StringBuilder(512);
    private boolean first = true;

    public CopyLine add(Object value) {
        if (!first) {
            line.append(',');
        }
        first = false;
        if (value == null) {
            return this;
        }
        String text;
        if (value instanceof byte[] bytes) {
            text = "\\x" + HexFormat.of().formatHex(bytes);
        } else if (value instanceof Instant instant) {
            text = instant.toString();
        } else {
            text = value.toString();
        }
        line.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                line.append('"');
            }
            if (c != 0) {
                line.append(c);
            }
        }
        line.append('"');
        return this;
    }

    public void endTo(StringBuilder out) {
        out.append(line).append('\n');
        line.setLength(0);
        first = true;
    }
}
