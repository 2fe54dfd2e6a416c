package org.vidcase.matching;

/** The hash through which an item matched a reference entry. */
public enum MatchType {
    MD5, SHA1, SHA256, PHOTODNA,
    /** Perceptual near match: the distance says how near. */
    PDQ;

    public boolean exact() {
        return this != PDQ;
    }
}
