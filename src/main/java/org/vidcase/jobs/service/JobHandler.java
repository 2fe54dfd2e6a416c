package org.vidcase.jobs.service;

import org.vidcase.jobs.domain.Job;

/**
 * A kind of long work. Implementations are CDI beans; {@link #type()} names them in the job table.
 */
public interface JobHandler {

    String type();

    /**
     * Whether a run interrupted by a restart may continue from its last checkpoint. Handlers that
     * return false are marked failed after a restart and must be started again by a user.
     */
    boolean resumable();

    void run(JobContext context) throws Exception;

    /**
     * How many jobs of this type one replica runs at once; more wait queued, and the workers stay free
     * for other types (a thousand queued videos must not hold up an import).
     */
    default int maxRunning() {
        return Integer.MAX_VALUE;
    }

    /**
     * Whether the job's owner is told in their inbox when it ends. Work a person starts and waits
     * for (an import, a detection) says yes; work that follows from something else (a video's
     * hashing after its upload, a re-match, a scheduled pull) says no.
     */
    default boolean tellsOwnerWhenEnded() {
        return true;
    }

    /**
     * Called in the cancelling transaction when a job is cancelled before it started, so that a
     * handler can undo what submitting it prepared (run is then never called).
     */
    default void cancelledBeforeStart(Job job) {
        // Most jobs prepare nothing before they run.
    }
}
