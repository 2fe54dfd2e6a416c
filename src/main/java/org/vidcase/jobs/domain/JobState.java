package org.vidcase.jobs.domain;

/** Life of a job. A restart never leaves a job RUNNING: it is re-queued if resumable, else FAILED. */
public enum JobState {
    QUEUED, RUNNING, SUCCEEDED, FAILED, CANCELLED;

    public boolean isTerminal() {
        return this == SUCCEEDED || this == FAILED || this == CANCELLED;
    }
}
