package org.vidcase.load;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/** One request of the load: what it is, as whom, what it sends and what answer counts as correct. */
record Call(RequestType type, String account, String method, String pathAndQuery, String contentType, byte[] body,
            Set<Integer> expected, BodyCheck check) {

    static Call get(RequestType type, String account, String pathAndQuery) {
        return new Call(type, account, "GET", pathAndQuery, null, null, Set.of(200), BodyCheck.ANY_JSON);
    }

    static Call post(RequestType type, String account, String pathAndQuery, String contentType, byte[] body) {
        return new Call(type, account, "POST", pathAndQuery, contentType, body, Set.of(200), BodyCheck.ANY_JSON);
    }

    static Call postJson(RequestType type, String account, String pathAndQuery, String json) {
        return post(type, account, pathAndQuery, "application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    static Call putJson(RequestType type, String account, String pathAndQuery, String json) {
        return new Call(type, account, "PUT", pathAndQuery, "application/json", json.getBytes(StandardCharsets.UTF_8),
                Set.of(200), BodyCheck.ANY_JSON);
    }

    Call expect(Integer... statuses) {
        return new Call(type, account, method, pathAndQuery, contentType, body,
                Arrays.stream(statuses).collect(Collectors.toUnmodifiableSet()), check);
    }

    Call check(BodyCheck bodyCheck) {
        return new Call(type, account, method, pathAndQuery, contentType, body, expected, bodyCheck);
    }

    /** What a correct body looks like; answers what is wrong with it, or null. */
    @FunctionalInterface
    interface BodyCheck {

        BodyCheck ANY_JSON = (body, status) -> null;

        String problemWith(JsonNode body, int status);
    }
}
