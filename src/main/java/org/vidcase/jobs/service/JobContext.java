package org.vidcase.jobs.service;

import java.util.UUID;

/** What a running handler sees of its job: parameters, progress reporting, cancellation. */
public interface JobContext {

    UUID jobId();

    String owner();

    UUID caseId();

    /** JSON parameters given at submission. */
    String parameters();

    /** Last checkpoint saved by an earlier, interrupted run; null on a first run. */
    String checkpoint();

    void total(long items);

    void advance(long items);

    /** Records a per-item error; the job goes on. */
    void error(String message);

    /** Saves a resume position; flushed with the progress. */
    void checkpoint(String position);

    void message(String text);

    /** JSON result document. */
    void result(String json);

    /** True when the user cancelled the job or the server is stopping: return promptly. */
    boolean cancelled();

    /**
     * True when the server is stopping: the job is not cancelled and will resume (or fail) after the
     * restart, so a handler returns without recording an outcome.
     */
    boolean stopping();
}
