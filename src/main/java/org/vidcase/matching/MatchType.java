package org.vidcase.matching;

/** The hash through which an item matched a reference entry. */
public enum MatchType {
    MD5, SHA1, SHA256, PHOTODNA,
    /** Perceptual near match: the distance says how near. */
    PDQ,
    /** A frame of a video near a known picture: the distance and the frame's time say where. */
    FRAME_PDQ,
    /** A video near a known video by vPDQ: both shares of matched frames say how near. */
    VPDQ;

    public boolean exact() {
        return this != PDQ && this != FRAME_PDQ && this != VPDQ;
    }
}
