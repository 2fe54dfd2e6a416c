package org.vidcase.media.vics;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.time.Instant;

/**
 * Scalar values of a VICS export, read leniently where exporters disagree (numbers written as strings, flags as
 * words) and strictly where a wrong type means a broken record. Blank strings read as null.
 */
final class JsonValues {

    private JsonValues() {
    }

    /** A string, or the text of a number (MediaID and Category are numbers in some exports, strings in others). */
    static String text(JsonParser p) throws IOException {
        JsonToken token = p.currentToken();
        if (token == JsonToken.VALUE_STRING) {
            String value = p.getText().strip();
            return value.isEmpty() ? null : value;
        }
        if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
            return p.getText();
        }
        return nullOrWrongType(token, "a string");
    }

    /** Hashes and paths must be strings: a number there means the exporter wrote the wrong column. */
    static String string(JsonParser p) throws IOException {
        JsonToken token = p.currentToken();
        if (token == JsonToken.VALUE_STRING) {
            String value = p.getText().strip();
            return value.isEmpty() ? null : value;
        }
        return nullOrWrongType(token, "a string");
    }

    /** A hex digest, checked on the parser's buffer without an intermediate string (see {@link HexDigests}). */
    static String digest(JsonParser p, int hexLength, String name) throws IOException {
        if (p.currentToken() != JsonToken.VALUE_STRING) {
            return nullOrWrongType(p.currentToken(), "a string");
        }
        char[] text = p.getTextCharacters();
        int start = p.getTextOffset();
        int end = start + p.getTextLength();
        while (start < end && Character.isWhitespace(text[start])) {
            start++;
        }
        while (end > start && Character.isWhitespace(text[end - 1])) {
            end--;
        }
        return start == end ? null : HexDigests.normalize(text, start, end - start, hexLength, name);
    }

    static Instant instant(JsonParser p) throws IOException {
        if (p.currentToken() != JsonToken.VALUE_STRING) {
            return nullOrWrongType(p.currentToken(), "a date-time string");
        }
        return Timestamps.parse(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
    }

    static Long wholeNumber(JsonParser p) throws IOException {
        JsonToken token = p.currentToken();
        if (token == JsonToken.VALUE_NUMBER_INT) {
            if (p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
                throw new IllegalArgumentException("number too large: " + p.getText());
            }
            return p.getLongValue();
        }
        if (token == JsonToken.VALUE_STRING) {
            String value = p.getText().strip();
            if (value.isEmpty()) {
                return null;
            }
            try {
                return Long.valueOf(value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + value + "' is not a whole number");
            }
        }
        return nullOrWrongType(token, "a whole number");
    }

    static Integer smallNumber(JsonParser p) throws IOException {
        Long value = wholeNumber(p);
        if (value != null && (value > Integer.MAX_VALUE || value < Integer.MIN_VALUE)) {
            throw new IllegalArgumentException("number too large: " + value);
        }
        return value == null ? null : value.intValue();
    }

    static Boolean flag(JsonParser p) throws IOException {
        JsonToken token = p.currentToken();
        if (token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE) {
            return token == JsonToken.VALUE_TRUE;
        }
        if (token == JsonToken.VALUE_STRING || token == JsonToken.VALUE_NUMBER_INT) {
            return Flags.parse(p.getText());
        }
        return nullOrWrongType(token, "true or false");
    }

    private static <T> T nullOrWrongType(JsonToken token, String expected) {
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        throw new IllegalArgumentException("expected " + expected + ", found " + describe(token));
    }

    static String describe(JsonToken token) {
        return switch (token) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> token.name();
        };
    }
}
