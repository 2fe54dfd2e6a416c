package org.vidcase.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The generator on a small OpenAPI document: what it reads, how many inputs of which classes, and that a seed repeats them. */
class HostileInputsTest {

    private static final String CASE = "0e7c2a51-8f43-4d6b-b1e2-6a9d3c4f5e10";
    private static final String DOCUMENT = """
            {"openapi": "3.1.0", "info": {"title": "t", "version": "1"},
             "paths": {
              "/q/health": {"get": {"responses": {"200": {"description": "up"}}}},
              "/api/cases/{caseId}/media": {
               "parameters": [{"name": "caseId", "in": "path", "required": true, "schema": {"type": "string", "format": "uuid"}}],
               "get": {"parameters": [{"name": "size", "in": "query", "schema": {"type": "integer", "format": "int32", "minimum": 1, "maximum": 1000}},
                                      {"name": "q", "in": "query", "schema": {"type": "string"}}],
                       "responses": {"200": {"description": "ok", "content": {"application/json": {}}}}}},
              "/api/cases": {"post": {"requestBody": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/CreateCase"}}}},
                                       "responses": {"201": {"description": "ok"}}}},
              "/api/cases/{caseId}/seizures/{seizureId}/media": {"post": {
               "parameters": [{"name": "caseId", "in": "path", "required": true, "schema": {"type": "string", "format": "uuid"}},
                              {"name": "seizureId", "in": "path", "required": true, "schema": {"type": "string", "format": "uuid"}},
                              {"name": "fileName", "in": "query", "required": true, "schema": {"type": "string"}}],
               "requestBody": {"content": {"application/octet-stream": {"schema": {"type": "string", "format": "binary"}},
                                           "multipart/form-data": {"schema": {"type": "object"}}}},
               "responses": {"201": {"description": "ok"}}}}},
             "components": {"schemas": {"CreateCase": {"type": "object", "required": ["reference", "title"],
               "properties": {"reference": {"type": "string", "examples": ["NCA-2026-0412"]},
                              "title": {"type": "string", "examples": ["Lantern"]},
                              "description": {"type": ["string", "null"]},
                              "priority": {"type": "integer", "format": "int32"}}}}}}
            """;
    private static final FixtureIds IDS = new FixtureIds() {
        @Override
        public Optional<String> pathValue(String template, String parameter) {
            return Optional.of(CASE);
        }

        @Override
        public Optional<String> foreignPathValue(String template, String parameter) {
            return Optional.of("11111111-2222-3333-4444-555555555555");
        }

        @Override
        public List<String> fieldIds(String field) {
            return List.of();
        }
    };

