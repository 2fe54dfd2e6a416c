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
 * production requires (second factor, password policy, lockout, sessions, events) the demo has
 * too. The additions may only append users, add units under the production realm's groups (a
 * group's subgroups), add clients, give an existing client a secret, redirect URIs or web
 * origins, and name the password-grant flow (which production denies);
 * anything else is refused. Keys starting with {@code _} are comments.
 */
public final class RealmComposer {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final java.util.Set<String> TOP_LEVEL = java.util.Set.of("users", "groups", "clients", "directGrantFlow");
    private static final java.util.Set<String> CLIENT_FIELDS = java.util.Set.of("clientId", "secret", "redirectUris",
            "webOrigins");

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
            if (!TOP_LEVEL.contains(key)) {
                throw new IllegalArgumentException("demo additions may not change the realm's " + key);
            }
            switch (key) {
                case "clients" -> mergeClients(realm.withArray("clients"), (ArrayNode) field.getValue());
                case "users" -> realm.withArray("users").addAll((ArrayNode) field.getValue());
                case "groups" -> mergeGroups(realm.withArray("groups"), (ArrayNode) field.getValue());
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

    /** Subgroups are appended to the production group of the same name; nothing else of it may change. */
    private static void mergeGroups(ArrayNode groups, ArrayNode additions) {
        for (JsonNode added : additions) {
            ObjectNode existing = null;
            for (JsonNode group : groups) {
                if (group.path("name").asText().equals(added.path("name").asText())) {
                    existing = (ObjectNode) group;
                }
            }
            if (existing == null) {
                throw new IllegalArgumentException("demo additions may only add subgroups to the production group "
                        + "of the same name, and there is no group " + added.path("name").asText());
            }
            for (Iterator<String> names = added.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!name.equals("name") && !name.equals("subGroups")) {
                    throw new IllegalArgumentException("demo additions may not change " + name + " of the production "
                            + "group " + added.path("name").asText());
                }
            }
            existing.withArray("subGroups").addAll((ArrayNode) added.path("subGroups").deepCopy());
        }
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
                for (Iterator<String> names = added.fieldNames(); names.hasNext(); ) {
                    String name = names.next();
                    if (!CLIENT_FIELDS.contains(name)) {
                        throw new IllegalArgumentException("demo additions may not change " + name + " of the production "
                                + "client " + added.path("clientId").asText());
                    }
                }
                existing.setAll((ObjectNode) added.deepCopy());
            }
        }
    }
}
