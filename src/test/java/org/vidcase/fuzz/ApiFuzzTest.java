package org.vidcase.fuzz;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.vidcase.localstack.LocalStackTestResource;
import org.vidcase.testsupport.Api;
import org.vidcase.testsupport.Tokens;

/**
 * Every operation of the server's own OpenAPI document gets at least 50 malformed and hostile
 * inputs (see {@link InputClass}), sent over a raw socket with a token of a role the operation
 * allows, aimed at real ids of a fixture case as well as at hostile ones. Each answer must be a 4xx
 * problem document without class names, stack traces or internal paths, or a 2xx for an input
 * that was in fact valid, in which case what was stored must be what was sent. A refused request
 * stores nothing (rows counted before and after), and after the run the server is ready and the
 * audit chain verifies. The seed is printed and {@code -Dvidcase.fuzz.seed} repeats a run; the
 * report (counts per operation and input class) goes to {@code target/fuzz-report.md}.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, restrictToAnnotatedClass = false)
class ApiFuzzTest {

    /** Fewer operations than this means the document is not being read right: the test must not pass on nothing. */
    private static final int EXPECTED_OPERATIONS = 60;
    private static final Path REPORT = Paths.get("target/fuzz-report.md");
    private static final List<String> USERS = List.of("officer", "supervisor", "investigator", "liaison", "auditor");
    private static final Set<String> ENDED = Set.of("SUCCEEDED", "FAILED", "CANCELLED");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    AgroalDataSource db;

    @Test
    void everyOperationRefusesHostileInputCleanlyAndStoresNothing() throws Exception {
        long seed = ApiFuzzSeeds.DEFAULT;
        System.out.println("ApiFuzzTest: seed " + seed + " (repeat with -Dvidcase.fuzz.seed=" + seed + ")");
        long started = System.currentTimeMillis();
        awaitIdle();
        Instant since = databaseNow();
        FuzzFixture fixture = FuzzFixture.create(seed);

        String document = given().accept("application/json").get("/q/openapi?format=json").then().statusCode(200)
                .extract().asString();
        ApiDocument api = ApiDocument.parse(document);
        List<ApiOperation> operations = ordered(api.operations());
        assertThat(operations).as("operations in /q/openapi").hasSizeGreaterThanOrEqualTo(EXPECTED_OPERATIONS);

        try (StoredRows rows = new StoredRows(db, since)) {
            run(seed, started, fixture, api, operations, rows);
        }
    }

    private void run(long seed, long started, FuzzFixture fixture, ApiDocument api, List<ApiOperation> operations,
                     StoredRows rows) throws Exception {
        assertThat(rows.tables()).as("tables counted").contains("vid_case", "media_item", "media_location", "seizure");
        HostileInputs generator = new HostileInputs(api, fixture, seed);
        RawHttp http = new RawHttp("localhost", RestAssured.port, 30_000);
        ProblemOracle oracle = new ProblemOracle(List.of(System.getProperty("user.dir"), "/tmp/uploads", ".local-stack",
                "/root/"));
        FuzzReport report = new FuzzReport(seed);

        long[] timing = new long[4];
        for (ApiOperation op : operations) {
            String user = roleFor(op, generator, http);
            fixture.discover(op, user == null ? "officer" : user);
            report.operation(op, user == null ? "none (403 for every demo role)" : user);
            List<FuzzInput> inputs = generator.generate(op);
            assertThat(inputs.size()).as(op.id() + " inputs").isGreaterThanOrEqualTo(HostileInputs.MINIMUM_PER_OPERATION);
            String caller = user == null ? "officer" : user;
            Map<String, Long> batchBefore = rows.count();
            Map<String, Long> baseline = batchBefore;
            Map<String, Long> versions = new java.util.HashMap<>();
            long opStarted = System.currentTimeMillis();
            for (int i = 0; i < inputs.size(); i++) {
                FuzzInput input = inputs.get(i);
                long t0 = System.nanoTime();
                HttpRequestSpec request = withVersion(op, input.request(), caller, versions)
                        .withHeader("Authorization", "Bearer " + Tokens.of(caller));
                long t1 = System.nanoTime();
                RawHttp.Answer answer = http.send(request);
                long t2 = System.nanoTime();
                List<String> wrong = new ArrayList<>();
                (input.expect() == FuzzInput.Expect.PROTOCOL_LIMIT ? oracle.judgeProtocolRefusal(answer)
                        : oracle.judge(answer)).ifPresent(wrong::add);
                int status = answer.status();
                boolean accepted = status >= 200 && status < 300;
                if (accepted && input.expect() != FuzzInput.Expect.MAY_PASS) {
                    wrong.add("accepted (" + status + ") although the input is malformed");
                }
                if (input.expect() == FuzzInput.Expect.NOT_FOUND && status != 404 && status > 0 && status < 500) {
                    wrong.add("answered " + status + " where a caller without need-to-know must get 404");
                }
                if (accepted) {
                    awaitJob(answer, caller).ifPresent(wrong::add);
                    if (generator.takesDocument(op)) {
                        storedAsSent(op, request, answer, caller).ifPresent(wrong::add);
                    }
                    versions.clear();
                }
                long t3 = System.nanoTime();
                if (op.changesState()) {
                    // One count per request: a refusal must leave the counts as the previous request left them.
                    Map<String, Long> after = rows.count();
                    Map<String, String> changed = StoredRows.changed(baseline, after);
                    if (!accepted && !changed.isEmpty()) {
                        wrong.add("refused with " + status + " but rows changed: " + changed);
                    }
                    baseline = after;
                }
                long t4 = System.nanoTime();
                timing[0] += t1 - t0;
                timing[1] += t2 - t1;
                timing[2] += t3 - t2;
                timing[3] += t4 - t3;
                report.record(op, i, input, status, wrong.isEmpty() ? null : String.join("; ", wrong)
                        + " | answer: " + excerpt(answer));
            }
            report.took(op, System.currentTimeMillis() - opStarted);
            if (!op.changesState()) {
                Map<String, String> changed = StoredRows.changed(batchBefore, rows.count());
                if (!changed.isEmpty()) {
                    report.record(op, -1, new FuzzInput(InputClass.VALID, "all inputs of a read-only operation",
                            HttpRequestSpec.of(op.method(), op.path()), FuzzInput.Expect.MAY_PASS), 200,
                            "a read-only operation changed rows: " + changed);
                }
            }
        }

        List<String> afterwards = new ArrayList<>();
        int ready = given().get("/q/health/ready").statusCode();
        int live = given().get("/q/health/live").statusCode();
        afterwards.add("readiness " + ready + ", liveness " + live);
        JsonPath chain = Api.as("auditor").get("/api/audit/verification").then().statusCode(200).extract().jsonPath();
        afterwards.add("audit chain intact: " + chain.getBoolean("intact") + " (" + chain.getLong("eventsChecked")
                + " events checked)");
        afterwards.add("tables counted: " + String.join(", ", rows.tables()));
        afterwards.add(String.format(java.util.Locale.ROOT, "time spent: versions %.1f s, requests %.1f s, jobs and "
                        + "read-backs %.1f s, row counts %.1f s", timing[0] / 1e9, timing[1] / 1e9, timing[2] / 1e9,
                timing[3] / 1e9));
        report.write(REPORT, System.currentTimeMillis() - started, afterwards);
        System.out.println("ApiFuzzTest: " + report.operations() + " operations, " + report.total() + " inputs, "
                + report.failures().size() + " failures, " + (System.currentTimeMillis() - started) / 1000
                + " s; report in " + REPORT.toAbsolutePath());
        report.failures().stream().limit(40).forEach(f -> System.out.println("FUZZ FAILURE " + f));

        assertThat(report.fewestInputs()).isGreaterThanOrEqualTo(HostileInputs.MINIMUM_PER_OPERATION);
        assertThat(ready).as("readiness after the run").isEqualTo(200);
        assertThat(live).as("liveness after the run").isEqualTo(200);
        assertThat(chain.getBoolean("intact")).as("audit chain after the run").isTrue();
        assertThat(report.failures()).as("failures (seed " + seed + "; details in " + REPORT + ")").isEmpty();
    }

    /** Reads first, then changes, removals, and closing a case last: the fixture must last the run. */
    private static List<ApiOperation> ordered(List<ApiOperation> operations) {
        return operations.stream().sorted(Comparator.comparingInt((ApiOperation op) -> {
            if (op.path().endsWith("/close")) {
                return 3;
            }
            return switch (op.method()) {
                case "GET", "HEAD" -> 0;
                case "DELETE" -> 2;
                default -> 1;
            };
        }).thenComparing(ApiOperation::path).thenComparing(ApiOperation::method)).toList();
    }

    /**
     * The first demo user whose roles the operation allows: each is sent a request the operation
     * refuses after its role check (unknown ids in the path, a broken body), until one is not 403.
     */
    private static String roleFor(ApiOperation op, HostileInputs generator, RawHttp http) {
        Map<String, byte[]> unknown = new LinkedHashMap<>();
        op.pathParameters().forEach(p -> unknown.put(p.name(), UUID.randomUUID().toString().getBytes(StandardCharsets.US_ASCII)));
        HttpRequestSpec probe = generator.valid(op).withTarget(generator.target(op, unknown, generator.validQuery(op)));
        if (generator.takesDocument(op)) {
            probe = probe.withBody("application/json", "{".getBytes(StandardCharsets.US_ASCII));
        }
        for (String user : USERS) {
            int status = http.send(probe.withHeader("Authorization", "Bearer " + Tokens.of(user))).status();
            if (status != 403 && status != 401) {
                return user;
            }
        }
        return null;
    }

    /** Puts the object's current version where the generator left its placeholder. */
    private static HttpRequestSpec withVersion(ApiOperation op, HttpRequestSpec request, String user,
                                               Map<String, Long> versions) {
        byte[] body = request.body();
        String placeholder = "\"" + SchemaValues.VERSION + "\":" + SchemaValues.VERSION_PLACEHOLDER;
        if (body == null || !new String(body, StandardCharsets.ISO_8859_1).contains(placeholder)) {
            return request;
        }
        long version = versions.computeIfAbsent(request.targetText(), target -> {
            try {
                return currentVersion(op, request, user);
            } catch (RuntimeException unreadable) {
                return 0L; // A hostile path no client library will send: the version does not matter.
            }
        });
        String text = new String(body, StandardCharsets.ISO_8859_1).replace(placeholder,
                "\"" + SchemaValues.VERSION + "\":" + version);
        return new HttpRequestSpec(request.method(), request.target(), request.headers(),
                text.getBytes(StandardCharsets.ISO_8859_1), request.chunked());
    }

    /** The version of the innermost object of the path, read from the nearest readable resource above it. */
    private static long currentVersion(ApiOperation op, HttpRequestSpec request, String user) {
        String path = request.targetText().split("\\?")[0];
        String[] segments = path.split("/");
        String innermost = null;
        for (String s : segments) {
            if (s.matches("[0-9a-fA-F-]{36}")) {
                innermost = s;
            }
        }
        for (int cut = 0; cut < 3 && segments.length - cut > 2; cut++) {
            String candidate = String.join("/", java.util.Arrays.copyOf(segments, segments.length - cut));
            io.restassured.response.Response read = Api.as(user).get(candidate);
            if (read.statusCode() != 200) {
                continue;
            }
            try {
                JsonNode node = JSON.readTree(read.asByteArray());
                Optional<Long> found = versionOf(node, innermost);
                if (found.isPresent()) {
                    return found.get();
                }
            } catch (IOException e) {
                // Not JSON: try the next resource up.
            }
        }
        return 0;
    }

    private static Optional<Long> versionOf(JsonNode node, String id) {
        if (node.isObject()) {
            if (node.has("version") && (id == null || id.equalsIgnoreCase(node.path("id").asText()))) {
                return Optional.of(node.get("version").asLong());
            }
            for (JsonNode child : node) {
                Optional<Long> inner = versionOf(child, id);
                if (inner.isPresent()) {
                    return inner;
                }
            }
        } else if (node.isArray()) {
            for (JsonNode element : node) {
                Optional<Long> inner = versionOf(element, id);
                if (inner.isPresent()) {
                    return inner;
                }
            }
        }
        return Optional.empty();
    }

    /** A 202 names a job: it must end (and end well or with a reason) before rows are counted again. */
    private static Optional<String> awaitJob(RawHttp.Answer answer, String user) {
        String location = answer.header("Location");
        if (answer.status() != 202 || location == null || !location.contains("/api/jobs/")) {
            return Optional.empty();
        }
        String path = location.substring(location.indexOf("/api/jobs/"));
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline) {
            JsonPath job = Api.as(user).get(path).then().extract().jsonPath();
            String state = job.getString("state");
            if (state != null && ENDED.contains(state)) {
                return Optional.empty();
            }
            sleep(50);
        }
        return Optional.of("job " + path + " did not end within 60 s");
    }

    /**
     * A request that changed something with a JSON document: every text field sent that the answer
     * (and, read back, the resource) shows under the same name must be exactly what was sent.
     */
    private static Optional<String> storedAsSent(ApiOperation op, HttpRequestSpec request, RawHttp.Answer answer,
                                                 String user) {
        if (!op.changesState() || request.body() == null || !String.valueOf(request.headers().get("Content-Type"))
                .startsWith("application/json")) {
            return Optional.empty();
        }
        JsonNode sent;
        JsonNode echoed;
        try {
            sent = JSON.readTree(request.body());
        } catch (IOException e) {
            return Optional.of("accepted a body that is not one JSON document");
        }
        String answerType = String.valueOf(answer.header("Content-Type"));
        try {
            // An answer that is not JSON (a file handed over) echoes nothing to compare.
            echoed = answer.body().length == 0 || !answerType.contains("json") ? null : JSON.readTree(answer.body());
        } catch (IOException e) {
            return Optional.of("answered a JSON type with a body that is not one JSON document");
        }
        if (sent == null || !sent.isObject()) {
            return Optional.empty();
        }
        List<String> differences = new ArrayList<>();
        compare(sent, echoed, "answer", differences);
        String location = answer.header("Location");
        String readBack = location != null ? location.replaceFirst("^https?://[^/]+", "") : null;
        if (readBack == null && op.method().matches("PUT|PATCH")) {
            readBack = request.targetText().split("\\?")[0];
        }
        if (readBack != null && readBack.matches("[A-Za-z0-9/_.~%;=-]+")) {
            io.restassured.response.Response read = Api.as(user).urlEncodingEnabled(false).get(readBack);
            if (read.statusCode() == 200 && read.contentType().startsWith("application/json")) {
                try {
                    compare(sent, JSON.readTree(read.asByteArray()), "read back", differences);
                } catch (IOException e) {
                    differences.add("read back: not JSON");
                }
            }
        }
        return differences.isEmpty() ? Optional.empty() : Optional.of("stored is not what was sent: " + differences);
    }

    private static void compare(JsonNode sent, JsonNode stored, String where, List<String> differences) {
        if (stored == null || !stored.isObject()) {
            return;
        }
        sent.properties().forEach(field -> {
            JsonNode value = stored.get(field.getKey());
            // Names and titles are stripped of surrounding whitespace by the services: a normalisation, not garbage.
            if (field.getValue().isTextual() && value != null && value.isTextual()
                    && !field.getKey().equals("version") && !value.asText().equals(field.getValue().asText())
                    && !value.asText().equals(field.getValue().asText().strip())) {
                differences.add(where + " " + field.getKey() + ": sent " + quote(field.getValue().asText()) + ", got "
                        + quote(value.asText()));
            }
        });
    }

    private static String quote(String s) {
        return HttpRequestSpec.printable(s.getBytes(StandardCharsets.UTF_8), 80);
    }

    private static String excerpt(RawHttp.Answer answer) {
        return answer.status() + " " + answer.header("Content-Type") + " " + HttpRequestSpec.printable(answer.body(), 300);
    }

    private void awaitIdle() throws Exception {
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline) {
            try (Connection c = db.getConnection(); Statement s = c.createStatement();
                 ResultSet r = s.executeQuery("SELECT count(*) FROM job WHERE state IN ('QUEUED', 'RUNNING')")) {
                r.next();
                if (r.getLong(1) == 0) {
                    return;
                }
            }
            sleep(200);
        }
    }

    private Instant databaseNow() throws Exception {
        try (Connection c = db.getConnection(); Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT now()")) {
            r.next();
            return r.getTimestamp(1).toInstant();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