    @Test
    void readsTheApiOperationsWithTheirParametersBodiesAndAnswers() {
        List<ApiOperation> operations = ApiDocument.parse(DOCUMENT).operations();
        assertThat(operations).extracting(ApiOperation::id).containsExactly("POST /api/cases",
                "GET /api/cases/{caseId}/media", "POST /api/cases/{caseId}/seizures/{seizureId}/media");
        ApiOperation list = operations.get(1);
        assertThat(list.pathParameters()).extracting(ApiOperation.Parameter::name).containsExactly("caseId");
        assertThat(list.queryParameters()).extracting(ApiOperation.Parameter::name).containsExactly("size", "q");
        assertThat(list.produces()).containsExactly("application/json");
        assertThat(operations.get(2).bodies()).containsOnlyKeys("application/octet-stream", "multipart/form-data");
        assertThatThrownBy(() -> ApiDocument.parse("not json")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void everyOperationGetsAtLeastFiftyInputsAndTheDocumentOnesGetEveryBodyClass() throws Exception {
        ApiDocument document = ApiDocument.parse(DOCUMENT);
        HostileInputs generator = new HostileInputs(document, IDS, 7);
        for (ApiOperation op : document.operations()) {
            List<FuzzInput> inputs = generator.generate(op);
            assertThat(inputs.size()).as(op.id()).isBetween(HostileInputs.MINIMUM_PER_OPERATION,
                    HostileInputs.MAXIMUM_PER_OPERATION);
            assertThat(inputs.get(0).inputClass()).isEqualTo(InputClass.VALID);
        }
        ApiOperation create = document.operations().get(0);
        Set<InputClass> classes = generator.generate(create).stream().map(FuzzInput::inputClass)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(InputClass.class)));
        assertThat(classes).contains(InputClass.MALFORMED_JSON, InputClass.WRONG_TYPE, InputClass.UNKNOWN_FIELD,
                InputClass.HUGE_VALUE, InputClass.EMPTY_VALUE, InputClass.NULL_VALUE, InputClass.CONTROL_CHARACTERS,
                InputClass.INVALID_UTF8, InputClass.PATH_TRAVERSAL, InputClass.DEEP_NESTING, InputClass.CHUNKED_BODY,
                InputClass.WRONG_CONTENT_TYPE, InputClass.HUGE_NUMBER, InputClass.DUPLICATE_KEY, InputClass.FORMULA_PREFIX);
        JsonNode valid = new ObjectMapper().readTree(generator.valid(create).body());
        assertThat(valid.path("reference").asText()).startsWith("NCA-2026-0412-");
        assertThat(valid.path("title").asText()).startsWith("Lantern");
        ApiOperation upload = document.operations().get(2);
        Set<InputClass> fileClasses = generator.generate(upload).stream().map(FuzzInput::inputClass)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(InputClass.class)));
        assertThat(fileClasses).contains(InputClass.HOSTILE_FILE, InputClass.PATH_PARAMETER, InputClass.PATH_TRAVERSAL,
                InputClass.INVALID_UTF8, InputClass.CHUNKED_BODY);
        assertThat(generator.generate(upload)).anySatisfy(input -> assertThat(input.request().targetText())
                .contains("/11111111-2222-3333-4444-555555555555/").isNotNull());
    }

    @Test
    void aSeedRepeatsItsInputsAndAnotherSeedChangesThem() {
        ApiDocument document = ApiDocument.parse(DOCUMENT);
        for (ApiOperation op : document.operations()) {
            List<FuzzInput> first = new HostileInputs(document, IDS, 7).generate(op);
            List<FuzzInput> again = new HostileInputs(document, IDS, 7).generate(op);
            List<FuzzInput> other = new HostileInputs(document, IDS, 8).generate(op);
            assertThat(first).hasSameSizeAs(again);
            for (int i = 0; i < first.size(); i++) {
                assertThat(same(first.get(i), again.get(i))).as(op.id() + " #" + i).isTrue();
            }
            assertThat(first.size() != other.size()
                    || java.util.stream.IntStream.range(0, first.size()).anyMatch(i -> !same(first.get(i), other.get(i))))
                    .as(op.id()).isTrue();
        }
    }

    @Test
    void aLongListKeepsEveryClassWhenCut() {
        List<FuzzInput> many = new java.util.ArrayList<>();
        for (int i = 0; i < 100; i++) {
            many.add(new FuzzInput(InputClass.WRONG_TYPE, "w" + i, HttpRequestSpec.of("GET", "/"), FuzzInput.Expect.REFUSED));
        }
        many.add(new FuzzInput(InputClass.DEEP_NESTING, "d", HttpRequestSpec.of("GET", "/"), FuzzInput.Expect.REFUSED));
        List<FuzzInput> cut = HostileInputs.inTurn(many, 10);
        assertThat(cut).hasSize(10).extracting(FuzzInput::inputClass).contains(InputClass.DEEP_NESTING);
    }

    private static boolean same(FuzzInput a, FuzzInput b) {
        return a.inputClass() == b.inputClass() && a.description().equals(b.description())
                && Arrays.equals(a.request().target(), b.request().target())
                && Arrays.equals(a.request().body(), b.request().body())
                && a.request().headers().equals(b.request().headers());
    }
}
