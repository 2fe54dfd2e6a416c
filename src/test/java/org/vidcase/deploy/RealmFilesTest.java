package org.vidcase.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.vidcase.localstack.RealmComposer;

/**
 * The production realm (the file the chart imports) and the demo realm made from it: production
 * has no demo user, no password grant and requires a second factor; the demo realm can only add
 * users and clients, so it cannot drift from what production enforces.
 */
class RealmFilesTest {

    private static final Path PRODUCTION = Path.of("keycloak-realm/vid-realm.json");
    private static final Path ADDITIONS = Path.of("keycloak-realm/demo-additions.json");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void productionHasNoDemoUserNoPasswordGrantAndNoKnownSecret() throws IOException {
        JsonNode realm = JSON.readTree(PRODUCTION.toFile());
        for (JsonNode user : realm.path("users")) {
            assertThat(user.path("username").asText()).as("only service accounts").startsWith("service-account-");
            assertThat(user.has("credentials")).isFalse();
        }
        for (JsonNode client : realm.path("clients")) {
            String id = client.path("clientId").asText();
            assertThat(client.path("directAccessGrantsEnabled").asBoolean()).as("%s password grant", id).isFalse();
            assertThat(client.path("implicitFlowEnabled").asBoolean()).as("%s implicit flow", id).isFalse();
            assertThat(client.has("secret")).as("%s has a secret in the file", id).isFalse();
        }
        assertThat(Files.readString(PRODUCTION)).doesNotContain("-demo", "local-secret", "vidcase-cli");
        // Not even Keycloak's own clients (admin-cli is in every realm) get a password grant.
        JsonNode direct = flow(realm, realm.path("directGrantFlow").asText());
        assertThat(direct.path("authenticationExecutions")).singleElement().satisfies(e -> {
            assertThat(e.path("authenticator").asText()).isEqualTo("deny-access-authenticator");
            assertThat(e.path("requirement").asText()).isEqualTo("REQUIRED");
        });
        assertThat(realm.path("offlineSessionIdleTimeout").asInt()).isEqualTo(realm.path("ssoSessionIdleTimeout").asInt());
        assertThat(realm.path("offlineSessionMaxLifespan").asInt()).isEqualTo(realm.path("ssoSessionMaxLifespan").asInt());
    }

