package org.vidcase.fuzz;

/** The kinds of malformed and hostile input the suite sends; the report counts inputs per kind. */
enum InputClass {
    VALID("a well-formed request (baseline): 2xx or a business refusal"),
    MALFORMED_JSON("truncated, trailing garbage, comments, single quotes, bare words, several documents"),
    WRONG_TYPE("a JSON value of another type than the schema's (number for string, object for array, ...)"),
    UNKNOWN_FIELD("fields the schema does not have, including server-set ones (id, createdBy, caseId)"),
    HUGE_VALUE("strings of 100k characters, arrays of 20k elements, bodies over the 1 MB limit"),
    EMPTY_VALUE("empty strings, arrays, objects and bodies"),
    NULL_VALUE("null fields, a null body, null array elements"),
    CONTROL_CHARACTERS("NUL and other C0 controls, DEL, bidi overrides, zero-width, lone surrogates, BOM"),
    INVALID_UTF8("raw bytes that are not UTF-8 (overlong, surrogates, truncated sequences) in bodies, paths, queries"),
    PATH_TRAVERSAL("../ and ..\\ sequences, encoded dots and slashes, absolute paths in names and paths"),
    DEEP_NESTING("JSON nested thousands of levels deep"),
    CHUNKED_BODY("bodies sent chunked, without Content-Length"),
    WRONG_CONTENT_TYPE("text/plain, XML, form, multipart, UTF-16, no Content-Type"),
    HUGE_NUMBER("1e400, 2^64, a thousand digits, fractions for integers"),
    DUPLICATE_KEY("one JSON key twice"),
    FORMULA_PREFIX("spreadsheet formula prefixes = + - @ tab CR in text values"),
    QUERY_WRONG_TYPE("query parameters that are not of their type"),
    QUERY_OUT_OF_RANGE("query parameters outside their range (negative, 2^31, 2^63)"),
    QUERY_HUGE("query parameters of thousands of characters, repeated parameters"),
    PATH_PARAMETER("path parameters that are no id, unknown ids, another unit's ids, encoded and overlong ones"),
    HOSTILE_HEADER("Accept, method-override, request-id and encoding headers a client should not send"),
    HOSTILE_FILE("file bodies: empty, random bytes, broken exports, hostile multipart forms and file names");

    private final String description;

    InputClass(String description) {
        this.description = description;
    }

    String description() {
        return description;
    }
}
