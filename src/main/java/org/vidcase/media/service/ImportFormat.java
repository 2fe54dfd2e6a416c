package org.vidcase.media.service;

/** Forensic-tool export formats accepted for hash-only import. */
public enum ImportFormat {
    /** Project VIC VICS JSON, 1.1 to 2.0. */
    VICS,
    /** CSV with a header naming the columns. */
    CSV
}
