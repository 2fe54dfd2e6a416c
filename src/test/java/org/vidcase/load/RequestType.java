package org.vidcase.load;

/** The kinds of request the load sends, in the order the report lists them. */
public enum RequestType {

    UPLOAD_RAW("upload, raw body"),
    UPLOAD_MULTIPART("upload, multipart (3 files)"),
    VICS_IMPORT("VICS import, submit"),
    JOB_STATUS("job status"),
    REVIEW_QUEUE("review queue (to review, of the exhibit)"),
    REVIEW_QUEUE_STACKS("review queue, stacks"),
    REVIEW_QUEUE_SEARCH("review queue, index filter"),
    FIND_SIMILAR_ITEM("find similar, from an item"),
    FIND_SIMILAR_HASH("find similar, from a PDQ hash"),
    CATEGORISE("categorise an item"),
    HASH_SET_IMPORT("hash-set import, submit"),
    CLUSTERING("clustering job, submit"),
    TOKEN("token from Keycloak"),
    /** Set-up (cases, exhibits) and the checks after the load; reported only when they fail. */
    HOUSEKEEPING("set-up and final checks");

    private final String label;

    RequestType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The requests of the officers' mix, which the report quotes against their baseline. */
    public boolean inMix() {
        return this != TOKEN && this != HOUSEKEEPING && this != HASH_SET_IMPORT && this != CLUSTERING;
    }
}
