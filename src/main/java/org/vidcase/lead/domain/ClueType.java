package org.vidcase.lead.domain;

/** Kinds of clue; the comment says how another case's clue is found equal ({@link ClueKeys}). */
public enum ClueType {
    /** A place named or recognised: exact normalised text. */
    LOCATION,
    /** An object or product: exact normalised text. */
    OBJECT,
    /** Visible text or a language: not compared across cases. */
    TEXT,
    /** Clothing or a uniform: not compared across cases. */
    CLOTHING,
    /** A device or an EXIF camera serial: letters and digits only, case ignored. */
    DEVICE,
    /** A GPS position: within the configured distance. */
    GPS,
    /** An online account or username: case, a leading @ and spaces ignored. */
    ONLINE_ACCOUNT,
    /** Anything else: not compared across cases. */
    OTHER
}
