package org.vidcase.hashset.importer;

/** A rejected line of a hash-set file: its 1-based line number and why. */
public record EntryError(long line, String message) {
}
