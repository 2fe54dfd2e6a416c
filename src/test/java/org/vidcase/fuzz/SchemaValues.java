package org.vidcase.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A valid value for a schema, from its example, enumeration, format and range: the well-formed
 * request each hostile input is a variation of. Objects carry their required fields and the
 * optional text fields that have an example, so that a valid request reaches the handler.
 */
final class SchemaValues {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Fields whose value must be unique (a reference taken answers 409 and stores nothing). */
    private static final Set<String> UNIQUE = Set.of("reference", "name", "title");
    private final AtomicInteger serial = new AtomicInteger();
    /** An optimistic-lock version: the runner puts the object's current one in its place before sending. */
    static final String VERSION = "version";
    static final long VERSION_PLACEHOLDER = -424242;

    private final ApiDocument document;
    private final FixtureIds ids;
    private final String runTag;

    SchemaValues(ApiDocument document, FixtureIds ids, String runTag) {
        this.document = document;
        this.ids = ids;
        this.runTag = runTag;
    }

    JsonNode valid(JsonNode schema) {
        return value(document.resolve(schema), null, 0);
    }

    /** The schema of an object's property, resolved; missing node when there is none. */
    JsonNode property(JsonNode objectSchema, String name) {
        JsonNode property = document.resolve(objectSchema).path("properties").path(name);
        return property.isMissingNode() ? property : document.resolve(property);
    }

    private JsonNode value(JsonNode schema, String field, int depth) {
        if (depth > 8) {
            return NODES.nullNode();
        }
        String type = ApiDocument.typeOf(schema);
        JsonNode example = example(schema);
        if (schema.has("enum") && schema.get("enum").size() > 0) {
            return schema.get("enum").get(0);
        }
        switch (type) {
            case "object" -> {
                ObjectNode object = NODES.objectNode();
                Set<String> required = new HashSet<>();
                schema.path("required").forEach(r -> required.add(r.asText()));
                for (Map.Entry<String, JsonNode> p : schema.path("properties").properties()) {
                    JsonNode property = document.resolve(p.getValue());
                    boolean text = ApiDocument.typeOf(property).equals("string") && example(property) != null;
                    boolean knownIds = ApiDocument.typeOf(property).equals("array") && !ids.fieldIds(p.getKey()).isEmpty();
                    if (required.contains(p.getKey()) || text || knownIds) {
                        object.set(p.getKey(), value(property, p.getKey(), depth + 1));
                    }
                }
                return object;
            }
            case "array" -> {
                ArrayNode array = NODES.arrayNode();
                List<String> known = field == null ? List.of() : ids.fieldIds(field);
                if (!known.isEmpty()) {
                    known.forEach(array::add);
                } else if (example != null && example.isArray()) {
                    return example;
                }
                return array;
            }
            case "integer" -> {
                if (VERSION.equals(field)) {
                    return NODES.numberNode(VERSION_PLACEHOLDER);
                }
                if (example != null && example.isNumber()) {
                    return example;
                }
                return NODES.numberNode(schema.has("minimum") ? schema.get("minimum").asLong() : 0);
            }
            case "number" -> {
                return example != null && example.isNumber() ? example : NODES.numberNode(1.5);
            }
            case "boolean" -> {
                return NODES.booleanNode(true);
            }
            default -> {
                return text(schema, field, example);
            }
        }
    }

    private JsonNode text(JsonNode schema, String field, JsonNode example) {
        String format = schema.path("format").asText();
        List<String> known = field == null ? List.of() : ids.fieldIds(field);
        if (format.equals("uuid")) {
            return NODES.textNode(known.isEmpty() ? "0f8fad5b-d9cb-469f-a165-70867728950e" : known.get(0));
        }
        if (example != null && example.isTextual()) {
            String value = example.asText();
            if (field != null && UNIQUE.contains(field)) {
                value = unique(value, schema);
            }
            return NODES.textNode(value);
        }
        return switch (format) {
            case "date-time" -> NODES.textNode("2026-11-20T07:15:00Z");
            case "date" -> NODES.textNode("2026-01-02");
            default -> NODES.textNode(field != null && UNIQUE.contains(field) ? unique("FZ", schema) : "fuzz value");
        };
    }

    /** The example with a suffix of this run, within the field's length. */
    private String unique(String example, JsonNode schema) {
        String suffix = "-" + runTag + serial.incrementAndGet();
        int max = schema.path("maxLength").asInt(64);
        String base = example.length() + suffix.length() > max ? example.substring(0, Math.max(1, max - suffix.length()))
                : example;
        return base + suffix;
    }

    static JsonNode example(JsonNode schema) {
        if (schema.has("example")) {
            return schema.get("example");
        }
        if (schema.has("examples") && schema.get("examples").isArray() && schema.get("examples").size() > 0) {
            return schema.get("examples").get(0);
        }
        return null;
    }

    /** A text value that stays unique in this run, for a field that must be. */
    String freshUnique(String field, String value) {
        return UNIQUE.contains(field) ? value + "-" + runTag + serial.incrementAndGet() : value;
    }
}
