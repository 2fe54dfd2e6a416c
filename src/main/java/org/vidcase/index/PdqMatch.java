package org.vidcase.index;

/**
 * An entry within the query radius.
 *
 * @param entryId  the caller's handle of the entry
 * @param setId    the hash set the entry belongs to
 * @param distance Hamming distance between the entry's hash and the query, 0..256
 */
public record PdqMatch(long entryId, int setId, int distance) {
}
