package org.vidcase.hashset.importer;

/**
 * A rejected entry of a hash-set file and why: its 1-based line number (CSV and plain lists), record
 * number (VICS JSON) or row number (NSRL database).
 */
public record EntryError(long line, String message) {
}
