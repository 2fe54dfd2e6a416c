package org.vidcase.index;

/**
 * An immutable group of index entries addressed by position {@code 0..size()-1}. Subclasses add
 * the hash payload and the search structures; the entry columns shared by all index kinds live
 * here so that removal and merging can be written once.
 */
abstract class Segment {

    /** The caller's handle of each entry, by position. */
    final long[] entryIds;
    /** The hash set (set version) each entry belongs to, by position. */
    final int[] setIds;

    Segment(long[] entryIds, int[] setIds) {
        if (entryIds.length != setIds.length) {
            throw new IllegalArgumentException("entry and set columns differ in length");
        }
        this.entryIds = entryIds;
        this.setIds = setIds;
    }

    final int size() {
        return entryIds.length;
    }

    /** Heap bytes held by this segment's arrays (array headers excluded). */
    abstract long memoryBytes();
}
