package org.vidcase.matching;

/** What a match means for triage. */
public enum HashSetKind {
    /** Known abuse material: matched items are pre-categorised by hash. */
    ALERT,
    /** Known-good files (e.g. NSRL): matched items leave the review queue. */
    IGNORABLE
}
