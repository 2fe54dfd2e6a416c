package org.vidcase.media.vics;

import java.time.Instant;

/**
 * File-system times as forensic exporters write them. Hand-parsed from the parser's character buffer rather than
 * through {@code DateTimeFormatter}, because an export holds millions of them and the formatter, with the strings
 * it needs, is several times slower.
 *
 * <p>Accepted: ISO 8601 date-times with {@code T} or a space, 0-9 fraction digits (.NET writes 7) and an offset
 * of {@code Z}, {@code +hh:mm}, {@code +hhmm} or {@code +hh}; an offset followed by a stray {@code Z}, which at
 * least one exporter writes; and .NET's {@code /Date(millis)/}. A time without offset is read as UTC, as exporters
 * derive these times from UTC file-system timestamps.
 */
final class Timestamps {

    private static final char[] DOT_NET_PREFIX = "/Date(".toCharArray();
    private static final int[] DAYS_IN_MONTH = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

    private Timestamps() {
    }

    /** Returns null for a blank value. */
    static Instant parse(String text) {
        return parse(text.toCharArray(), 0, text.length());
    }

    /** Returns null for a blank value. */
    static Instant parse(char[] text, int offset, int length) {
        int start = offset;
        int end = offset + length;
        while (start < end && Character.isWhitespace(text[start])) {
            start++;
        }
        while (end > start && Character.isWhitespace(text[end - 1])) {
            end--;
        }
        if (start == end) {
            return null;
        }
        Instant instant = startsWith(text, start, end, DOT_NET_PREFIX) ? dotNet(text, start, end)
                : iso(text, start, end);
        if (instant == null) {
            throw new IllegalArgumentException("'" + new String(text, offset, length)
                    + "' is not an ISO 8601 date-time");
        }
        return instant;
    }

    private static Instant dotNet(char[] s, int start, int end) {
        int i = start + DOT_NET_PREFIX.length;
        boolean negative = i < end && s[i] == '-';
        if (negative) {
            i++;
        }
        int digitsFrom = i;
        long millis = 0;
        while (i < end && isDigit(s[i]) && i - digitsFrom < 18) {
            millis = millis * 10 + (s[i++] - '0');
        }
        // The optional +hhmm after the milliseconds only records the writer's zone; the milliseconds are UTC.
        if (i == digitsFrom || end - start < 2 || s[end - 2] != ')' || s[end - 1] != '/') {
            return null;
        }
        return Instant.ofEpochMilli(negative ? -millis : millis);
    }

    private static Instant iso(char[] s, int start, int end) {
        if (end - start < 19 || s[start + 4] != '-' || s[start + 7] != '-' || s[start + 13] != ':'
                || s[start + 16] != ':' || "Tt ".indexOf(s[start + 10]) < 0) {
            return null;
        }
        int year = digits(s, start, 4);
        int month = digits(s, start + 5, 2);
        int day = digits(s, start + 8, 2);
        int hour = digits(s, start + 11, 2);
        int minute = digits(s, start + 14, 2);
        int second = digits(s, start + 17, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > daysIn(year, month) || hour < 0 || hour > 23
                || minute < 0 || minute > 59 || second < 0 || second > 59) {
            return null;
        }
        int i = start + 19;
        int nanos = 0;
        if (i < end && s[i] == '.') {
            int fraction = ++i;
            while (i < end && isDigit(s[i])) {
                i++;
            }
            if (i == fraction) {
                return null;
            }
            for (int k = 0; k < 9; k++) {
                nanos = nanos * 10 + (fraction + k < i ? s[fraction + k] - '0' : 0);
            }
        }
        int offsetSeconds = 0;
        if (i < end && (s[i] == '+' || s[i] == '-')) {
            int sign = s[i] == '-' ? -1 : 1;
            int hours = i + 3 <= end ? digits(s, i + 1, 2) : -1;
            i += 3;
            if (i < end && s[i] == ':') {
                i++;
            }
            int minutes = i + 2 <= end ? digits(s, i, 2) : -1;
            if (minutes >= 0) {
                i += 2;
            } else {
                minutes = 0;
            }
            if (hours < 0 || hours > 18 || minutes > 59) {
                return null;
            }
            offsetSeconds = sign * (hours * 3600 + minutes * 60);
        }
        if (i < end && (s[i] == 'Z' || s[i] == 'z')) {
            i++;
        }
        if (i != end) {
            return null;
        }
        long seconds = daysFromCivil(year, month, day) * 86_400 + hour * 3600L + minute * 60L + second;
        return Instant.ofEpochSecond(seconds - offsetSeconds, nanos);
    }

    /** Days since 1970-01-01 in the proleptic Gregorian calendar (H. Hinnant's days_from_civil). */
    private static long daysFromCivil(int year, int month, int day) {
        int y = month <= 2 ? year - 1 : year;
        int era = Math.floorDiv(y, 400);
        int yearOfEra = y - era * 400;
        int dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
        int dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        return era * 146_097L + dayOfEra - 719_468;
    }

    private static int daysIn(int year, int month) {
        boolean leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
        return month == 2 && leap ? 29 : DAYS_IN_MONTH[month - 1];
    }

    private static int digits(char[] s, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            if (!isDigit(s[i])) {
                return -1;
            }
            value = value * 10 + (s[i] - '0');
        }
        return value;
    }

    private static boolean startsWith(char[] s, int start, int end, char[] prefix) {
        if (end - start < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (s[start + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
