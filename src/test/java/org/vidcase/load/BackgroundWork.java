package org.vidcase.load;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * The long work that runs while the officers do theirs: a supervisor importing a reference hash
 * set, and the clustering of a case into series. Each is submitted like any request and then
 * followed through its job until it ends.
 */
final class BackgroundWork {

    private static final Duration JOB_LIMIT = Duration.ofMinutes(5);

    private final LoadHttp http;
    private final String runTag;
    private final Random random;

    BackgroundWork(LoadHttp http, String runTag, long seed) {
        this.http = http;
        this.runTag = runTag;
        this.random = new Random(seed);
    }

    /**
     * Registers a set (inactive, so that it changes no match of anyone's case) and imports a plain
     * list of {@code entries} hashes into it, MD5, SHA-1, SHA-256 and PDQ mixed, as the supervisor.
     */
    Outcome importHashSet(Measurements m, String label, int entries) throws InterruptedException {
        String what = "hash-set import of " + entries + " entries (" + label + ")";
        LoadHttp.Reply set = http.send(Call.postJson(RequestType.HASH_SET_IMPORT, "supervisor", "/api/hash-sets",
                json(Map.of("name", "Load " + runTag + " " + label, "source", "CUSTOM",
                        "version", UUID.randomUUID().toString(), "kind", "ALERT", "defaultCategory", "1",
                        "description", "Synthetic hashes of the load test"))).expect(201)
                .check((b, s) -> "EMPTY".equals(b.path("importState").asText()) && !b.path("active").asBoolean() ? null
                        : "a new set that is not empty and inactive: " + LoadHttp.excerpt(b.toString())), m);
        if (!set.ok()) {
            return Outcome.failed(JobKind.HASH_SET_IMPORT, m.phase(), what);
        }
        String setId = set.body().path("id").asText();
        long submitted = System.nanoTime();
        LoadHttp.Reply job = http.send(Call.post(RequestType.HASH_SET_IMPORT, "supervisor", "/api/hash-sets/" + setId
                        + "/imports?format=PLAIN&fileName=load-list.txt", "text/plain", hashList(entries)).expect(202)
                .check((b, s) -> "hash-set-import".equals(b.path("type").asText()) ? null
                        : "not a hash-set import job: " + LoadHttp.excerpt(b.toString())), m);
        if (!job.ok()) {
            return Outcome.failed(JobKind.HASH_SET_IMPORT, m.phase(), what);
        }
        String jobId = job.body().path("id").asText();
        JsonNode end = await(m, jobId, "supervisor");
        String problem = end == null ? "did not end within " + JOB_LIMIT.toMinutes() + " minutes"
                : !"SUCCEEDED".equals(end.path("state").asText()) ? "ended " + end.path("state").asText() + ": "
                + end.path("message").asText() : null;
        if (problem == null) {
            LoadHttp.Reply after = http.send(Call.get(RequestType.HOUSEKEEPING, "supervisor", "/api/hash-sets/" + setId)
                    .check((b, s) -> b.path("entryCount").asLong() == entries
                            && "IMPORTED".equals(b.path("importState").asText()) ? null
                            : "the set holds " + b.path("entryCount").asLong() + " entries, state "
                            + b.path("importState").asText() + "; " + entries + " were sent"), m);
            problem = after.ok() ? null : "the set does not hold what was imported";
        }
        m.job(JobKind.HASH_SET_IMPORT, System.nanoTime() - submitted, problem);
        return new Outcome(JobKind.HASH_SET_IMPORT, m.phase(), what, jobId, end == null ? "NOT ENDED"
                : end.path("state").asText(), (System.nanoTime() - submitted) / 1e9,
                end == null ? "" : end.path("message").asText(""), problem == null);
    }

    /** Clusters the officer's case as it stands (the officer keeps uploading into it meanwhile). */
    Outcome cluster(Measurements m, VirtualOfficer officer) throws InterruptedException {
        String what = "clustering of " + officer.name() + "'s case";
        long submitted = System.nanoTime();
        LoadHttp.Reply job = http.send(Call.postJson(RequestType.CLUSTERING, officer.account(), "/api/cases/"
                        + officer.caseId() + "/series/clustering-jobs", "{}").expect(202)
                .check((b, s) -> "series-clustering".equals(b.path("type").asText())
                        && officer.caseId().equals(b.path("caseId").asText()) ? null
                        : "not the case's clustering job: " + LoadHttp.excerpt(b.toString())), m);
        if (!job.ok()) {
            return Outcome.failed(JobKind.CLUSTERING, m.phase(), what);
        }
        String jobId = job.body().path("id").asText();
        JsonNode end = await(m, jobId, officer.account());
        String problem = end == null ? "did not end within " + JOB_LIMIT.toMinutes() + " minutes"
                : !"SUCCEEDED".equals(end.path("state").asText()) ? "ended " + end.path("state").asText() + ": "
                + end.path("message").asText()
                : end.path("result").path("pictures").asLong() < 1 ? "clustered no pictures: " + end.path("result") : null;
        m.job(JobKind.CLUSTERING, System.nanoTime() - submitted, problem);
        return new Outcome(JobKind.CLUSTERING, m.phase(), what, jobId, end == null ? "NOT ENDED"
                : end.path("state").asText(), (System.nanoTime() - submitted) / 1e9,
                end == null ? "" : end.path("result").toString(), problem == null);
    }

    /** Follows the job every half second; its final status, or null if it did not end in time. */
    private JsonNode await(Measurements m, String jobId, String account) throws InterruptedException {
        long deadline = System.nanoTime() + JOB_LIMIT.toNanos();
        while (System.nanoTime() < deadline) {
            LoadHttp.Reply status = http.send(Call.get(RequestType.JOB_STATUS, account, "/api/jobs/" + jobId)
                    .check(LoadChecks.job(jobId)), m);
            if (status.ok()) {
                String state = status.body().path("state").asText();
                if (!state.equals("QUEUED") && !state.equals("RUNNING")) {
                    return status.body();
                }
            }
            Thread.sleep(500);
        }
        return null;
    }

    private byte[] hashList(int entries) {
        StringBuilder list = new StringBuilder(entries * 70).append("# synthetic hashes of the VIDCase load test\n");
        HexFormat hex = HexFormat.of();
        for (int i = 0; i < entries; i++) {
            switch (i % 4) {
                case 0 -> list.append(hex.formatHex(bytes(16)));
                case 1 -> list.append(hex.formatHex(bytes(20)));
                case 2 -> list.append("sha256:").append(hex.formatHex(bytes(32)));
                default -> list.append("pdq:").append(hex.formatHex(bytes(32)));
            }
            list.append('\n');
        }
        return list.toString().getBytes(StandardCharsets.US_ASCII);
    }

    private byte[] bytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    private String json(Object value) {
        try {
            return http.json().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** How a piece of background work ended. */
    record Outcome(JobKind kind, String phase, String what, String jobId, String state, double seconds, String detail,
                   boolean succeeded) {

        static Outcome failed(JobKind kind, String phase, String what) {
            return new Outcome(kind, phase, what, null, "NOT SUBMITTED", 0, "", false);
        }
    }
}