    @Test
    void theComposerRefusesAdditionsThatWouldRelaxProduction() throws IOException {
        ObjectNode production = (ObjectNode) JSON.readTree(PRODUCTION.toFile());
        ObjectNode policy = JSON.createObjectNode().put("passwordPolicy", "length(4)");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> RealmComposer.compose(production, policy))
                .hasMessageContaining("passwordPolicy");
        ObjectNode flows = (ObjectNode) JSON.readTree(
                "{\"clients\": [{\"clientId\": \"vidcase-web\", \"directAccessGrantsEnabled\": true}]}");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> RealmComposer.compose(production, flows))
                .hasMessageContaining("directAccessGrantsEnabled");
    }

    @Test
    void productionRequiresASecondFactorAfterThePassword() throws IOException {
        JsonNode realm = JSON.readTree(PRODUCTION.toFile());
        JsonNode browser = flow(realm, realm.path("browserFlow").asText());
        JsonNode forms = subflow(realm, browser, "ALTERNATIVE");
        List<String> steps = new ArrayList<>();
        forms.path("authenticationExecutions").forEach(e -> steps.add(e.path("requirement").asText() + " "
                + (e.has("authenticator") ? e.path("authenticator").asText() : "flow")));
        assertThat(steps).containsExactly("REQUIRED auth-username-password-form", "REQUIRED flow");
        // The second factor: alternatives, each one authenticator that is REQUIRED within its own
        // subflow, so that a user without a factor is made to enrol the first (TOTP), not let through.
        JsonNode second = subflow(realm, forms, "REQUIRED");
        List<String> factors = new ArrayList<>();
        for (JsonNode alternative : second.path("authenticationExecutions")) {
            assertThat(alternative.path("requirement").asText()).isEqualTo("ALTERNATIVE");
            JsonNode inner = flow(realm, alternative.path("flowAlias").asText());
            assertThat(inner.path("authenticationExecutions")).hasSize(1);
            JsonNode only = inner.path("authenticationExecutions").get(0);
            assertThat(only.path("requirement").asText()).isEqualTo("REQUIRED");
            factors.add(only.path("authenticator").asText());
        }
        assertThat(factors).containsExactly("auth-otp-form", "webauthn-authenticator");

        // Each step names its method in the token's amr, which the server checks.
        assertThat(realm.toString()).contains("\"default.reference.value\":\"otp\"")
                .contains("\"default.reference.value\":\"hwk\"");
        JsonNode web = client(realm, "vidcase-web");
        assertThat(web.toString()).contains("oidc-amr-mapper");
    }

    @Test
    void productionPolicyLockoutSessionsAndEvents() throws IOException {
        JsonNode realm = JSON.readTree(PRODUCTION.toFile());
        assertThat(realm.path("passwordPolicy").asText()).contains("length(12)", "notUsername", "notEmail",
                "passwordHistory(5)", "passwordBlacklist(vidcase-common-passwords.txt)")
                .as("no expiry forced by time (NIST SP 800-63B)").doesNotContain("forceExpiredPasswordChange");
        assertThat(realm.path("bruteForceProtected").asBoolean()).isTrue();
        assertThat(realm.path("permanentLockout").asBoolean()).isFalse();
        assertThat(realm.path("failureFactor").asInt()).isBetween(3, 5);
        assertThat(realm.path("waitIncrementSeconds").asInt()).isPositive();
        assertThat(realm.path("maxFailureWaitSeconds").asInt()).isGreaterThan(realm.path("waitIncrementSeconds").asInt());
        assertThat(realm.path("accessTokenLifespan").asInt()).isLessThanOrEqualTo(300);
        assertThat(realm.path("ssoSessionIdleTimeout").asInt()).isPositive();
        assertThat(realm.path("ssoSessionMaxLifespan").asInt()).isGreaterThan(realm.path("ssoSessionIdleTimeout").asInt());
        assertThat(realm.path("revokeRefreshToken").asBoolean()).isTrue();
        assertThat(realm.path("eventsEnabled").asBoolean()).isTrue();
        assertThat(realm.path("eventsExpiration").asLong()).isPositive();
        assertThat(realm.path("adminEventsEnabled").asBoolean()).isTrue();
        assertThat(realm.path("attributes").path("adminEventsExpiration").asLong()).isPositive();
    }

    @Test
    void theDemoRealmOnlyAddsUsersUnitsAndClients() throws IOException {
        ObjectNode additions = (ObjectNode) JSON.readTree(ADDITIONS.toFile());
        Set<String> keys = new LinkedHashSet<>();
        additions.fieldNames().forEachRemaining(keys::add);
        keys.removeIf(k -> k.startsWith("_"));
        assertThat(keys).containsExactlyInAnyOrder("clients", "users", "groups", "directGrantFlow");

        ObjectNode production = (ObjectNode) JSON.readTree(PRODUCTION.toFile());
        ObjectNode demo = RealmComposer.compose(production, additions);
        for (Iterator<String> it = production.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!Set.of("clients", "users", "groups", "directGrantFlow").contains(key)) {
                assertThat(demo.get(key)).as(key).isEqualTo(production.get(key));
            }
        }
        List<String> users = new ArrayList<>();
        demo.path("users").forEach(u -> users.add(u.path("username").asText()));
        assertThat(users).contains("officer", "officer2", "investigator", "liaison", "supervisor", "auditor",
                "service-account-vidcase-hub");
        assertThat(client(demo, "vidcase-cli").path("directAccessGrantsEnabled").asBoolean()).isTrue();
        // A production client keeps its settings and gains only what the additions name.
        assertThat(client(demo, "vidcase-web").path("protocolMappers"))
                .isEqualTo(client(production, "vidcase-web").path("protocolMappers"));
        assertThat(client(demo, "vidcase-hub").path("secret").asText()).isEqualTo("vidcase-hub-local-secret");
        // Units: the production realm has the empty /units group and the demo adds two units under it.
        assertThat(production.path("groups").get(0).path("name").asText()).isEqualTo("units");
        assertThat(production.path("groups").get(0).path("subGroups")).isEmpty();
        List<String> units = new ArrayList<>();
        demo.path("groups").get(0).path("subGroups").forEach(g -> units.add(g.path("name").asText()));
        assertThat(units).containsExactly("north", "south");
        assertThat(client(production, "vidcase-web").path("protocolMappers").findValuesAsText("protocolMapper"))
                .contains("oidc-group-membership-mapper");
    }

    @Test
    void demoAdditionsMayNotChangeAProductionGroup() {
        ObjectNode production = JSON.createObjectNode();
        production.putArray("groups").addObject().put("name", "units").putArray("subGroups");
        ObjectNode additions = JSON.createObjectNode();
        additions.putArray("groups").addObject().put("name", "units").put("path", "/elsewhere");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> RealmComposer.compose(production, additions))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("path");
        ObjectNode unknown = JSON.createObjectNode();
        unknown.putArray("groups").addObject().put("name", "admins");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> RealmComposer.compose(production, unknown))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("admins");
    }

    @Test
    void thePasswordListIsTheCommonPasswordsThePolicyCanMeet() throws IOException {
        Set<String> expected = new LinkedHashSet<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                RealmFilesTest.class.getResourceAsStream("/dictionaries/passwords.txt"), StandardCharsets.UTF_8))) {
            in.lines().filter(p -> p.length() >= 12).map(p -> p.toLowerCase(Locale.ROOT)).forEach(expected::add);
        }
        List<String> shipped = Files.readAllLines(Path.of("keycloak-realm/vidcase-common-passwords.txt"));
        assertThat(shipped).hasSizeGreaterThan(400).containsExactlyElementsOf(expected);
    }

    private static JsonNode flow(JsonNode realm, String alias) {
        for (JsonNode flow : realm.path("authenticationFlows")) {
            if (flow.path("alias").asText().equals(alias)) {
                return flow;
            }
        }
        throw new AssertionError("no flow " + alias);
    }

    private static JsonNode subflow(JsonNode realm, JsonNode flow, String requirement) {
        for (JsonNode e : flow.path("authenticationExecutions")) {
            if (e.has("flowAlias") && e.path("requirement").asText().equals(requirement)) {
                return flow(realm, e.path("flowAlias").asText());
            }
        }
        throw new AssertionError("no " + requirement + " subflow in " + flow.path("alias").asText());
    }

    private static JsonNode client(JsonNode realm, String clientId) {
        for (JsonNode client : realm.path("clients")) {
            if (client.path("clientId").asText().equals(clientId)) {
                return client;
            }
        }
        throw new AssertionError("no client " + clientId);
    }
}
