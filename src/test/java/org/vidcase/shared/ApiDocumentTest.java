package org.vidcase.shared;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.vidcase.localstack.LocalStackTestResource;

/**
 * The published OpenAPI document is one a newcomer can use: valid against the specification,
 * every error answer documented as problem+json, examples for the bodies, and an Authorize button
 * in Swagger UI that works with the realm.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, restrictToAnnotatedClass = false)
class ApiDocumentTest {

    private static final String PROBLEM_REF = "#/components/schemas/Problem";

    @Test
    void theDocumentIsValidOpenApi() throws Exception {
        String document = given().accept("application/json").get("/q/openapi?format=json").then().statusCode(200)
                .extract().asString();
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(document, null, options);
        assertThat(result.getOpenAPI()).as("parsed document").isNotNull();
        assertThat(result.getOpenAPI().getPaths()).hasSizeGreaterThan(20);
        assertThat(result.getMessages()).as("specification violations").isEmpty();
        // The parser does report violations: a broken copy is refused.
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        var withoutInfo = (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(document);
        withoutInfo.remove("info");
        SwaggerParseResult broken = new OpenAPIV3Parser().readContents(json.writeValueAsString(withoutInfo), null, options);
        assertThat(broken.getMessages()).isNotEmpty();
    }

    @Test
    void everyOperationDocumentsItsProblemAnswers() {
        Map<String, Map<String, Map<String, Object>>> paths = openApi().getMap("paths");
        List<String> missing = new ArrayList<>();
        int operations = 0;
        for (var path : paths.entrySet()) {
            if (!path.getKey().startsWith("/api/")) {
                continue;
            }
            for (var operation : path.getValue().entrySet()) {
                operations++;
                String name = operation.getKey().toUpperCase() + " " + path.getKey();
                @SuppressWarnings("unchecked")
                Map<String, Map<String, Object>> responses = (Map<String, Map<String, Object>>) operation.getValue()
                        .get("responses");
                List<String> expected = new ArrayList<>(List.of("401", "403"));
                if (path.getKey().contains("{")) {
                    expected.add("404");
                }
                if (operation.getValue().get("requestBody") != null) {
                    expected.addAll(List.of("400", "413", "415"));
                }
                if (!operation.getKey().equals("get")) {
                    expected.addAll(List.of("409", "422"));
                }
                for (String status : expected) {
                    Map<String, Object> response = responses.get(status);
                    if (response == null || !String.valueOf(response.get("content")).contains(PROBLEM_REF)
                            || !String.valueOf(response.get("content")).contains("application/problem+json")) {
                        missing.add(name + " " + status);
                    }
                }
            }
        }
        assertThat(operations).isGreaterThan(25);
        assertThat(missing).isEmpty();
        assertThat(openApi().getMap("components.schemas.Problem.properties")).containsKeys("type", "title", "status",
                "detail", "instance", "requestId", "errors");
    }

    @Test
    void uploadsDocumentTheirBodiesAndRequiredParameters() {
        JsonPath api = openApi();
        String upload = "paths.'/api/cases/{caseId}/seizures/{seizureId}/media'.post";
        assertThat(api.getMap(upload + ".requestBody.content")).containsKeys("application/octet-stream",
                "multipart/form-data");
        for (String status : List.of("200", "201", "207")) {
            assertThat(String.valueOf(api.getMap(upload + ".responses.'" + status + "'.content")))
                    .as(status).contains("UploadOutcome");
        }
        assertThat(String.valueOf(api.<Object>get(upload + ".requestBody.content.'multipart/form-data'.examples")))
                .contains("/DCIM/100APPLE");
        assertThat(String.valueOf(api.<Object>get(upload + ".requestBody.content.'multipart/form-data'.schema")))
                .contains("folder on the device");
        List<Map<String, Object>> parameters = api.getList(upload + ".parameters");
        assertThat(parameters).filteredOn(p -> "fileName".equals(p.get("name")))
                .singleElement().satisfies(p -> assertThat(p).containsEntry("required", true));
        List<Map<String, Object>> download = api.getList("paths.'/api/cases/{caseId}/media/{mediaId}/content'.get.parameters");
        assertThat(download).filteredOn(p -> "justification".equals(p.get("name")))
                .singleElement().satisfies(p -> assertThat(p).containsEntry("required", true));
    }

    @Test
    void requestBodiesCarryExamples() {
        JsonPath api = openApi();
        String caseExample = String.valueOf(api.<Object>get("paths.'/api/cases'.post.requestBody.content.'application/json'.examples"));
        assertThat(caseExample).contains("reference").contains("title");
        String exhibit = String.valueOf(api.<Object>get(
                "paths.'/api/cases/{caseId}/seizures'.post.requestBody.content.'application/json'.examples"));
        assertThat(exhibit).contains("seizedAt").contains("seizedBy").contains("2026-11-20T07:15:00Z");
        // Every request document's fields have an example, so Swagger UI shows a body to start from.
        Map<String, Map<String, Object>> schemas = api.getMap("components.schemas");
        List<String> without = new ArrayList<>();
        for (String request : List.of("CreateCaseRequest", "CloseCaseRequest", "SetMemberRequest", "CreateSeizureRequest",
                "AppendCustodyRequest", "CategoriseRequest", "CreateHashSetRequest", "SetActiveRequest")) {
            @SuppressWarnings("unchecked")
            Map<String, Map<String, Object>> properties = (Map<String, Map<String, Object>>) schemas.get(request)
                    .get("properties");
            properties.forEach((field, schema) -> {
                boolean example = schema.containsKey("examples") || schema.containsKey("example")
                        || schema.containsKey("$ref") || "array".equals(schema.get("type"));
                if (!example) {
                    without.add(request + "." + field);
                }
            });
        }
        assertThat(without).isEmpty();
    }

    @Test
    void swaggerUiAuthorizeWorksWithTheRealm() {
        String realm = ConfigProvider.getConfig().getValue("quarkus.oidc.auth-server-url", String.class);
        JsonPath api = openApi();
        assertThat(api.getString("components.securitySchemes.keycloak.type")).isEqualTo("openIdConnect");
        String discovery = api.getString("components.securitySchemes.keycloak.openIdConnectUrl");
        assertThat(discovery).isEqualTo(realm + "/.well-known/openid-configuration");
        JsonPath oidc = given().get(discovery).then().statusCode(200).extract().jsonPath();
        assertThat(oidc.getString("issuer")).isEqualTo(realm);
        assertThat(api.getString("components.securitySchemes.bearer.scheme")).isEqualTo("bearer");

        String page = given().get("/q/swagger-ui/index.html").then().statusCode(200).extract().asString();
        assertThat(page).contains("vidcase-web").contains("usePkceWithAuthorizationCodeGrant: true");

        // Authorisation code with PKCE through vidcase-web, back to Swagger UI's redirect page.
        String redirect = "http://localhost:8080/q/swagger-ui/oauth2-redirect.html";
        assertThat(authorise(oidc.getString("authorization_endpoint"), redirect)).contains("kc-form-login");
        assertThat(authorise(oidc.getString("authorization_endpoint"), "http://elsewhere.invalid/cb"))
                .contains("Invalid parameter: redirect_uri");

        // The password grant through vidcase-cli, as Swagger UI sends it from the server's origin.
        Response token = given().header("Origin", "http://localhost:8080")
                .formParams(Map.of("grant_type", "password", "client_id", "vidcase-cli", "username", "officer",
                        "password", "officer-demo"))
                .post(oidc.getString("token_endpoint"));
        assertThat(token.statusCode()).isEqualTo(200);
        assertThat(token.header("Access-Control-Allow-Origin")).isEqualTo("http://localhost:8080");
        Response foreign = given().header("Origin", "http://elsewhere.invalid")
                .formParams(Map.of("grant_type", "password", "client_id", "vidcase-cli", "username", "officer",
                        "password", "officer-demo"))
                .post(oidc.getString("token_endpoint"));
        assertThat(foreign.header("Access-Control-Allow-Origin")).isNull();
    }

    private static String authorise(String endpoint, String redirect) {
        return given().redirects().follow(false)
                .queryParam("client_id", "vidcase-web").queryParam("response_type", "code")
                .queryParam("scope", "openid").queryParam("code_challenge_method", "S256")
                .queryParam("code_challenge", "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM")
                .queryParam("redirect_uri", redirect)
                .get(endpoint).then().extract().asString();
    }

    private static JsonPath openApi() {
        return given().accept("application/json").get("/q/openapi?format=json").then().statusCode(200).extract().jsonPath();
    }
}
