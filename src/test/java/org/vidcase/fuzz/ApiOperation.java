package org.vidcase.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One operation of the published OpenAPI document: method, path template, parameters and the
 * request bodies it takes per content type (schemas with their references resolved on use), and the
 * content types of its successful answers.
 */
record ApiOperation(String method, String path, List<Parameter> parameters, Map<String, JsonNode> bodies,
                    List<String> produces) {

    /** A path or query parameter. */
    record Parameter(String name, String in, boolean required, JsonNode schema) {

        boolean inPath() {
            return "path".equals(in);
        }

        boolean inQuery() {
            return "query".equals(in);
        }
    }

    String id() {
        return method + " " + path;
    }

    List<Parameter> pathParameters() {
        return parameters.stream().filter(Parameter::inPath).toList();
    }

    List<Parameter> queryParameters() {
        return parameters.stream().filter(Parameter::inQuery).toList();
    }

    boolean changesState() {
        return !method.equals("GET") && !method.equals("HEAD");
    }

    Optional<JsonNode> jsonBody() {
        return bodies.entrySet().stream().filter(e -> e.getKey().startsWith("application/json"))
                .map(Map.Entry::getValue).findFirst();
    }

    boolean takes(String contentType) {
        return bodies.containsKey(contentType);
    }

    /** Whether the body is a file (uploads, imports, pictures): any content type other than JSON. */
    boolean takesFiles() {
        return bodies.keySet().stream().anyMatch(t -> !t.startsWith("application/json"));
    }
}
