package org.vidcase.testsupport;

import io.restassured.path.json.JsonPath;
import java.util.Set;

/** Waits for jobs through the public API. */
public final class Jobs {

    private static final Set<String> ENDED = Set.of("SUCCEEDED", "FAILED", "CANCELLED");

    private Jobs() {
    }

    public static JsonPath awaitEnd(String jobId, String user) {
        long deadline = System.currentTimeMillis() + 120_000;
        while (System.currentTimeMillis() < deadline) {
            JsonPath job = Api.as(user).get("/api/jobs/" + jobId).then().statusCode(200).extract().jsonPath();
            if (ENDED.contains(job.getString("state"))) {
                return job;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("job " + jobId + " did not end within two minutes");
    }

    /** Waits until the job is in this state (e.g. RUNNING). */
    public static void awaitState(String jobId, String user, String state) {
        long deadline = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < deadline) {
            if (state.equals(Api.as(user).get("/api/jobs/" + jobId).then().extract().path("state"))) {
                return;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("job " + jobId + " never reached " + state);
    }
}
