package org.vidcase.media.vics;

import java.util.Locale;

/** VICS flags arrive as JSON booleans or as words; exporters written in different languages pick different words. */
final class Flags {

    private Flags() {
    }

    /** Returns null for a blank value: an unset flag is unknown, which is not the same as false. */
    static Boolean parse(String text) {
        String value = text.strip().toLowerCase(Locale.ROOT);
        return switch (value) {
            case "" -> null;
            case "true", "yes", "y", "1" -> Boolean.TRUE;
            case "false", "no", "n", "0" -> Boolean.FALSE;
            default -> throw new IllegalArgumentException("'" + text + "' is not a yes/no value");
        };
    }
}
