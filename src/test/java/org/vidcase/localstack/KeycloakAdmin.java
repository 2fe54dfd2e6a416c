package org.vidcase.localstack;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;

/** The real Keycloak's admin API, for tests that set up users and read what Keycloak recorded. */
public final class KeycloakAdmin {

    /** The production realm file as it is, imported under this name in test runs. */
    public static final String PRODUCTION_TEST_REALM = KeycloakService.PRODUCTION_TEST_REALM;

    private final String url;
    private final String token;

    private KeycloakAdmin(String url, String token) {
        this.url = url;
        this.token = token;
    }

    public static KeycloakAdmin connect() {
        return connect(LocalStackTestResource.running());
    }

    /** For tests that run the stack themselves (failsafe ITs). */
    public static KeycloakAdmin connect(LocalStack stack) {
        String token = given().formParams(Map.of("grant_type", "password", "client_id", "admin-cli", "username", "admin",
                        "password", stack.keycloakAdminPassword()))
                .post(stack.keycloakUrl() + "/realms/master/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token");
        return new KeycloakAdmin(stack.keycloakUrl(), token);
    }

    /** Puts the user into a unit: the group /units/{unit}, created under /units when missing. */
    public void joinUnit(String realm, String userId, String unit) {
        String units = given().auth().oauth2(token).queryParam("search", "units").queryParam("exact", true)
                .get(url + "/admin/realms/" + realm + "/groups").then().statusCode(200).extract().path("[0].id");
        List<Map<String, Object>> children = given().auth().oauth2(token).queryParam("max", 1000)
                .get(url + "/admin/realms/" + realm + "/groups/" + units + "/children").then().statusCode(200).extract()
                .jsonPath().getList("");
        String group = children.stream().filter(g -> unit.equals(g.get("name"))).map(g -> (String) g.get("id"))
                .findFirst().orElse(null);
        if (group == null) {
            given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("name", unit))
                    .post(url + "/admin/realms/" + realm + "/groups/" + units + "/children").then().statusCode(201);
            group = given().auth().oauth2(token).queryParam("max", 1000)
                    .get(url + "/admin/realms/" + realm + "/groups/" + units + "/children").then().statusCode(200)
                    .extract().jsonPath().<Map<String, Object>>getList("").stream()
                    .filter(g -> unit.equals(g.get("name"))).map(g -> (String) g.get("id")).findFirst().orElseThrow();
        }
        given().auth().oauth2(token).put(url + "/admin/realms/" + realm + "/users/" + userId + "/groups/" + group)
                .then().statusCode(204);
    }

    /** Creates an enabled user with a password (set through the policy) and realm roles; returns its id. */
    public String createUser(String realm, String username, String password, List<String> realmRoles) {
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("username", username, "enabled", true, "email", username + "@test.vidcase.example",
                        "emailVerified", true, "firstName", "Test", "lastName", "User"))
                .post(url + "/admin/realms/" + realm + "/users").then().statusCode(201);
        String id = given().auth().oauth2(token).queryParam("username", username).queryParam("exact", true)
                .get(url + "/admin/realms/" + realm + "/users").then().statusCode(200).extract().path("[0].id");
        resetPassword(realm, id, password).then().statusCode(204);
        for (String role : realmRoles) {
            Map<String, Object> representation = given().auth().oauth2(token)
                    .get(url + "/admin/realms/" + realm + "/roles/" + role).then().statusCode(200).extract()
                    .jsonPath().getMap("");
            given().auth().oauth2(token).contentType(ContentType.JSON).body(List.of(representation))
                    .post(url + "/admin/realms/" + realm + "/users/" + id + "/role-mappings/realm").then().statusCode(204);
        }
        return id;
    }

    /** Sets a password as an administrator would: the realm's password policy applies. */
    public Response resetPassword(String realm, String userId, String password) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("type", "password", "value", password, "temporary", false))
                .put(url + "/admin/realms/" + realm + "/users/" + userId + "/reset-password");
    }

    /** What brute-force detection knows of the user: {@code disabled}, {@code numFailures}. */
    public Map<String, Object> bruteForceStatus(String realm, String userId) {
        return given().auth().oauth2(token).get(url + "/admin/realms/" + realm + "/attack-detection/brute-force/users/" + userId)
                .then().statusCode(200).extract().jsonPath().getMap("");
    }

    /** The user's credentials, e.g. to see an enrolled second factor; removing one is an admin reset. */
    public List<Map<String, Object>> credentials(String realm, String userId) {
        return given().auth().oauth2(token).get(url + "/admin/realms/" + realm + "/users/" + userId + "/credentials")
                .then().statusCode(200).extract().jsonPath().getList("");
    }

    public void removeCredential(String realm, String userId, String credentialId) {
        given().auth().oauth2(token).delete(url + "/admin/realms/" + realm + "/users/" + userId + "/credentials/"
                + credentialId).then().statusCode(204);
    }

    /** Keycloak's admin events of the realm, newest first. */
    public List<Map<String, Object>> adminEvents(String realm) {
        return given().auth().oauth2(token).queryParam("max", 100)
                .get(url + "/admin/realms/" + realm + "/admin-events").then().statusCode(200).extract().jsonPath().getList("");
    }

    /** Keycloak's login events of the realm, newest first. */
    public List<Map<String, Object>> loginEvents(String realm, String userId) {
        return given().auth().oauth2(token).queryParam("user", userId).queryParam("max", 100)
                .get(url + "/admin/realms/" + realm + "/events").then().statusCode(200).extract().jsonPath().getList("");
    }

    /** A public client with the password grant and the server's audience, for tokens without a second factor. */
    public void createPasswordGrantClient(String realm, String clientId) {
        List<?> existing = given().auth().oauth2(token).queryParam("clientId", clientId)
                .get(url + "/admin/realms/" + realm + "/clients").then().statusCode(200).extract().path("");
        if (!existing.isEmpty()) {
            return;
        }
        Map<String, Object> audience = Map.of("name", "vidcase-server-audience", "protocol", "openid-connect",
                "protocolMapper", "oidc-audience-mapper", "config", Map.of("included.client.audience", "vidcase-server",
                        "id.token.claim", "false", "access.token.claim", "true"));
        Map<String, Object> amr = Map.of("name", "authentication-methods", "protocol", "openid-connect",
                "protocolMapper", "oidc-amr-mapper", "config", Map.of("access.token.claim", "true"));
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("clientId", clientId, "enabled", true, "publicClient", true, "standardFlowEnabled", false,
                        "directAccessGrantsEnabled", true, "protocolMappers", List.of(audience, amr)))
                .post(url + "/admin/realms/" + realm + "/clients").then().statusCode(201);
    }

    /**
     * Lets a client's browser flows come back to one more origin (a test server on a port of its
     * own), as an operator sets the web origin: a redirect URI {@code origin/*} and the origin.
     */
    @SuppressWarnings("unchecked")
    public void allowOrigin(String realm, String clientId, String origin) {
        Map<String, Object> client = client(realm, clientId);
        List<String> redirects = new java.util.ArrayList<>((List<String>) client.get("redirectUris"));
        if (!redirects.contains(origin + "/*")) {
            redirects.add(origin + "/*");
            client.put("redirectUris", redirects);
            updateClient(realm, client);
        }
    }

    /** Sets (or with null removes) an attribute of a client, e.g. {@code access.token.lifespan} in seconds. */
    @SuppressWarnings("unchecked")
    public void setClientAttribute(String realm, String clientId, String attribute, String value) {
        Map<String, Object> client = client(realm, clientId);
        Map<String, Object> attributes = new java.util.HashMap<>((Map<String, Object>) client.get("attributes"));
        if (value == null) {
            attributes.remove(attribute);
        } else {
            attributes.put(attribute, value);
        }
        client.put("attributes", attributes);
        updateClient(realm, client);
    }

    /** Ends every Keycloak session of the user, as an administrator's sign-out does. */
    public void signOutEverywhere(String realm, String username) {
        given().auth().oauth2(token).post(url + "/admin/realms/" + realm + "/users/" + userId(realm, username) + "/logout")
                .then().statusCode(204);
    }

    public String userId(String realm, String username) {
        return given().auth().oauth2(token).queryParam("username", username).queryParam("exact", true)
                .get(url + "/admin/realms/" + realm + "/users").then().statusCode(200).extract().path("[0].id");
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> client(String realm, String clientId) {
        List<Map<String, Object>> found = given().auth().oauth2(token).queryParam("clientId", clientId)
                .get(url + "/admin/realms/" + realm + "/clients").then().statusCode(200).extract().jsonPath().getList("");
        if (found.isEmpty()) {
            throw new IllegalArgumentException("no client " + clientId + " in realm " + realm);
        }
        return new java.util.HashMap<>(found.get(0));
    }

    private void updateClient(String realm, Map<String, Object> client) {
        given().auth().oauth2(token).contentType(ContentType.JSON).body(client)
                .put(url + "/admin/realms/" + realm + "/clients/" + client.get("id")).then().statusCode(204);
    }

    public String realmUrl(String realm) {
        return url + "/realms/" + realm;
    }
}
