package org.vidcase.jobs.service;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/** In-memory progress of a running job; the worker flushes it to the job row periodically. */
final class LiveJob implements JobContext {

    static final int MAX_KEPT_ERRORS = 100;

    private final UUID id;
    private final String type;
    private final String owner;
    private final UUID caseId;
    private final String parameters;
    private final String previousCheckpoint;
    private final Instant started = Instant.now();
    private final Duration flushInterval;
    private final Consumer<LiveJob> flusher;
    private final AtomicLong done;
    private final AtomicLong errorCount = new AtomicLong();
    private final List<String> errors = new ArrayList<>();
    private final long doneAtStart;
    private volatile Long total;
    private volatile String checkpoint;
    private volatile String message;
    private volatile String result;
    private volatile boolean cancelRequested;
    private volatile boolean stopRequested;
    private volatile boolean leaseLost;
    private volatile long lastFlushNanos = System.nanoTime();

    LiveJob(UUID id, String type, String owner, UUID caseId, String parameters, String checkpoint, long doneSoFar,
            Duration flushInterval, Consumer<LiveJob> flusher) {
        this.id = id;
        this.type = type;
        this.owner = owner;
        this.caseId = caseId;
        this.parameters = parameters;
        this.previousCheckpoint = checkpoint;
        this.checkpoint = checkpoint;
        this.done = new AtomicLong(doneSoFar);
        this.doneAtStart = doneSoFar;
        this.flushInterval = flushInterval;
        this.flusher = flusher;
    }

    @Override
    public UUID jobId() {
        return id;
    }

    @Override
    public String owner() {
        return owner;
    }

    @Override
    public UUID caseId() {
        return caseId;
    }

    @Override
    public String parameters() {
        return parameters;
    }

    @Override
    public String checkpoint() {
        return previousCheckpoint;
    }

    @Override
    public void total(long items) {
        total = items;
        flushIfDue();
    }

    @Override
    public void advance(long items) {
        done.addAndGet(items);
        flushIfDue();
    }

    @Override
    public void error(String text) {
        errorCount.incrementAndGet();
        synchronized (errors) {
            if (errors.size() < MAX_KEPT_ERRORS) {
                errors.add(text);
            }
        }
    }

    @Override
    public void checkpoint(String position) {
        checkpoint = position;
    }

    @Override
    public void message(String text) {
        message = text;
    }

    @Override
    public void result(String json) {
        result = json;
    }

    @Override
    public boolean cancelled() {
        return cancelRequested || stopRequested;
    }

    @Override
    public boolean stopping() {
        return stopRequested;
    }

    void requestCancel() {
        cancelRequested = true;
    }

    void requestStop() {
        stopRequested = true;
    }

    /** Another replica holds the job now (or may soon): stop, and write nothing more. */
    void loseLease() {
        leaseLost = true;
        stopRequested = true;
    }

    boolean leaseLost() {
        return leaseLost;
    }

    String type() {
        return type;
    }

    private void flushIfDue() {
        long now = System.nanoTime();
        if (now - lastFlushNanos >= flushInterval.toNanos()) {
            lastFlushNanos = now;
            flusher.accept(this);
        }
    }

    Progress progress() {
        List<String> keptErrors;
        synchronized (errors) {
            keptErrors = List.copyOf(errors);
        }
        return new Progress(total, done.get(), doneAtStart, errorCount.get(), keptErrors, checkpoint, message, result,
                started);
    }

    /** A consistent copy of the live counters. */
    record Progress(Long total, long done, long doneAtStart, long errorCount, List<String> errors, String checkpoint,
                    String message, String result, Instant startedThisRun) {
    }
}
