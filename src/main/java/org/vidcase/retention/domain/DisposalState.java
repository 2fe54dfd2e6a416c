package org.vidcase.retention.domain;

/** Where a case's disposal stands. */
public enum DisposalState {
    /** A supervisor approved it; the disposal job removes the case. */
    APPROVED,
    /** The case's rows and its key are gone; the bucket's objects follow with the orphan sweep. */
    DISPOSED,
    /** The job found a reason not to go on (a legal hold set after the approval): nothing was removed. */
    STOPPED
}
