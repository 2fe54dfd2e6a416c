package org.vidcase.exchange.format;

import java.util.Locale;
import java.util.Set;

/** ISO 3166-1 alpha-2 country codes, upper case, as the JDK knows them. */
public final class Countries {

    private static final Set<String> CODES = Set.of(Locale.getISOCountries());

    private Countries() {
    }

    public static boolean isCode(String value) {
        return value != null && value.length() == 2 && value.equals(value.toUpperCase(Locale.ROOT)) && CODES.contains(value);
    }
}
