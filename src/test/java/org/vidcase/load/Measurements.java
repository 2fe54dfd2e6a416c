package org.vidcase.load;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/** What one phase of a run measured: latencies per request type, job durations, requests per replica, errors. */
final class Measurements {

    /** Errors kept with their detail; the count goes on past this. */
    private static final int KEPT_ERRORS = 200;

    private final String phase;
    private final Map<RequestType, LatencyStats> requests = new EnumMap<>(RequestType.class);
    private final Map<JobKind, LatencyStats> jobs = new EnumMap<>(JobKind.class);
    private final Map<String, LongAdder> perReplica = new ConcurrentHashMap<>();
    private final List<LoadError> errors = new ArrayList<>();
    private final AtomicInteger errorCount = new AtomicInteger();
    /** Past this time ({@link System#nanoTime()}) requests count in {@link #overflow}: the phase's window has closed. */
    private volatile long closesAt = Long.MAX_VALUE;
    private volatile Measurements overflow;

    Measurements(String phase) {
        this.phase = phase;
        for (RequestType type : RequestType.values()) {
            requests.put(type, new LatencyStats());
        }
        for (JobKind kind : JobKind.values()) {
            jobs.put(kind, new LatencyStats());
        }
    }

    String phase() {
        return phase;
    }

    /**
     * Requests that end after {@code nanoTime} (work that goes on past the phase's window, such as
     * polling a background job) are counted in {@code then}, so that the window's rates are its own.
     */
    void closeAt(long nanoTime, Measurements then) {
        closesAt = nanoTime;
        overflow = then;
    }

    /** One request and its outcome; {@code problem} is null when status and body were as expected. */
    void request(RequestType type, String replica, long latencyNanos, String problem) {
        Measurements then = overflow;
        if (then != null && System.nanoTime() - closesAt > 0) {
            then.request(type, replica, latencyNanos, problem);
            return;
        }
        requests.get(type).add(latencyNanos, problem != null);
        if (replica != null) {
            perReplica.computeIfAbsent(replica, r -> new LongAdder()).increment();
        }
        if (problem != null) {
            error(type, problem);
        }
    }

    /** A piece of background work from submission to its end; {@code problem} when it did not succeed. */
    void job(JobKind kind, long durationNanos, String problem) {
        jobs.get(kind).add(durationNanos, problem != null);
        if (problem != null) {
            error(RequestType.HOUSEKEEPING, kind.label() + ": " + problem);
        }
    }

    /** Something found wrong outside a single request (a final check). */
    void error(RequestType type, String detail) {
        errorCount.incrementAndGet();
        synchronized (errors) {
            if (errors.size() < KEPT_ERRORS) {
                errors.add(new LoadError(phase, type, detail));
            }
        }
    }

    LatencyStats.Summary summary(RequestType type) {
        return requests.get(type).summary();
    }

    LatencyStats.Summary summary(JobKind kind) {
        return jobs.get(kind).summary();
    }

    Map<String, Long> requestsPerReplica() {
        Map<String, Long> out = new TreeMap<>();
        perReplica.forEach((replica, n) -> out.put(replica, n.sum()));
        return out;
    }

    int errorCount() {
        return errorCount.get();
    }

    List<LoadError> errors() {
        synchronized (errors) {
            return List.copyOf(errors);
        }
    }

    int totalRequests() {
        return requests.entrySet().stream().filter(e -> e.getKey() != RequestType.HOUSEKEEPING)
                .mapToInt(e -> e.getValue().summary().count()).sum();
    }

    /** An unexpected status, a timeout, a malformed body or a failed check. */
    record LoadError(String phase, RequestType type, String detail) {

        @Override
        public String toString() {
            return phase + ", " + type.label() + ": " + detail;
        }
    }
}
