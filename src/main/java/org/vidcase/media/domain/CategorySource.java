package org.vidcase.media.domain;

/** Who decided an item's category: a person always outranks the machine. */
public enum CategorySource {
    /** An officer's decision; never overridden automatically. */
    HUMAN,
    /** Pre-categorised by a reference hash-set match. */
    HASH_MATCH,
    /** Taken over from a forensic-tool export. */
    IMPORT
}
