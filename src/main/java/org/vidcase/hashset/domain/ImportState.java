package org.vidcase.hashset.domain;

/** Where a hash set's entries stand: a set version is imported once, from one file. */
public enum ImportState {
    /** Registered, nothing imported yet. */
    EMPTY,
    /** An import job is running (or will resume after a restart). */
    IMPORTING,
    /** Entries stored and indexed. */
    IMPORTED,
    /** The import failed; its partial entries were removed and it may be tried again. */
    FAILED
}
