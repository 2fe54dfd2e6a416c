package org.vidcase.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The server's own OpenAPI document, read into its operations, so that an endpoint another branch
 * adds is fuzzed without anyone listing it. Only {@code /api/} paths: the health, metrics and
 * document endpoints take no input.
 */
final class ApiDocument {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    private final JsonNode root;
    private final List<ApiOperation> operations;

    private ApiDocument(JsonNode root) {
        this.root = root;
        this.operations = read(root);
    }

    static ApiDocument parse(String json) {
        try {
            return new ApiDocument(new ObjectMapper().readTree(json));
        } catch (IOException e) {
            throw new IllegalArgumentException("the OpenAPI document is not JSON: " + e.getMessage(), e);
        }
    }

    List<ApiOperation> operations() {
        return operations;
    }

    /** Follows {@code $ref}s and merges {@code allOf}s; a schema without either comes back as it is. */
    JsonNode resolve(JsonNode schema) {
        return resolve(schema, 0);
    }

    private JsonNode resolve(JsonNode schema, int depth) {
        if (schema == null || schema.isMissingNode() || depth > 20) {
            return JsonNodeFactory.instance.objectNode();
        }
        if (schema.has("$ref")) {
            String ref = schema.get("$ref").asText();
            if (!ref.startsWith("#/")) {
                return JsonNodeFactory.instance.objectNode();
            }
            JsonNode target = root.at(ref.substring(1));
            return resolve(target, depth + 1);
        }
        if (schema.has("allOf")) {
            ObjectNode merged = JsonNodeFactory.instance.objectNode();
            ObjectNode properties = JsonNodeFactory.instance.objectNode();
            for (JsonNode part : schema.get("allOf")) {
                JsonNode resolved = resolve(part, depth + 1);
                resolved.properties().forEach(f -> {
                    if (f.getKey().equals("properties")) {
                        properties.setAll((ObjectNode) f.getValue());
                    } else {
                        merged.set(f.getKey(), f.getValue());
                    }
                });
            }
            schema.properties().forEach(f -> {
                if (!f.getKey().equals("allOf")) {
                    merged.set(f.getKey(), f.getValue());
                }
            });
            if (!properties.isEmpty()) {
                merged.set("properties", properties);
            }
            return merged;
        }
        return schema;
    }

    /** The schema's type, or the first non-null one of a 3.1 type list; "object" for a schema with properties. */
    static String typeOf(JsonNode schema) {
        JsonNode type = schema.get("type");
        if (type != null && type.isTextual()) {
            return type.asText();
        }
        if (type != null && type.isArray()) {
            for (JsonNode t : type) {
                if (!t.asText().equals("null")) {
                    return t.asText();
                }
            }
        }
        if (schema.has("properties")) {
            return "object";
        }
        if (schema.has("items")) {
            return "array";
        }
        return "";
    }

    private List<ApiOperation> read(JsonNode document) {
        List<ApiOperation> found = new ArrayList<>();
        JsonNode paths = document.path("paths");
        for (Map.Entry<String, JsonNode> path : paths.properties()) {
            if (!path.getKey().startsWith("/api/")) {
                continue;
            }
            JsonNode item = path.getValue();
            for (Map.Entry<String, JsonNode> op : item.properties()) {
                if (!METHODS.contains(op.getKey())) {
                    continue;
                }
                Map<String, ApiOperation.Parameter> parameters = new LinkedHashMap<>();
                for (JsonNode p : concat(item.path("parameters"), op.getValue().path("parameters"))) {
                    JsonNode resolved = resolve(p);
                    String name = resolved.path("name").asText();
                    String in = resolved.path("in").asText();
                    parameters.put(in + ":" + name, new ApiOperation.Parameter(name, in,
                            resolved.path("required").asBoolean(in.equals("path")), resolve(resolved.path("schema"))));
                }
                Map<String, JsonNode> bodies = new LinkedHashMap<>();
                JsonNode content = resolve(op.getValue().path("requestBody")).path("content");
                for (Map.Entry<String, JsonNode> type : content.properties()) {
                    bodies.put(type.getKey().toLowerCase(Locale.ROOT), type.getValue().path("schema"));
                }
                List<String> produces = new ArrayList<>();
                for (Map.Entry<String, JsonNode> response : op.getValue().path("responses").properties()) {
                    if (response.getKey().startsWith("2")) {
                        resolve(response.getValue()).path("content").fieldNames().forEachRemaining(t -> {
                            if (!produces.contains(t)) {
                                produces.add(t);
                            }
                        });
                    }
                }
                found.add(new ApiOperation(op.getKey().toUpperCase(Locale.ROOT), path.getKey(),
                        List.copyOf(parameters.values()), bodies, List.copyOf(produces)));
            }
        }
        found.sort(Comparator.comparing(ApiOperation::path).thenComparing(ApiOperation::method));
        return List.copyOf(found);
    }

    private static List<JsonNode> concat(JsonNode a, JsonNode b) {
        List<JsonNode> all = new ArrayList<>();
        a.forEach(all::add);
        b.forEach(all::add);
        return all;
    }
}
