package org.vidcase.shared.openapi;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;
import org.vidcase.shared.error.Problem;

/**
 * Completes the published API description at start-up with what only the running server knows or
 * what every operation shares: the realm's discovery URL for Swagger UI's Authorize, a plain bearer
 * scheme for tokens got elsewhere, and the problem+json answers each operation can give.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.RUNTIME_STARTUP)
public class ApiDocumentFilter implements OASFilter {

    static final String OIDC_SCHEME = "keycloak";
    static final String BEARER_SCHEME = "bearer";
    static final String PROBLEM_SCHEMA = "Problem";

    private static final Map<String, String> PROBLEMS = new LinkedHashMap<>();

    static {
        PROBLEMS.put("400", "The request is not valid: malformed JSON, a field of the wrong type, a missing or "
                + "invalid field or parameter (each named in 'errors')");
        PROBLEMS.put("401", "No bearer token, or one that expired or is not valid (WWW-Authenticate says which)");
        PROBLEMS.put("403", "The caller's roles do not allow this operation");
        PROBLEMS.put("404", "No such resource, or one the caller may not know exists (need-to-know)");
        PROBLEMS.put("409", "The request conflicts with the resource's state or a concurrent change");
        PROBLEMS.put("413", "The request body is larger than the limit");
        PROBLEMS.put("415", "The body's Content-Type is not one this operation accepts (the detail names them)");
        PROBLEMS.put("422", "Well-formed but refused by a business rule (the detail says which)");
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        openAPI.getComponents().addSchema(PROBLEM_SCHEMA, problemSchema());
        securitySchemes(openAPI);
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            if (!path.startsWith("/api/")) {
                return;
            }
            item.getOperations().forEach((method, operation) -> describe(path, item, method, operation));
        });
    }

    private static void securitySchemes(OpenAPI openAPI) {
        Optional<String> realm = ConfigProvider.getConfig().getOptionalValue("quarkus.oidc.auth-server-url", String.class);
        SecurityScheme oidc = OASFactory.createSecurityScheme()
                .type(SecurityScheme.Type.OPENIDCONNECT)
                .description("Sign in through the realm (Swagger UI: Authorize). Authorisation code with PKCE through "
                        + "the public client vidcase-web; on the local demo realm also the password grant through "
                        + "vidcase-cli with a demo user.");
        realm.ifPresent(url -> oidc.openIdConnectUrl(url + "/.well-known/openid-configuration"));
        openAPI.getComponents().addSecurityScheme(OIDC_SCHEME, oidc);
        openAPI.getComponents().addSecurityScheme(BEARER_SCHEME, OASFactory.createSecurityScheme()
                .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
                .description("An access token of the realm, got elsewhere (e.g. with curl); it lasts 5 minutes"));
    }

    private static void describe(String path, PathItem item, PathItem.HttpMethod method, Operation operation) {
        if (operation.getSecurity() != null && !operation.getSecurity().isEmpty()) {
            SecurityRequirement bearer = OASFactory.createSecurityRequirement().addScheme(BEARER_SCHEME);
            boolean has = operation.getSecurity().stream().anyMatch(r -> r.hasScheme(BEARER_SCHEME));
            if (!has) {
                operation.addSecurityRequirement(bearer);
            }
        }
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        APIResponses responses = operation.getResponses();
        boolean hasBody = operation.getRequestBody() != null;
        boolean hasParameters = hasParameters(item, operation);
        boolean changes = method != PathItem.HttpMethod.GET && method != PathItem.HttpMethod.HEAD;
        for (Map.Entry<String, String> problem : PROBLEMS.entrySet()) {
            String status = problem.getKey();
            boolean applies = switch (status) {
                case "400" -> hasBody || hasParameters;
                case "404" -> path.contains("{");
                case "409", "422" -> changes;
                case "413", "415" -> hasBody;
                default -> true;
            };
            if (applies || responses.hasAPIResponse(status)) {
                APIResponse response = responses.hasAPIResponse(status) ? responses.getAPIResponse(status)
                        : OASFactory.createAPIResponse().description(problem.getValue());
                if (response.getDescription() == null || response.getDescription().isBlank()
                        || response.getDescription().equals(Problem.titleOf(Integer.parseInt(status)))) {
                    response.description(problem.getValue());
                }
                response.content(problemContent());
                responses.addAPIResponse(status, response);
            }
        }
        responses.getAPIResponses().forEach((status, response) -> {
            if (status.startsWith("5") && response.getContent() == null) {
                response.content(problemContent());
            }
        });
    }

    private static boolean hasParameters(PathItem item, Operation operation) {
        List<Parameter> own = operation.getParameters();
        List<Parameter> shared = item.getParameters();
        return own != null && !own.isEmpty() || shared != null && !shared.isEmpty();
    }

    private static Content problemContent() {
        return OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, OASFactory.createMediaType()
                .schema(OASFactory.createSchema().ref(PROBLEM_SCHEMA)));
    }

    private static Schema problemSchema() {
        Schema string = OASFactory.createSchema().addType(Schema.SchemaType.STRING);
        Schema fieldError = OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("One rejected field or parameter")
                .addProperty("field", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                        .description("JSON path of the field, or the parameter's name").examples(List.of("title")))
                .addProperty("message", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                        .examples(List.of("must be a JSON string")))
                .required(List.of("field", "message"));
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("RFC 9457 problem details; every error answer has this body")
                .addProperty("type", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                        .examples(List.of("urn:vidcase:problem:bad-request")))
                .addProperty("title", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                        .examples(List.of("Bad Request")))
                .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER)
                        .examples(List.of(400)))
                .addProperty("detail", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                        .description("What was wrong and how to fix it")
                        .examples(List.of("The body does not match the expected document")))
                .addProperty("instance", string.description("Path of the request"))
                .addProperty("requestId", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                        .description("Also in the X-Request-Id header and the audit trail"))
                .addProperty("errors", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY).items(fieldError))
                .required(List.of("type", "title", "status"));
    }
}
