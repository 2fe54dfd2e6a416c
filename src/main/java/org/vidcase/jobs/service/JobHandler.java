package org.vidcase.jobs.service;

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
}
