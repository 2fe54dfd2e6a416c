package org.vidcase.media.domain;

/** Where an item stands in the review of a seizure. */
public enum ReviewFilter {
    /** Unknown to every reference set and not yet categorised by a person: the review queue. */
    TO_REVIEW,
    /** Matches known abuse material (alert sets). */
    ALERT,
    /** Matches only known-good files: set aside. */
    IGNORABLE,
    /** Unknown to the reference sets and categorised by a person. */
    REVIEWED
}
