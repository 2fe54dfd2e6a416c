package org.vidcase.load;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;

/** Body checks more than one kind of request shares. */
final class LoadChecks {

    static final Set<String> JOB_STATES = Set.of("QUEUED", "RUNNING", "SUCCEEDED", "FAILED", "CANCELLED");

    private LoadChecks() {
    }

    /** A job's status: the job asked for, in a state jobs have. */
    static Call.BodyCheck job(String jobId) {
        return (body, status) -> jobId.equals(body.path("id").asText()) && JOB_STATES.contains(body.path("state").asText())
                ? null : "not the status of job " + jobId + ": " + LoadHttp.excerpt(body.toString());
    }

    /** A find-similar answer: at most k items, each within the radius, nearest first, and a list of entries. */
    static String similarProblem(JsonNode body, int k) {
        JsonNode items = body.path("items");
        if (!items.isArray() || items.size() > k || !body.path("hashSetEntries").isArray()) {
            return "not a find-similar answer of at most " + k + " items: " + LoadHttp.excerpt(body.toString());
        }
        int radius = Integer.parseInt(VirtualOfficer.SIMILAR_RADIUS);
        int previous = -1;
        for (JsonNode item : items) {
            int distance = item.path("distance").isInt() ? item.path("distance").asInt() : -1;
            if (distance < 0 || distance < previous || distance > radius || item.path("caseId").asText().isEmpty()) {
                return "item " + item.path("mediaItemId").asText() + " at distance " + distance
                        + " out of order or beyond the radius " + radius;
            }
            previous = distance;
        }
        return null;
    }
}
