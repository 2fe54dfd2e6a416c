package org.vidcase.localstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;

/**
 * The demo realm is the production realm plus additions, so the two cannot drift: whatever
 * production requires (second factor, password policy, lockout, events) the demo has too. The
 * additions give demo users, the password-grant client and local secrets. Top-level values
 * replace the production ones; clients merge by {@code clientId} (the fields given replace the
 * production client's); users are appended. Keys starting with {@code _} are comments.
 */
public final class RealmComposer {

    private static final ObjectMapper JSON = new ObjectMapper();

    private RealmComposer() {
    }

    public static ObjectNode compose(Path productionRealm, Path additions) throws IOException {
        return compose((ObjectNode) JSON.readTree(productionRealm.toFile()), (ObjectNode) JSON.readTree(additions.toFile()));
    }

    public static ObjectNode compose(ObjectNode production, ObjectNode additions) {
        ObjectNode realm = production.deepCopy();
        for (Iterator<Map.Entry<String, JsonNode>> it = additions.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String key = field.getKey();
            if (key.startsWith("_")) {
                continue;
            }
            switch (key) {
                case "clients" -> mergeClients(realm.withArray("clients"), (ArrayNode) field.getValue());
                case "users" -> realm.withArray("users").addAll((ArrayNode) field.getValue());
                default -> realm.set(key, field.getValue().deepCopy());
            }
        }
        return realm;
    }

    /** The same realm under another name: a test realm configured exactly like production. */
    public static ObjectNode renamed(ObjectNode realm, String name) {
        ObjectNode copy = realm.deepCopy();
        copy.put("realm", name);
        return copy;
    }

    public static void write(ObjectNode realm, Path file) throws IOException {
        JSON.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), realm);
    }

    public static ObjectNode read(Path file) throws IOException {
        return (ObjectNode) JSON.readTree(file.toFile());
    }

    private static void mergeClients(ArrayNode clients, ArrayNode additions) {
        for (JsonNode added : additions) {
            ObjectNode existing = null;
            for (JsonNode client : clients) {
                if (client.path("clientId").asText().equals(added.path("clientId").asText())) {
                    existing = (ObjectNode) client;
                }
            }
            if (existing == null) {
                clients.add(added.deepCopy());
            } else {
                existing.setAll((ObjectNode) added.deepCopy());
            }
        }
    }
}
