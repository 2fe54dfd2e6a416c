package org.vidcase.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Judges one answer: a refusal must be a 4xx application/problem+json document with the problem
 * fields, and no answer may show a stack trace, a class name or an internal path. A 2xx is judged
 * by the caller (was what was stored what was sent).
 */
final class ProblemOracle {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** A fully qualified class name: java.lang.String, org.vidcase.x.Y, com.fasterxml...Exception. */
    private static final Pattern CLASS_NAME = Pattern.compile(
            "\\b(?:java|javax|jakarta|sun|jdk|org|com|io|net)\\.[a-z_][a-z0-9_]*(?:\\.[a-z_][a-z0-9_]*)*\\.[A-Z][A-Za-z0-9_$]+");
    private static final Pattern STACK = Pattern.compile("\\tat |\\.java:\\d+|Caused by:|Exception\\b|Throwable\\b");

    private final List<String> internalPaths;

    /** @param internalPaths paths of this server's machine that must never reach a client (working directory, spool) */
    ProblemOracle(List<String> internalPaths) {
        this.internalPaths = List.copyOf(internalPaths);
    }

    /** Empty when the answer to an input past the HTTP layer's limits is its refusal (414, 431, 400) without a leak. */
    Optional<String> judgeProtocolRefusal(RawHttp.Answer answer) {
        if (answer.status() == 414 || answer.status() == 431 || answer.status() == 400) {
            return answer.body().length == 0 ? Optional.empty() : judge(answer);
        }
        return Optional.of("answered " + answer.status() + " to a request past the protocol limits");
    }

    /** Empty when the answer is acceptable for any input; else what is wrong with it. */
    Optional<String> judge(RawHttp.Answer answer) {
        List<String> wrong = new ArrayList<>();
        if (answer.status() == -1) {
            return Optional.of("no answer: " + answer.failure());
        }
        if (answer.status() == 0) {
            return Optional.of("broken answer: " + answer.failure());
        }
        int status = answer.status();
        if (status >= 400) {
            // Answers of 2xx carry stored data (audit details, names the caller chose); refusals carry only ours.
            leaks(answer.text(), wrong);
        }
        headersLeak(answer, wrong);
        if (status >= 500) {
            wrong.add("status " + status);
        } else if (status >= 300 && status < 400) {
            wrong.add("a redirect (" + status + ") to " + answer.header("Location"));
        } else if (status >= 400) {
            problem(answer, wrong);
        }
        return wrong.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", wrong));
    }

    private void problem(RawHttp.Answer answer, List<String> wrong) {
        String type = answer.header("Content-Type");
        if (type == null || !type.startsWith("application/problem+json")) {
            wrong.add(answer.status() + " with Content-Type " + type + ", not application/problem+json");
            return;
        }
        JsonNode problem;
        try {
            problem = JSON.readTree(answer.body());
        } catch (IOException e) {
            wrong.add("a problem body that is not JSON");
            return;
        }
        if (problem == null || !problem.isObject()) {
            wrong.add("a problem body that is not an object");
            return;
        }
        if (problem.path("status").asInt() != answer.status()) {
            wrong.add("problem status " + problem.path("status") + " for HTTP " + answer.status());
        }
        if (!problem.path("type").asText().startsWith("urn:vidcase:problem:")) {
            wrong.add("problem type " + problem.path("type"));
        }
        for (String field : List.of("title", "detail")) {
            if (!problem.path(field).isTextual() || problem.path(field).asText().isBlank()) {
                wrong.add("no problem " + field);
            }
        }
        if (!problem.path("requestId").isTextual()) {
            wrong.add("no requestId");
        }
    }

    private void leaks(String body, List<String> wrong) {
        if (CLASS_NAME.matcher(body).find()) {
            wrong.add("a class name in the body: " + excerpt(body, CLASS_NAME));
        }
        if (STACK.matcher(body).find()) {
            wrong.add("a stack trace or exception in the body: " + excerpt(body, STACK));
        }
        for (String path : internalPaths) {
            if (body.contains(path)) {
                wrong.add("an internal path in the body: " + path);
            }
        }
    }

    private void headersLeak(RawHttp.Answer answer, List<String> wrong) {
        answer.headers().forEach((name, value) -> {
            if (CLASS_NAME.matcher(value).find() || STACK.matcher(value).find()) {
                wrong.add("a class name or exception in header " + name + ": " + value);
            }
        });
    }

    private static String excerpt(String body, Pattern pattern) {
        var m = pattern.matcher(body);
        if (!m.find()) {
            return "";
        }
        int from = Math.max(0, m.start() - 60);
        int to = Math.min(body.length(), m.end() + 60);
        return "..." + body.substring(from, to).replace('\n', ' ') + "...";
    }
}
