package org.vidcase.load;

/** The background work the load waits for, timed from submission to its end. */
public enum JobKind {

    VICS_IMPORT("VICS import (an officer's)"),
    HASH_SET_IMPORT("hash-set import (supervisor)"),
    CLUSTERING("clustering of a case");

    private final String label;

    JobKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
