package org.vidcase.matching;

/** What matching made of an item; an item without a status is unknown and still to be reviewed. */
public enum MatchStatus {
    /** Matches known abuse material: pre-categorised by hash where the set gives a category. */
    ALERT,
    /** Matches only known-good files: set aside, out of the review queue. */
    IGNORABLE
}
